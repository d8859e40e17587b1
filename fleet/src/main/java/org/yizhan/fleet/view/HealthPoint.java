package org.yizhan.fleet.view;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of a kiosk's health history, the four series of its charts. Older history is downsampled, so a
 * point may stand for several health messages: then each value is their mean (the outbox depth their
 * maximum). A value the kiosk did not report is null.
 *
 * @param at              the time the point stands for
 * @param cpuCelsius      CPU temperature
 * @param load1           one-minute load average
 * @param dataFreePercent free space on the data disk, in percent
 * @param outboxRows      messages waiting in the kiosk's outbox
 */
public record HealthPoint(Instant at, Double cpuCelsius, Double load1, Double dataFreePercent, Long outboxRows) {

    public HealthPoint {
        Objects.requireNonNull(at, "at");
    }
}
