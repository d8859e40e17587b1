package org.yizhan.kiosk.config;

import java.time.Duration;
import java.util.Objects;
import org.yizhan.kiosk.flow.HealthTimings;

/**
 * The health check's settings ({@code health.*} keys besides the device keys).
 *
 * @param retention how long readings kept for a resident stay before the daily purge deletes them
 *                  ({@code health.retention}, 180 days)
 * @param dutyPhone the centre's duty phone, shown on the crisis screen beside 120 ({@code health.duty-phone});
 *                  null when not configured, and only 120 is shown
 * @param timings   how long the guidance waits for a reading and a result stays
 */
public record HealthCheckConfig(Duration retention, String dutyPhone, HealthTimings timings) {

    public static final Duration DEFAULT_RETENTION = Duration.ofDays(180);

    public HealthCheckConfig {
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(timings, "timings");
    }
}
