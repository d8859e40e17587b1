package org.yizhan.protocol.footfall;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.yizhan.protocol.topic.KioskId;

/**
 * Footfall buckets counted exactly once. The rule ({@link #judge}), which a database-backed store applies
 * the same way: per {@link FootfallKey}, keep the bucket with the highest revision. A bucket with a key not
 * seen before is added; a higher revision replaces the kept one (its counts are the bucket's new totals,
 * not an increment); an equal or lower revision changes nothing. An equal revision with other counts is a
 * kiosk fault (it must raise the revision when counts change) and is reported as a conflict, keeping the
 * first. Totals are sums over the kept buckets only, so neither a re-delivery nor a replay after an
 * outage counts twice.
 *
 * <p>Not thread-safe: confine an instance to one thread or guard it.
 */
public final class FootfallLedger {

    /** What recording a bucket did. */
    public enum Outcome {
        /** A bucket not seen before: counted. */
        ADDED,
        /** A higher revision of a known bucket: its counts replace the kept ones. */
        SUPERSEDED,
        /** The kept revision again, with the same counts: nothing changes. */
        DUPLICATE,
        /** A lower revision than the kept one: nothing changes. */
        STALE,
        /** The kept revision again with other counts: nothing changes, and the kiosk has a fault. */
        CONFLICT;

        /** Whether the incoming bucket is now the kept one. */
        public boolean kept() {
            return this == ADDED || this == SUPERSEDED;
        }
    }

    private final Map<FootfallKey, Footfall> buckets = new HashMap<>();

    /** The rule: what receiving {@code incoming} does when {@code kept} (null if none) is held for its key. */
    public static Outcome judge(Footfall kept, Footfall incoming) {
        Objects.requireNonNull(incoming, "incoming");
        if (kept == null) {
            return Outcome.ADDED;
        }
        if (incoming.revision() > kept.revision()) {
            return Outcome.SUPERSEDED;
        }
        if (incoming.revision() < kept.revision()) {
            return Outcome.STALE;
        }
        boolean same = incoming.counts().equals(kept.counts()) && incoming.bucketMinutes() == kept.bucketMinutes();
        return same ? Outcome.DUPLICATE : Outcome.CONFLICT;
    }

    public Outcome record(KioskId kiosk, Footfall bucket) {
        FootfallKey key = new FootfallKey(kiosk, bucket.bucketStart());
        Outcome outcome = judge(buckets.get(key), bucket);
        if (outcome.kept()) {
            buckets.put(key, bucket);
        }
        return outcome;
    }

    public Optional<Footfall> bucket(FootfallKey key) {
        return Optional.ofNullable(buckets.get(key));
    }

    /** The kept buckets' counts, summed over the kiosks {@code which} accepts and buckets starting in {@code [from, to)}. */
    public FootfallCounts totals(Predicate<KioskId> which, Instant from, Instant to) {
        FootfallCounts total = FootfallCounts.NONE;
        for (Map.Entry<FootfallKey, Footfall> entry : buckets.entrySet()) {
            Instant start = entry.getKey().bucketStart();
            if (which.test(entry.getKey().kiosk()) && !start.isBefore(from) && start.isBefore(to)) {
                total = total.plus(entry.getValue().counts());
            }
        }
        return total;
    }

    public FootfallCounts totals(KioskId kiosk, Instant from, Instant to) {
        return totals(kiosk::equals, from, to);
    }

    /** Buckets kept, one per key. */
    public int size() {
        return buckets.size();
    }
}
