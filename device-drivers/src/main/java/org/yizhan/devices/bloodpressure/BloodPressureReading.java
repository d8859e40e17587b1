package org.yizhan.devices.bloodpressure;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.yizhan.devices.health.MeasurementStatus;

/**
 * One blood pressure measurement as the cuff sent it, in mmHg whatever {@code deviceUnit} it measured in.
 *
 * <p>Pressures and pulse rate are {@link BigDecimal}s: the cuff sends exact decimals (SFLOAT) and a kPa
 * value converted at 7.50062 mmHg per kPa stays exact, so what the kiosk shows and stores is what the
 * cuff measured, without binary rounding. Compare them with {@code compareTo}; scales differ with the
 * device's resolution. The time stamp is absent when the cuff sent none or sent one with an unknown date;
 * the user id is absent when the cuff sent none or "unknown user" (0xFF). Immutable; {@code status} is an
 * unmodifiable set in {@link MeasurementStatus} order.
 */
public record BloodPressureReading(
        BigDecimal systolicMmHg,
        BigDecimal diastolicMmHg,
        Optional<BigDecimal> meanArterialPressureMmHg,
        PressureUnit deviceUnit,
        Optional<LocalDateTime> timeStamp,
        Optional<BigDecimal> pulseRatePerMinute,
        OptionalInt userId,
        Set<MeasurementStatus> status) {

    public BloodPressureReading {
        Objects.requireNonNull(systolicMmHg, "systolicMmHg");
        Objects.requireNonNull(diastolicMmHg, "diastolicMmHg");
        Objects.requireNonNull(meanArterialPressureMmHg, "meanArterialPressureMmHg");
        Objects.requireNonNull(deviceUnit, "deviceUnit");
        Objects.requireNonNull(timeStamp, "timeStamp");
        Objects.requireNonNull(pulseRatePerMinute, "pulseRatePerMinute");
        Objects.requireNonNull(userId, "userId");
        status = Collections.unmodifiableSet(status.isEmpty()
                ? EnumSet.noneOf(MeasurementStatus.class)
                : EnumSet.copyOf(status));
    }
}
