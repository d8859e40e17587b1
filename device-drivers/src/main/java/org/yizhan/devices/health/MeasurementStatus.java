package org.yizhan.devices.health;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The conditions a cuff reports alongside a blood pressure (the Measurement Status field of the Blood
 * Pressure Measurement and Intermediate Cuff Pressure characteristics). They qualify a reading, they do not
 * invalidate it: the kiosk shows the reading and advises measuring again.
 */
public enum MeasurementStatus {
    /** Bit 0. */
    BODY_MOVEMENT,
    /** Bit 1. */
    CUFF_TOO_LOOSE,
    /** Bit 2. */
    IRREGULAR_PULSE,
    /** Bits 3-4 = 1. */
    PULSE_RATE_ABOVE_UPPER_LIMIT,
    /** Bits 3-4 = 2. */
    PULSE_RATE_BELOW_LOWER_LIMIT,
    /** Bit 5. */
    IMPROPER_MEASUREMENT_POSITION;

    /**
     * The conditions set in a 16-bit status field, as an unmodifiable set in declaration order. A pulse
     * rate range of 0 (within range) and of 3 (reserved) add nothing, and bits 6-15, reserved for future
     * use, are ignored: a newer device must not lose its reading to an older kiosk.
     */
    public static Set<MeasurementStatus> decode(int statusField) {
        EnumSet<MeasurementStatus> set = EnumSet.noneOf(MeasurementStatus.class);
        if ((statusField & 0x01) != 0) {
            set.add(BODY_MOVEMENT);
        }
        if ((statusField & 0x02) != 0) {
            set.add(CUFF_TOO_LOOSE);
        }
        if ((statusField & 0x04) != 0) {
            set.add(IRREGULAR_PULSE);
        }
        switch ((statusField >> 3) & 0x03) {
            case 1 -> set.add(PULSE_RATE_ABOVE_UPPER_LIMIT);
            case 2 -> set.add(PULSE_RATE_BELOW_LOWER_LIMIT);
            default -> {
                // 0 is "within range"; 3 is reserved and says nothing about the pulse
            }
        }
        if ((statusField & 0x20) != 0) {
            set.add(IMPROPER_MEASUREMENT_POSITION);
        }
        return Collections.unmodifiableSet(set);
    }
}
