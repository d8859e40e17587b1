package org.yizhan.fleet.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * How the console's ingest paces itself.
 *
 * @param batchMaxItems   the most messages and changes one store transaction takes (default 1,000)
 * @param batchLinger     how long the writer waits for more after a batch's first item when nothing in the batch
 *                        awaits its PUBACK (default 250 ms; health is QoS 0)
 * @param queueCapacity   items waiting for the writer before the delivery thread waits for it (default 200,000:
 *                        minutes of a 12,600-kiosk fleet; beyond it the broker holds messages back)
 * @param tick            how often every kiosk is judged again without a message, for lost kiosks (default 5 s)
 * @param reconnectMin    the first reconnect delay's ceiling (default 1 s)
 * @param reconnectMax    the largest reconnect delay's ceiling (default 30 s)
 * @param compactEvery    how often health history is downsampled (default 15 minutes)
 * @param subscribeWait   how long a SUBACK may take before the attempt counts as failed (default 10 s)
 */
public record IngestSettings(int batchMaxItems, Duration batchLinger, int queueCapacity, Duration tick,
        Duration reconnectMin, Duration reconnectMax, Duration compactEvery, Duration subscribeWait) {

    public static final IngestSettings DEFAULTS = new IngestSettings(1000, Duration.ofMillis(250), 200_000,
            Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofSeconds(10));

    public IngestSettings {
        if (batchMaxItems < 1 || queueCapacity < batchMaxItems) {
            throw new IllegalArgumentException("batches take at least one item and the queue at least a batch");
        }
        for (Duration d : new Duration[] {batchLinger, tick, reconnectMin, reconnectMax, compactEvery, subscribeWait}) {
            Objects.requireNonNull(d, "durations");
            if (d.isNegative()) {
                throw new IllegalArgumentException("ingest durations must not be negative");
            }
        }
        if (tick.toMillis() < 10 || reconnectMin.toMillis() < 1 || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("the tick is at least 10 ms and reconnect delays grow from min to max");
        }
    }

    public IngestSettings withReconnect(Duration min, Duration max) {
        return new IngestSettings(batchMaxItems, batchLinger, queueCapacity, tick, min, max, compactEvery, subscribeWait);
    }

    public IngestSettings withTick(Duration every) {
        return new IngestSettings(batchMaxItems, batchLinger, queueCapacity, every, reconnectMin, reconnectMax,
                compactEvery, subscribeWait);
    }
}
