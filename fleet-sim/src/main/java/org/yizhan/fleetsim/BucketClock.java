package org.yizhan.fleetsim;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.yizhan.protocol.footfall.Footfall;

/**
 * When each footfall bucket of a run closes, and which one it is. Buckets are numbered from 0, the bucket holding
 * the run's start; bucket {@code k} starts {@code k} bucket lengths after it, on a boundary the contract accepts.
 *
 * <ul>
 *   <li>On the <b>real clock</b> a bucket closes when it ends on the wall clock, as a kiosk's does; the first one
 *       covers only the part of it after the start ({@link #share}).</li>
 *   <li>On an <b>accelerated clock</b> a whole bucket passes every {@code realPerBucket} of real time, so bucket
 *       starts run ahead of the wall clock: with 15-minute buckets every 2 s, a minute's run fills 7.5 hours. The
 *       summary names the range, which a console's footfall query must cover.</li>
 * </ul>
 *
 * @param origin        the start of bucket 0
 * @param bucketMinutes the bucket length in bucket time
 * @param realPerBucket the real time one bucket takes
 * @param startedAt     the run's start on the wall clock
 * @param accelerated   whether buckets pass faster than the wall clock
 */
public record BucketClock(Instant origin, int bucketMinutes, Duration realPerBucket, Instant startedAt,
        boolean accelerated) {

    public BucketClock {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(realPerBucket, "realPerBucket");
        Objects.requireNonNull(startedAt, "startedAt");
        if (!origin.equals(Footfall.bucketStartOf(origin, bucketMinutes))) {
            throw new IllegalArgumentException(origin + " is not on a " + bucketMinutes + "-minute boundary");
        }
    }

    /** Buckets as the settings say, for a run starting now. */
    public static BucketClock of(SimulationSettings settings, Instant now) {
        Instant origin = Footfall.bucketStartOf(now, settings.bucketMinutes());
        return new BucketClock(origin, settings.bucketMinutes(), settings.bucketEvery(), now,
                settings.acceleratedBuckets());
    }

    public Duration length() {
        return Duration.ofMinutes(bucketMinutes);
    }

    /** The start of bucket {@code k} in bucket time. */
    public Instant start(long k) {
        return origin.plus(length().multipliedBy(k));
    }

    /** How long after the run's start bucket {@code k} closes. */
    public Duration closesAfter(long k) {
        if (accelerated) {
            return realPerBucket.multipliedBy(k + 1);
        }
        return Duration.between(startedAt, start(k + 1));
    }

    /** The part of bucket {@code k} the run lived through: 1, but less for the first bucket on the real clock. */
    public double share(long k) {
        if (accelerated || k > 0) {
            return 1;
        }
        return (double) Duration.between(startedAt, start(1)).toMillis() / length().toMillis();
    }
}
