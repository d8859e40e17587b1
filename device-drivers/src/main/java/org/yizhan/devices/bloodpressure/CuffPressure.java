package org.yizhan.devices.bloodpressure;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The cuff's pressure while it inflates or deflates (Intermediate Cuff Pressure), for a live gauge on the
 * screen; in mmHg whatever {@code deviceUnit} the cuff measured in, exact as in {@link BloodPressureReading}.
 * Immutable.
 */
public record CuffPressure(BigDecimal mmHg, PressureUnit deviceUnit) {

    public CuffPressure {
        Objects.requireNonNull(mmHg, "mmHg");
        Objects.requireNonNull(deviceUnit, "deviceUnit");
    }
}
