package org.yizhan.kiosk.telemetry.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link OutboxPublisher} paces itself.
 *
 * @param batchSize    messages claimed and published together before their PUBACKs are awaited; the number
 *                     in flight at once. 64 by default: at a 50 ms round trip that is over 1,000 a second
 * @param ackTimeout   how long a batch waits for its PUBACKs before the missing ones count as failed (and
 *                     are sent again later); 30 s by default
 * @param pollInterval how often the publisher looks for closed buckets and pending messages without being
 *                     woken; 5 s by default, so a bucket goes out within seconds of its end
 * @param minBackoff   the wait after a round in which the broker took nothing, doubling with each such round
 *                     in a row; 1 s by default
 * @param maxBackoff   the longest such wait; 60 s by default
 */
public record PublisherOptions(int batchSize, Duration ackTimeout, Duration pollInterval, Duration minBackoff,
                               Duration maxBackoff) {

    public static final PublisherOptions DEFAULT = new PublisherOptions(64, Duration.ofSeconds(30),
            Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(60));

    public PublisherOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
        positive("ackTimeout", ackTimeout);
        positive("pollInterval", pollInterval);
        positive("minBackoff", minBackoff);
        positive("maxBackoff", maxBackoff);
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is below minBackoff " + minBackoff);
        }
    }

    /** The wait after {@code failedRounds} rounds in a row in which the broker took nothing (at least 1). */
    public Duration backoff(int failedRounds) {
        Duration wait = minBackoff;
        for (int i = 1; i < failedRounds && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) < 0 ? wait : maxBackoff;
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
