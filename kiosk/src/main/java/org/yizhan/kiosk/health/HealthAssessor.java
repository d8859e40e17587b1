package org.yizhan.kiosk.health;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yizhan.devices.health.Measurement;

/**
 * The health check's judgement of one measurement: a pure function, thread-safe, with no I/O.
 *
 * <p>Use: {@code assess(measurement)} for a visitor who measures without saving, or
 * {@code assess(measurement, records.residentHistory(pseudonym, kind))} for a resident who chose to keep their
 * history, <em>before</em> storing the new reading. The answer is {@link Assessment.Assessed} (show it; store it
 * with consent: {@link HealthRecords#store}) or {@link Assessment.Refused} (explain it, store nothing).
 * Either way, count it in footfall by kind, and an assessed reading also by its category.
 *
 * <p>Judgement:
 * <ul>
 * <li><b>Blood pressure</b>: refused outside systolic 50–260 / diastolic 30–160 mmHg or with diastolic ≥
 * systolic; otherwise its category ({@link BloodPressureCategory}: the 2018 Chinese guideline, isolated
 * systolic hypertension as a type beside its grade), a crisis at systolic ≥ 180 or diastolic ≥ 110 (whatever
 * the flags), and the cuff's status as {@link HealthFlag}s.</li>
 * <li><b>Weight</b>: refused outside 2–300 kg. The BMI uses the height the scale sent with it, or else the
 * resident's known height; a height outside 0.5–2.5 m is a scale's error and is ignored. Without a height the
 * weight has no category ({@code advice.weight.no-height}).</li>
 * <li><b>Temperature</b>: refused outside 25–45 °C; fever at ≥ 37.3 °C; below 35.0 °C "low", with the advice
 * to measure again.</li>
 * <li><b>Trend</b> (blood pressure and weight; a temperature has none): the reading against the average of the
 * resident's last {@link #TREND_READINGS} readings of the kind (fewer if they have fewer, none below
 * {@link #MIN_TREND_READINGS}), averages rounded to 0.1. A blood pressure is <em>higher</em> when its
 * systolic is at least 10 mmHg or its diastolic at least 5 mmHg above the average, else <em>lower</em> when
 * either is that far below it, else <em>about the same</em>; higher wins when one rose and the other fell,
 * because a rise is what the resident should hear about. A weight is higher or lower from 1 kg. The margins
 * are about the spread of repeated readings of one person, so "higher" means more than chance.</li>
 * </ul>
 * Advice is a list of text keys (see {@link Assessment.Assessed#adviceKeys}); "a single reading is not a
 * diagnosis" always ends it.
 */
public final class HealthAssessor {

    /** Earlier readings a trend averages at most. */
    public static final int TREND_READINGS = 5;
    /** Earlier readings a trend needs at least. */
    public static final int MIN_TREND_READINGS = 2;

    static final String CRISIS = "advice.crisis";
    static final String MEASURE_AGAIN = "advice.measure-again";
    static final String NOT_A_DIAGNOSIS = "advice.not-a-diagnosis";
    static final String NO_HEIGHT = "advice.weight.no-height";

    private static final BigDecimal SYSTOLIC_MARGIN = BigDecimal.TEN;
    private static final BigDecimal DIASTOLIC_MARGIN = BigDecimal.valueOf(5);
    private static final BigDecimal WEIGHT_MARGIN = BigDecimal.ONE;

    private HealthAssessor() {
    }

    /**
     * A measurement of a visitor without a history: no trend, and a BMI only from the scale's own height.
     *
     * @throws IllegalArgumentException for an {@link Measurement.IntermediateCuffPressure}
     */
    public static Assessment assess(Measurement measurement) {
        return assess(measurement, ResidentHistory.NONE);
    }

    /**
     * A measurement of a resident whose earlier readings and known height are {@code history}.
     *
     * @throws IllegalArgumentException for an {@link Measurement.IntermediateCuffPressure}, which is progress
     *                                  during a measurement, not a reading
     */
    public static Assessment assess(Measurement measurement, ResidentHistory history) {
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(history, "history");
        if (measurement instanceof Measurement.BloodPressure bp) {
            return bloodPressure(bp, history);
        }
        if (measurement instanceof Measurement.Weight weight) {
            return weight(weight, history);
        }
        if (measurement instanceof Measurement.Temperature temperature) {
            return temperature(temperature);
        }
        throw new IllegalArgumentException("not a reading to assess: " + measurement.characteristic());
    }

    private static Assessment bloodPressure(Measurement.BloodPressure measurement, ResidentHistory history) {
        BigDecimal systolic = measurement.reading().systolicMmHg();
        BigDecimal diastolic = measurement.reading().diastolicMmHg();
        Optional<RefusalReason> refusal = Reading.BloodPressure.implausibility(systolic, diastolic);
        if (refusal.isPresent()) {
            return new Assessment.Refused(MeasurementKind.BLOOD_PRESSURE, refusal.get());
        }
        Reading.BloodPressure reading = new Reading.BloodPressure(systolic, diastolic,
                measurement.reading().pulseRatePerMinute());
        Set<HealthFlag> flags = HealthFlag.of(measurement.reading().status());
        List<String> advice = new ArrayList<>();
        if (reading.crisis()) {
            advice.add(CRISIS);
        }
        advice.add("advice.blood-pressure." + reading.category().code());
        return assessed(reading, flags, bloodPressureTrend(reading, history), advice);
    }

