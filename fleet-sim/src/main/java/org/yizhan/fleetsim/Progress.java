package org.yizhan.fleetsim;

import java.time.Duration;
import java.util.Map;

/**
 * A running simulation's counters at one moment, for progress lines.
 *
 * @param elapsed         since the start
 * @param kiosks          kiosks simulated
 * @param connected       connected now
 * @param published       messages acknowledged so far
 * @param publishFailures publishes not acknowledged so far
 * @param connectFailures failed connects so far, by reason
 * @param crashes         simulated crashes so far
 * @param killed          kiosks killed so far
 */
public record Progress(Duration elapsed, int kiosks, int connected, long published, long publishFailures,
        Map<String, Long> connectFailures, long crashes, int killed) {

    public long connectFailuresInAll() {
        return connectFailures.values().stream().mapToLong(Long::longValue).sum();
    }
}
