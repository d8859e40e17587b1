package org.yizhan.launcher.bench;

import java.util.Arrays;

/** Latency figures of one benchmark run, in milliseconds. */
record Percentiles(int count, double p50, double p90, double p99, double max, double mean) {

    static Percentiles ofNanos(long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, ms(at(sorted, 0.50)), ms(at(sorted, 0.90)), ms(at(sorted, 0.99)),
                ms(sorted[sorted.length - 1]), ms((long) Arrays.stream(sorted).average().orElse(0)));
    }

    /** Nearest-rank percentile. */
    private static long at(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    String describe() {
        return String.format("n=%d  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  mean %.2f ms",
                count, p50, p90, p99, max, mean);
    }
}
