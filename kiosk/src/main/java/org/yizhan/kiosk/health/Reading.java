package org.yizhan.kiosk.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The values of one plausible health reading, and what they mean. Immutable; every category is derived from
 * the values, so a reading read back from storage means what it meant when it was taken. Decimals are
 * {@link BigDecimal}s exactly as the device measured them: compare them with {@code compareTo}.
 *
 * <p>Plausibility: a constructor refuses values the health check would refuse ({@link RefusalReason}) with
 * an {@link IllegalArgumentException}, so no implausible reading is ever assessed, shown or stored.
 * {@link HealthAssessor} checks first and answers {@link Assessment.Refused} instead.
 */
public sealed interface Reading {

    MeasurementKind kind();

    /** The category code counted in footfall and stored; empty only for a weight without a known height. */
    Optional<String> categoryCode();

    /**
     * A blood pressure in mmHg, with the pulse rate when the cuff sent one. Plausible: systolic 50–260,
     * diastolic 30–160 and below systolic.
     */
    record BloodPressure(BigDecimal systolicMmHg, BigDecimal diastolicMmHg, Optional<BigDecimal> pulsePerMinute)
            implements Reading {

        private static final BigDecimal SYSTOLIC_MIN = BigDecimal.valueOf(50);
        private static final BigDecimal SYSTOLIC_MAX = BigDecimal.valueOf(260);
        private static final BigDecimal DIASTOLIC_MIN = BigDecimal.valueOf(30);
        private static final BigDecimal DIASTOLIC_MAX = BigDecimal.valueOf(160);

        public BloodPressure {
            Objects.requireNonNull(systolicMmHg, "systolicMmHg");
            Objects.requireNonNull(diastolicMmHg, "diastolicMmHg");
            Objects.requireNonNull(pulsePerMinute, "pulsePerMinute");
            implausibility(systolicMmHg, diastolicMmHg).ifPresent(reason -> {
                throw new IllegalArgumentException("implausible blood pressure: " + reason.description());
            });
        }

        /** Why the health check refuses these pressures; empty when it takes them. */
        public static Optional<RefusalReason> implausibility(BigDecimal systolicMmHg, BigDecimal diastolicMmHg) {
            if (outside(systolicMmHg, SYSTOLIC_MIN, SYSTOLIC_MAX)) {
                return Optional.of(RefusalReason.SYSTOLIC_OUT_OF_RANGE);
            }
            if (outside(diastolicMmHg, DIASTOLIC_MIN, DIASTOLIC_MAX)) {
                return Optional.of(RefusalReason.DIASTOLIC_OUT_OF_RANGE);
            }
            if (diastolicMmHg.compareTo(systolicMmHg) >= 0) {
                return Optional.of(RefusalReason.DIASTOLIC_NOT_BELOW_SYSTOLIC);
            }
            return Optional.empty();
        }

        /** The guideline's category, {@link BloodPressureCategory#ISOLATED_SYSTOLIC} included. */
        public BloodPressureCategory category() {
            return BloodPressureCategory.of(systolicMmHg, diastolicMmHg);
        }

        /** The level by the higher of the two pressures, never isolated-systolic: the colour and the urgency. */
        public BloodPressureCategory grade() {
            return BloodPressureCategory.gradeOf(systolicMmHg, diastolicMmHg);
        }

        /** Systolic ≥ 180 or diastolic ≥ 110. */
        public boolean crisis() {
            return BloodPressureCategory.isCrisis(systolicMmHg, diastolicMmHg);
        }

        @Override
        public MeasurementKind kind() {
            return MeasurementKind.BLOOD_PRESSURE;
        }

        @Override
        public Optional<String> categoryCode() {
            return Optional.of(category().code());
        }
    }

    /**
     * A weight in kg, plausible from 2 to 300 kg, with the height in metres (0.5–2.5) that its BMI uses when
     * one is known: sent by the scale with this weighing or remembered from the resident's earlier ones.
     */
    record Weight(BigDecimal kilograms, Optional<BigDecimal> heightMetres) implements Reading {