    private static Assessment weight(Measurement.Weight measurement, ResidentHistory history) {
        BigDecimal kilograms = measurement.reading().kilograms();
        Optional<RefusalReason> refusal = Reading.Weight.implausibility(kilograms);
        if (refusal.isPresent()) {
            return new Assessment.Refused(MeasurementKind.WEIGHT, refusal.get());
        }
        Optional<BigDecimal> height = measurement.reading().heightMetres().filter(Reading.Weight::plausibleHeight)
                .or(() -> history.knownHeightMetres().filter(Reading.Weight::plausibleHeight));
        Reading.Weight reading = new Reading.Weight(kilograms, height);
        String advice = reading.band().map(band -> "advice.weight." + band.code()).orElse(NO_HEIGHT);
        return assessed(reading, Set.of(), weightTrend(reading, history), new ArrayList<>(List.of(advice)));
    }

    private static Assessment temperature(Measurement.Temperature measurement) {
        BigDecimal celsius = measurement.reading().celsius();
        Optional<RefusalReason> refusal = Reading.Temperature.implausibility(celsius);
        if (refusal.isPresent()) {
            return new Assessment.Refused(MeasurementKind.TEMPERATURE, refusal.get());
        }
        Reading.Temperature reading = new Reading.Temperature(celsius);
        String advice = "advice.temperature." + reading.categoryCode().orElseThrow();
        return assessed(reading, Set.of(), Optional.empty(), new ArrayList<>(List.of(advice)));
    }

    private static Assessment.Assessed assessed(Reading reading, Set<HealthFlag> flags, Optional<Trend> trend,
            List<String> advice) {
        if (!flags.isEmpty()) {
            advice.add(MEASURE_AGAIN);
            flags.forEach(flag -> advice.add("advice.flag." + flag.code()));
        }
        advice.add(NOT_A_DIAGNOSIS);
        return new Assessment.Assessed(reading, flags, trend, advice);
    }

    private static Optional<Trend> bloodPressureTrend(Reading.BloodPressure now, ResidentHistory history) {
        List<Reading.BloodPressure> earlier = earlier(history, Reading.BloodPressure.class);
        if (earlier.size() < MIN_TREND_READINGS) {
            return Optional.empty();
        }
        BigDecimal systolic = average(earlier, Reading.BloodPressure::systolicMmHg);
        BigDecimal diastolic = average(earlier, Reading.BloodPressure::diastolicMmHg);
        int systolicWay = way(now.systolicMmHg(), systolic, SYSTOLIC_MARGIN);
        int diastolicWay = way(now.diastolicMmHg(), diastolic, DIASTOLIC_MARGIN);
        Trend.Direction direction;
        if (systolicWay > 0 || diastolicWay > 0) {
            direction = Trend.Direction.HIGHER;
        } else if (systolicWay < 0 || diastolicWay < 0) {
            direction = Trend.Direction.LOWER;
        } else {
            direction = Trend.Direction.ABOUT_THE_SAME;
        }
        return Optional.of(new Trend(direction, earlier.size(), List.of(systolic, diastolic)));
    }

    private static Optional<Trend> weightTrend(Reading.Weight now, ResidentHistory history) {
        List<Reading.Weight> earlier = earlier(history, Reading.Weight.class);
        if (earlier.size() < MIN_TREND_READINGS) {
            return Optional.empty();
        }
        BigDecimal kilograms = average(earlier, Reading.Weight::kilograms);
        int way = way(now.kilograms(), kilograms, WEIGHT_MARGIN);
        Trend.Direction direction = way > 0 ? Trend.Direction.HIGHER
                : way < 0 ? Trend.Direction.LOWER : Trend.Direction.ABOUT_THE_SAME;
        return Optional.of(new Trend(direction, earlier.size(), List.of(kilograms)));
    }

    /** The newest {@link #TREND_READINGS} readings of {@code type} in the history (newest first). */
    private static <R extends Reading> List<R> earlier(ResidentHistory history, Class<R> type) {
        return history.readings().stream().map(StoredReading::reading).filter(type::isInstance).map(type::cast)
                .limit(TREND_READINGS).toList();
    }

    private static <R> BigDecimal average(List<R> readings, Function<R, BigDecimal> value) {
        BigDecimal sum = readings.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(readings.size()), 1, RoundingMode.HALF_UP);
    }

    /** 1 when {@code now} is at least {@code margin} above {@code average}, -1 when that far below, else 0. */
    private static int way(BigDecimal now, BigDecimal average, BigDecimal margin) {
        BigDecimal difference = now.subtract(average);
        if (difference.compareTo(margin) >= 0) {
            return 1;
        }
        return difference.compareTo(margin.negate()) <= 0 ? -1 : 0;
    }
}
