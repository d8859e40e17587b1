package org.yizhan.fleet.ingest;

import java.time.Duration;
import java.util.Arrays;

/** The latest {@code capacity} latencies, and their percentiles. Thread-safe. */
final class LatencyWindow {

    private final long[] nanos;
    private int next;
    private int size;

    LatencyWindow(int capacity) {
        nanos = new long[capacity];
    }

    synchronized void record(long latencyNanos) {
        nanos[next] = Math.max(0, latencyNanos);
        next = (next + 1) % nanos.length;
        size = Math.min(size + 1, nanos.length);
    }

    IngestStatistics.Freshness snapshot() {
        long[] copy;
        synchronized (this) {
            if (size == 0) {
                return IngestStatistics.Freshness.NONE;
            }
            copy = Arrays.copyOf(nanos, size);
        }
        Arrays.sort(copy);
        return new IngestStatistics.Freshness(copy.length, Duration.ofNanos(percentile(copy, 0.50)),
                Duration.ofNanos(percentile(copy, 0.99)), Duration.ofNanos(copy[copy.length - 1]));
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