        private static final BigDecimal KILOGRAMS_MIN = BigDecimal.valueOf(2);
        private static final BigDecimal KILOGRAMS_MAX = BigDecimal.valueOf(300);
        private static final BigDecimal HEIGHT_MIN = new BigDecimal("0.5");
        private static final BigDecimal HEIGHT_MAX = new BigDecimal("2.5");

        public Weight {
            Objects.requireNonNull(kilograms, "kilograms");
            Objects.requireNonNull(heightMetres, "heightMetres");
            implausibility(kilograms).ifPresent(reason -> {
                throw new IllegalArgumentException("implausible weight: " + reason.description());
            });
            if (heightMetres.filter(h -> !plausibleHeight(h)).isPresent()) {
                throw new IllegalArgumentException("implausible height: outside 0.5-2.5 m");
            }
        }

        /** Why the health check refuses this weight; empty when it takes it. */
        public static Optional<RefusalReason> implausibility(BigDecimal kilograms) {
            return outside(kilograms, KILOGRAMS_MIN, KILOGRAMS_MAX) ? Optional.of(RefusalReason.WEIGHT_OUT_OF_RANGE)
                    : Optional.empty();
        }

        /** A height a person at the window can have: 0.5–2.5 m. */
        public static boolean plausibleHeight(BigDecimal metres) {
            return !outside(metres, HEIGHT_MIN, HEIGHT_MAX);
        }

        /** kg / m², rounded half up to 0.1 as it is shown; empty without a height. */
        public Optional<BigDecimal> bmi() {
            return heightMetres.map(h -> kilograms.divide(h.multiply(h), 1, RoundingMode.HALF_UP));
        }

        /** The Chinese adult band of {@link #bmi()}; empty without a height. */
        public Optional<BmiBand> band() {
            return bmi().map(BmiBand::of);
        }

        @Override
        public MeasurementKind kind() {
            return MeasurementKind.WEIGHT;
        }

        @Override
        public Optional<String> categoryCode() {
            return band().map(BmiBand::code);
        }
    }

    /**
     * A body temperature in °C, plausible from 25 to 45 °C. Its category is {@code fever} at 37.3 °C and
     * above, {@code low} below 35.0 °C (most often a thermometer held too far away: the advice is to measure
     * again), {@code normal} between.
     */
    record Temperature(BigDecimal celsius) implements Reading {

        public static final String LOW = "low";
        public static final String NORMAL = "normal";
        public static final String FEVER = "fever";

        private static final BigDecimal CELSIUS_MIN = BigDecimal.valueOf(25);
        private static final BigDecimal CELSIUS_MAX = BigDecimal.valueOf(45);
        private static final BigDecimal FEVER_FROM = new BigDecimal("37.3");
        private static final BigDecimal NORMAL_FROM = new BigDecimal("35.0");

        public Temperature {
            Objects.requireNonNull(celsius, "celsius");
            implausibility(celsius).ifPresent(reason -> {
                throw new IllegalArgumentException("implausible temperature: " + reason.description());
            });
        }

        /** Why the health check refuses this temperature; empty when it takes it. */
        public static Optional<RefusalReason> implausibility(BigDecimal celsius) {
            return outside(celsius, CELSIUS_MIN, CELSIUS_MAX) ? Optional.of(RefusalReason.TEMPERATURE_OUT_OF_RANGE)
                    : Optional.empty();
        }

        /** 37.3 °C or more. */
        public boolean fever() {
            return celsius.compareTo(FEVER_FROM) >= 0;
        }

        @Override
        public MeasurementKind kind() {
            return MeasurementKind.TEMPERATURE;
        }

        @Override
        public Optional<String> categoryCode() {
            if (fever()) {
                return Optional.of(FEVER);
            }
            return Optional.of(celsius.compareTo(NORMAL_FROM) < 0 ? LOW : NORMAL);
        }
    }

    private static boolean outside(BigDecimal value, BigDecimal min, BigDecimal max) {
        return value.compareTo(min) < 0 || value.compareTo(max) > 0;
    }
}
