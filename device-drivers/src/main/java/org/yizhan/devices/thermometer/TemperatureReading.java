package org.yizhan.devices.thermometer;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One body temperature as the thermometer sent it, in °C whatever {@code deviceUnit} it measured in.
 *
 * <p>{@code celsius} is a {@link BigDecimal}: a Celsius thermometer's FLOAT (366 × 10^-1) is kept exactly;
 * a Fahrenheit one is converted and rounded half up to 0.01 °C, finer than any thermometer's 0.1 °F
 * (0.056 °C) step. Compare with {@code compareTo}. The time stamp is absent when the thermometer sent none
 * or one with an unknown date; the type is absent when it sent none or a reserved code. Immutable.
 */
public record TemperatureReading(
        BigDecimal celsius,
        TemperatureUnit deviceUnit,
        Optional<LocalDateTime> timeStamp,
        Optional<TemperatureType> type) {

    public TemperatureReading {
        Objects.requireNonNull(celsius, "celsius");
        Objects.requireNonNull(deviceUnit, "deviceUnit");
        Objects.requireNonNull(timeStamp, "timeStamp");
        Objects.requireNonNull(type, "type");
    }
}
