package org.yizhan.devices.scale;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One weighing as the scale sent it, in kilograms and metres whatever {@code deviceUnits} it measured in.
 *
 * <p>Values are {@link BigDecimal}s: the scale sends integers in steps of 0.005 kg, 0.01 lb, 0.001 m or
 * 0.1 in, and the pound (0.45359237 kg) and the inch (0.0254 m) are exact decimals, so every value here is
 * exactly what the scale measured. Compare them with {@code compareTo}. BMI and height come together or not
 * at all. The time stamp is absent when the scale sent none or one with an unknown date; the user id is
 * absent when the scale sent none or "unknown user" (0xFF). Immutable.
 */
public record WeightReading(
        BigDecimal kilograms,
        WeightUnits deviceUnits,
        Optional<LocalDateTime> timeStamp,
        OptionalInt userId,
        Optional<BigDecimal> bodyMassIndex,
        Optional<BigDecimal> heightMetres) {

    public WeightReading {
        Objects.requireNonNull(kilograms, "kilograms");
        Objects.requireNonNull(deviceUnits, "deviceUnits");
        Objects.requireNonNull(timeStamp, "timeStamp");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(bodyMassIndex, "bodyMassIndex");
        Objects.requireNonNull(heightMetres, "heightMetres");
    }
}
