package org.yizhan.kiosk.health;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.yizhan.devices.health.MeasurementStatus;

/**
 * A condition the cuff reported with a blood pressure ({@link MeasurementStatus}) that makes the reading
 * doubtful. A flag does not void the reading: it is shown, assessed and stored like any other, with the
 * advice to measure again ({@code advice.measure-again}, then {@code advice.flag.<code>}).
 */
public enum HealthFlag {
    MOVEMENT("movement"),
    CUFF_LOOSE("cuff-loose"),
    IRREGULAR_PULSE("irregular-pulse"),
    PULSE_HIGH("pulse-high"),
    PULSE_LOW("pulse-low"),
    POSITION("position");

    private final String code;

    HealthFlag(String code) {
        this.code = code;
    }

    /** The code stored with a reading and used in advice keys, e.g. {@code cuff-loose}. */
    public String code() {
        return code;
    }

    public static Optional<HealthFlag> fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    /** The flags of a cuff's measurement status, as an unmodifiable set in declaration order. */
    public static Set<HealthFlag> of(Set<MeasurementStatus> status) {
        EnumSet<HealthFlag> flags = EnumSet.noneOf(HealthFlag.class);
        for (MeasurementStatus condition : status) {
            switch (condition) {
                case BODY_MOVEMENT -> flags.add(MOVEMENT);
                case CUFF_TOO_LOOSE -> flags.add(CUFF_LOOSE);
                case IRREGULAR_PULSE -> flags.add(IRREGULAR_PULSE);
                case PULSE_RATE_ABOVE_UPPER_LIMIT -> flags.add(PULSE_HIGH);
                case PULSE_RATE_BELOW_LOWER_LIMIT -> flags.add(PULSE_LOW);
                case IMPROPER_MEASUREMENT_POSITION -> flags.add(POSITION);
                default -> {
                    // A condition newer than this kiosk: the reading stands, with the flags it can explain.
                }
            }
        }
        return Collections.unmodifiableSet(flags);
    }
}
