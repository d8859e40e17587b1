package org.yizhan.protocol.footfall;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.TopicKind;

/**
 * The counts of one time bucket of one kiosk. A bucket is identified by the kiosk (from the topic) and
 * {@link #bucketStart}; the kiosk sends it when the bucket closes and again, with a higher
 * {@link #revision} and the full new counts (never a difference), whenever something late changes it.
 * {@link FootfallLedger} keeps the highest revision, so a bucket sent twice counts once.
 *
 * @param bucketStart   the bucket's first instant, a multiple of its length since the epoch
 * @param bucketMinutes the bucket's length: 15 by default; a divisor of 60, so buckets line up with the
 *                      hours of every time zone whose offset is a multiple of 15 minutes
 * @param revision      1 for the first sending; higher supersedes lower
 * @param counts        what was counted in {@code [bucketStart, bucketStart + bucketMinutes)}
 */
public record Footfall(
        @JsonUnwrapped Envelope envelope,
        Instant bucketStart,
        int bucketMinutes,
        int revision,
        FootfallCounts counts) implements Message {

    public static final int DEFAULT_BUCKET_MINUTES = 15;

    public Footfall {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(bucketStart, "bucketStart is missing");
        if (bucketMinutes < 1 || 60 % bucketMinutes != 0) {
            throw new IllegalArgumentException("bucketMinutes must divide 60, not " + bucketMinutes);
        }
        if (bucketStart.getNano() != 0 || Math.floorMod(bucketStart.getEpochSecond(), bucketMinutes * 60L) != 0) {
            throw new IllegalArgumentException("bucketStart " + bucketStart + " is not on a " + bucketMinutes
                    + "-minute boundary");
        }
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, not " + revision);
        }
        Objects.requireNonNull(counts, "counts is missing");
    }

    /** The start of the {@code bucketMinutes} bucket holding {@code instant}. */
    public static Instant bucketStartOf(Instant instant, int bucketMinutes) {
        long length = bucketMinutes * 60L;
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), length) * length);
    }

    public Instant bucketEnd() {
        return bucketStart.plus(Duration.ofMinutes(bucketMinutes));
    }

    @Override
    public TopicKind topicKind() {
        return TopicKind.FOOTFALL;
    }
}
