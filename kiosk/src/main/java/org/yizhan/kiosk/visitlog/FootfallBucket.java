package org.yizhan.kiosk.visitlog;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.yizhan.protocol.footfall.FootfallCounts;

/**
 * One footfall bucket as the kiosk keeps it.
 *
 * @param start          the bucket's first instant, a multiple of {@code minutes} since the epoch
 * @param minutes        its length, a divisor of 60
 * @param counts         what was counted in {@code [start, start + minutes)}
 * @param revision       the revision its next footfall message carries: 1 for the first, one more than the
 *                       last queued one after a change
 * @param queuedRevision the revision last made into a footfall message in the outbox; 0 before the first
 */
public record FootfallBucket(Instant start, int minutes, FootfallCounts counts, int revision, int queuedRevision) {

    public FootfallBucket {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(counts, "counts");
        if (minutes < 1 || 60 % minutes != 0) {
            throw new IllegalArgumentException("bucket minutes must divide 60, not " + minutes);
        }
        if (revision < 1 || queuedRevision < 0 || queuedRevision > revision) {
            throw new IllegalArgumentException("revision " + revision + " and queued revision " + queuedRevision
                    + " are inconsistent");
        }
    }

    public Instant end() {
        return start.plus(Duration.ofMinutes(minutes));
    }

    /** Whether the bucket changed since it was last made into a message (or was never made into one). */
    public boolean changedSinceQueued() {
        return revision > queuedRevision;
    }
}
