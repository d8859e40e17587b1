package org.yizhan.fleet.ingest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.yizhan.protocol.topic.TopicKind;

/** The ingest's counters, written by its threads and read by {@link #snapshot}. Thread-safe. */
final class IngestCounters {

    private static final int FRESHNESS_SAMPLES = 4096;

    private final Map<TopicKind, LongAdder> byKind = new LinkedHashMap<>();
    final LongAdder malformed = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder conflicts = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder connects = new LongAdder();
    final AtomicBoolean connected = new AtomicBoolean();
    final LatencyWindow visible = new LatencyWindow(FRESHNESS_SAMPLES);
    final LatencyWindow persisted = new LatencyWindow(FRESHNESS_SAMPLES);
    private volatile int lastBatchSize;
    private volatile long lastBatchNanos;

    IngestCounters() {
        for (TopicKind kind : TopicKind.values()) {
            byKind.put(kind, new LongAdder());
        }
    }

    void received(TopicKind kind) {
        byKind.get(kind).increment();
    }

    void batch(int size, long nanos) {
        lastBatchSize = size;
        lastBatchNanos = nanos;
        batches.increment();
    }

    IngestStatistics snapshot(int queueDepth, int kiosks) {
        Map<String, Long> kinds = new LinkedHashMap<>();
        byKind.forEach((kind, count) -> kinds.put(kind.segment(), count.sum()));
        return new IngestStatistics(kinds, malformed.sum(), duplicates.sum(), conflicts.sum(), queueDepth,
                lastBatchSize, Duration.ofNanos(lastBatchNanos), batches.sum(), dropped.sum(), visible.snapshot(),
                persisted.snapshot(), connected.get(), connects.sum(), kiosks);
    }
}
