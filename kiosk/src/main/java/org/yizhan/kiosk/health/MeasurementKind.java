package org.yizhan.kiosk.health;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a health reading measured. The codes are the footfall's measurement kinds
 * ({@code FootfallCounts.MEASUREMENTS}) and the {@code kind} column of stored readings.
 */
public enum MeasurementKind {
    BLOOD_PRESSURE("blood-pressure"),
    WEIGHT("weight"),
    TEMPERATURE("temperature");

    private final String code;

    MeasurementKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<MeasurementKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
