package org.yizhan.fleetsim;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.yizhan.protocol.topic.TopicKind;

/**
 * The counters of a run. Written on the simulation's thread, read from any thread (progress lines while it runs),
 * so every counter is atomic; a snapshot of several is not taken at one instant, which progress lines do not need.
 *
 * <p>"Published" means acknowledged: the PUBACK arrived for QoS 1, the message was written for QoS 0.
 */
final class Tally {

    private static final TopicKind[] SENT = {TopicKind.STATE, TopicKind.BIRTH, TopicKind.HEALTH, TopicKind.FOOTFALL,
        TopicKind.EVENTS};

    private final Map<TopicKind, LongAdder> published = new EnumMap<>(TopicKind.class);
    private final Map<TopicKind, LongAdder> failed = new EnumMap<>(TopicKind.class);
    private final Map<String, LongAdder> connectFailures = new ConcurrentHashMap<>();
    private final AtomicInteger connected = new AtomicInteger();
    private final LongAdder connects = new LongAdder();
    private final LongAdder crashes = new LongAdder();
    private final LongAdder lost = new LongAdder();

    Tally() {
        // filled before any other thread sees the maps, and never changed in shape: safe to read concurrently
        for (TopicKind kind : SENT) {
            published.put(kind, new LongAdder());
            failed.put(kind, new LongAdder());
        }
    }

    void published(TopicKind kind) {
        published.get(kind).increment();
    }

    void publishFailed(TopicKind kind) {
        failed.get(kind).increment();
    }

    void connectFailed(String reason) {
        connectFailures.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    void connected() {
        connected.incrementAndGet();
        connects.increment();
    }

    void disconnected() {
        connected.decrementAndGet();
    }

    void crashed() {
        crashes.increment();
    }

    /** An established connection the broker or the network ended. */
    void lost() {
        lost.increment();
    }

    int connectedNow() {
        return connected.get();
    }

    long publishedInAll() {
        return published.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long publishFailuresInAll() {
        return failed.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long connects() {
        return connects.sum();
    }

    long crashes() {
        return crashes.sum();
    }

    long lostConnections() {
        return lost.sum();
    }

    /** Published messages by topic kind, in the contract's order. */
    Map<String, Long> publishedByKind() {
        return byKind(published);
    }

    Map<String, Long> failedByKind() {
        return byKind(failed);
    }

    /** Failed connects by the reason the broker or the network gave, e.g. {@code not authorized (0x87)}. */
    Map<String, Long> connectFailuresByReason() {
        Map<String, Long> reasons = new TreeMap<>();
        connectFailures.forEach((reason, count) -> reasons.put(reason, count.sum()));
        return reasons;
    }

    private static Map<String, Long> byKind(Map<TopicKind, LongAdder> counters) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (TopicKind kind : SENT) {
            byKind.put(kind.segment(), counters.get(kind).sum());
        }
        return byKind;
    }
}
