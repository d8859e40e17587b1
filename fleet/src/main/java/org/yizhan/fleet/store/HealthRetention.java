package org.yizhan.fleet.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long health history is kept and how finely. The default keeps every point (one per kiosk per 30 s) for
 * 24 hours, then one point per 15 minutes (the mean of each value, the maximum outbox depth) for 30 days. For
 * 12,600 kiosks that is about 36 million raw rows and 36 million downsampled ones; see
 * {@code docs/decisions/0008-fleet-store.md}.
 *
 * @param raw         how long every point is kept
 * @param step        the length a downsampled point stands for; divides a day
 * @param downsampled how long downsampled points are kept
 */
public record HealthRetention(Duration raw, Duration step, Duration downsampled) {

    public static final HealthRetention DEFAULT = new HealthRetention(Duration.ofHours(24), Duration.ofMinutes(15),
            Duration.ofDays(30));

    public HealthRetention {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(downsampled, "downsampled");
        if (step.toSeconds() < 60 || Duration.ofDays(1).toSeconds() % step.toSeconds() != 0 || step.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("the health step is whole seconds of at least a minute dividing a day, not "
                    + step);
        }
        if (raw.compareTo(step) < 0 || downsampled.compareTo(raw) < 0) {
            throw new IllegalArgumentException("health retention must grow: step " + step + " ≤ raw " + raw
                    + " ≤ downsampled " + downsampled);
        }
    }
}
