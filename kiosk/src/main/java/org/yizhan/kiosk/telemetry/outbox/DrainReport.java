package org.yizhan.kiosk.telemetry.outbox;

import java.util.Objects;
import org.yizhan.protocol.health.OutboxDepth;

/**
 * What one round of the {@link OutboxPublisher} did.
 *
 * @param bucketsQueued footfall buckets made into messages (closed, or changed since last queued)
 * @param hoursMerged   hour buckets made by compaction
 * @param published     messages the broker acknowledged, now deleted
 * @param replayed      of those, the ones marked {@code replayed} (made before the connection came up)
 * @param failed        publish attempts that failed or timed out; those messages stay
 * @param remaining     the outbox after the round
 */
public record DrainReport(int bucketsQueued, int hoursMerged, int published, int replayed, int failed,
                          OutboxDepth remaining) {

    public DrainReport {
        Objects.requireNonNull(remaining, "remaining");
    }
}
