package org.yizhan.kiosk.health;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link HealthAssessor} made of a measurement: {@link Assessed}, to show and (with consent) store, or
 * {@link Refused}, to explain and never store. Both give the keys of their texts in order
 * ({@link #adviceKeys()}, words in {@link HealthTexts}). Immutable.
 */
public sealed interface Assessment {

    MeasurementKind kind();

    /** The keys of what to tell the resident, in the order to show them. */
    List<String> adviceKeys();

    /**
     * A plausible reading and its meaning.
     *
     * @param reading    the values, with their category ({@link Reading#categoryCode()})
     * @param flags      conditions the device reported that make the reading doubtful
     * @param trend      against the resident's earlier readings; empty without two of them, for an anonymous
     *                   visitor and for temperatures
     * @param adviceKeys {@code advice.crisis} first for a crisis, then the category's advice
     *                   ({@code advice.blood-pressure.grade-1}, {@code advice.weight.no-height} …), then for a
     *                   flagged reading {@code advice.measure-again} and each {@code advice.flag.<code>}, and
     *                   always {@code advice.not-a-diagnosis} last
     */
    record Assessed(Reading reading, Set<HealthFlag> flags, Optional<Trend> trend, List<String> adviceKeys)
            implements Assessment {

        public Assessed {
            Objects.requireNonNull(reading, "reading");
            flags = Collections.unmodifiableSet(
                    flags.isEmpty() ? EnumSet.noneOf(HealthFlag.class) : EnumSet.copyOf(flags));
            Objects.requireNonNull(trend, "trend");
            adviceKeys = List.copyOf(adviceKeys);
        }

        @Override
        public MeasurementKind kind() {
            return reading.kind();
        }

        /** A blood pressure at systolic ≥ 180 or diastolic ≥ 110: seek care now, alert the staff. */
        public boolean crisis() {
            return reading instanceof Reading.BloodPressure bp && bp.crisis();
        }

        /** The device reported a condition that makes the reading doubtful: advise measuring again. */
        public boolean measureAgain() {
            return !flags.isEmpty();
        }
    }

    /** A reading no person could have: not shown as a result, not stored; the resident measures again. */
    record Refused(MeasurementKind kind, RefusalReason reason) implements Assessment {

        public Refused {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }

        /** {@code refused.<reason>}, which asks to measure again. */
        @Override
        public List<String> adviceKeys() {
            return List.of("refused." + reason.code());
        }
    }
}
