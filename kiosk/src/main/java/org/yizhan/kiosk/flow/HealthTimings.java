package org.yizhan.kiosk.flow;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the health check waits.
 *
 * @param measure how long the guidance screen waits for a reading before saying none came
 *                ({@code health.measure-timeout}, 2 minutes: a cuff takes about one)
 * @param result  how long a result, trend or crisis screen stays before home ({@code health.result-timeout},
 *                60 s); the next person's scan clears it at once
 */
public record HealthTimings(Duration measure, Duration result) {

    public static final HealthTimings DEFAULT = new HealthTimings(Duration.ofMinutes(2), Duration.ofSeconds(60));

    public HealthTimings {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(result, "result");
    }
}
