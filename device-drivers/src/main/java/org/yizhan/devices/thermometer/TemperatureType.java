package org.yizhan.devices.thermometer;

import java.util.Optional;

/** Where on the body a temperature was taken (the Temperature Type field, codes 1-9). */
public enum TemperatureType {
    ARMPIT(1),
    /** "Body (general)". */
    BODY(2),
    /** The ear, usually the earlobe; an in-ear reading of the ear drum is {@link #TYMPANUM}. */
    EAR(3),
    FINGER(4),
    GASTROINTESTINAL_TRACT(5),
    MOUTH(6),
    RECTUM(7),
    TOE(8),
    TYMPANUM(9);

    private final int code;

    TemperatureType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type with this code; empty for 0 and 10-255, which the specification reserves. */
    public static Optional<TemperatureType> ofCode(int code) {
        for (TemperatureType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
