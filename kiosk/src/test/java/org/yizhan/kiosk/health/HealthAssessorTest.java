package org.yizhan.kiosk.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.yizhan.devices.bloodpressure.BloodPressureMeasurementParser;
import org.yizhan.devices.bloodpressure.BloodPressureReading;
import org.yizhan.devices.bloodpressure.CuffPressure;
import org.yizhan.devices.bloodpressure.PressureUnit;
import org.yizhan.devices.health.Measurement;
import org.yizhan.devices.health.MeasurementStatus;
import org.yizhan.devices.health.ParseResult;
import org.yizhan.devices.scale.WeightReading;
import org.yizhan.devices.scale.WeightUnits;
import org.yizhan.devices.thermometer.TemperatureReading;
import org.yizhan.devices.thermometer.TemperatureUnit;

/**
 * What a resident is told about a reading: the guideline's category at every boundary, crisis, the cuff's
 * flags, refused readings, BMI bands, fever and the trend. Issue 5, "Done when" 1.
 */
class HealthAssessorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:00Z");

    // ---- blood pressure categories: every edge on both sides, systolic and diastolic separately ----

    @ParameterizedTest(name = "{0}/{1} mmHg is {2} at {3}, crisis {4}")
    @CsvSource({
        // systolic edges with a normal diastolic (70): from 140 up the type is isolated systolic, graded by systolic
        "119,   70,  normal,            normal,      false",
        "120,   70,  high-normal,       high-normal, false",
        "139,   70,  high-normal,       high-normal, false",
        "140,   70,  isolated-systolic, grade-1,     false",
        "159,   70,  isolated-systolic, grade-1,     false",
        "160,   70,  isolated-systolic, grade-2,     false",
        "179,   70,  isolated-systolic, grade-2,     false",
        "180,   70,  isolated-systolic, grade-3,     true",
        // systolic edges with a grade-1 diastolic (95): the higher of the two wins
        "139,   95,  grade-1,           grade-1,     false",
        "159,   95,  grade-1,           grade-1,     false",
        "160,   95,  grade-2,           grade-2,     false",
        "179,   95,  grade-2,           grade-2,     false",
        "180,   95,  grade-3,           grade-3,     true",
        // diastolic edges with a normal systolic (115)
        "115,   79,  normal,            normal,      false",
        "115,   80,  high-normal,       high-normal, false",
        "115,   89,  high-normal,       high-normal, false",
        "115,   90,  grade-1,           grade-1,     false",
        "115,   99,  grade-1,           grade-1,     false",
        "115,  100,  grade-2,           grade-2,     false",
        "115,  109,  grade-2,           grade-2,     false",
        "115,  110,  grade-3,           grade-3,     true",
        // the diastolic edge of isolated systolic hypertension
        "150,   89,  isolated-systolic, grade-1,     false",
        "150,   90,  grade-1,           grade-1,     false",
        // both just below or at the first edge
        "119,   79,  normal,            normal,      false",
        "120,   80,  high-normal,       high-normal, false",
        // decimals from a kPa cuff fall in exactly one range
        "119.9, 79.9, normal,           normal,      false",
        "139.9, 89.9, high-normal,      high-normal, false",
        "140.0, 89.9, isolated-systolic, grade-1,    false",
        "179.9, 109.9, grade-2,         grade-2,     false",
        // mixed: the higher category wins
        "125,   95,  grade-1,           grade-1,     false",
        "165,   95,  grade-2,           grade-2,     false",
        "145,  105,  grade-2,           grade-2,     false",
        "135,  105,  grade-2,           grade-2,     false",
        "165,  115,  grade-3,           grade-3,     true",
        "185,  100,  grade-3,           grade-3,     true",
        // isolated systolic: 150/85 is isolated-systolic; 185/85 too, at grade 3, and a crisis
        "150,   85,  isolated-systolic, grade-1,     false",
        "185,   85,  isolated-systolic, grade-3,     true",
        // crisis edges
        "179,  109,  grade-2,           grade-2,     false",
        "180,  109,  grade-3,           grade-3,     true",
        "179,  110,  grade-3,           grade-3,     true",
    })
    void classifies_a_blood_pressure_by_the_2018_chinese_guideline(BigDecimal systolic, BigDecimal diastolic,
            String category, String grade, boolean crisis) {
        // when
        Assessment.Assessed assessed = assessed(HealthAssessor.assess(bloodPressure(systolic, diastolic)));

        // then
        Reading.BloodPressure reading = assertInstanceOf(Reading.BloodPressure.class, assessed.reading());
        assertEquals(category, reading.category().code());
        assertEquals(Optional.of(category), reading.categoryCode());
        assertEquals(grade, reading.grade().code());
        assertEquals(crisis, assessed.crisis());
        assertEquals(crisis, assessed.adviceKeys().contains("advice.crisis"));
        assertTrue(assessed.adviceKeys().contains("advice.blood-pressure." + category), assessed.adviceKeys().toString());
    }

    @Test
    void a_grade_is_never_isolated_systolic_and_a_category_is_at_least_as_high_as_its_grade_says() {
        for (int systolic = 60; systolic <= 260; systolic++) {
            for (int diastolic = 30; diastolic < systolic && diastolic <= 160; diastolic++) {
                BigDecimal s = BigDecimal.valueOf(systolic);
                BigDecimal d = BigDecimal.valueOf(diastolic);
                BloodPressureCategory grade = BloodPressureCategory.gradeOf(s, d);
                BloodPressureCategory category = BloodPressureCategory.of(s, d);

                assertFalse(grade == BloodPressureCategory.ISOLATED_SYSTOLIC, systolic + "/" + diastolic);
                assertEquals(systolic >= 140 && diastolic < 90, category == BloodPressureCategory.ISOLATED_SYSTOLIC,
                        systolic + "/" + diastolic);
                if (category != BloodPressureCategory.ISOLATED_SYSTOLIC) {
                    assertEquals(grade, category, systolic + "/" + diastolic);
                }
                assertEquals(grade == BloodPressureCategory.GRADE_3, BloodPressureCategory.isCrisis(s, d),
                        systolic + "/" + diastolic);
            }
        }
    }

    // ---- implausible readings: refused with a reason, never assessed ----

    @ParameterizedTest(name = "{0}/{1} mmHg: {2}")
    @CsvSource({
        "49.9,  40,  systolic-out-of-range",
        "50,    40,  accepted",
        "260,  100,  accepted",
        "260.1, 100, systolic-out-of-range",
        "300,  100,  systolic-out-of-range",
        "120,   29,  diastolic-out-of-range",
        "120,   30,  accepted",
        "200,  160,  accepted",
        "200, 160.5, diastolic-out-of-range",
        "120,  119,  accepted",
        "120,  120,  diastolic-not-below-systolic",
        "100,  110,  diastolic-not-below-systolic",
        "40,    45,  systolic-out-of-range",
    })
    void refuses_a_blood_pressure_no_person_could_have(BigDecimal systolic, BigDecimal diastolic, String outcome) {
        // when
        Assessment assessment = HealthAssessor.assess(bloodPressure(systolic, diastolic));

        // then
        if (outcome.equals("accepted")) {
            assertInstanceOf(Assessment.Assessed.class, assessment);
        } else {
            Assessment.Refused refused = assertInstanceOf(Assessment.Refused.class, assessment);
            assertEquals(outcome, refused.reason().code());
            assertEquals(MeasurementKind.BLOOD_PRESSURE, refused.kind());
            assertEquals(List.of("refused." + outcome), refused.adviceKeys());
            assertThrows(IllegalArgumentException.class,
                    () -> new Reading.BloodPressure(systolic, diastolic, Optional.empty()),
                    "an implausible reading cannot even be made, so it cannot be stored");
        }
    }

    // ---- the cuff's measurement status: "please measure again" ----

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "BODY_MOVEMENT,                 movement",
        "CUFF_TOO_LOOSE,                cuff-loose",
        "IRREGULAR_PULSE,               irregular-pulse",
        "PULSE_RATE_ABOVE_UPPER_LIMIT,  pulse-high",
        "PULSE_RATE_BELOW_LOWER_LIMIT,  pulse-low",
        "IMPROPER_MEASUREMENT_POSITION, position",
    })
    void a_condition_the_cuff_reports_asks_to_measure_again(MeasurementStatus status, String flag) {
        // when
        Assessment.Assessed assessed = assessed(HealthAssessor.assess(bloodPressure("128", "82", status)));

        // then the reading stands, with the advice to measure again and why
        assertEquals(Set.of(HealthFlag.fromCode(flag).orElseThrow()), assessed.flags());
        assertTrue(assessed.measureAgain());
        assertEquals(List.of("advice.blood-pressure.high-normal", "advice.measure-again", "advice.flag." + flag,
                "advice.not-a-diagnosis"), assessed.adviceKeys());
    }

    @Test
    void a_clean_reading_does_not_ask_to_measure_again() {
        Assessment.Assessed assessed = assessed(HealthAssessor.assess(bloodPressure("118", "76")));

        assertEquals(Set.of(), assessed.flags());
        assertFalse(assessed.measureAgain());
        assertEquals(List.of("advice.blood-pressure.normal", "advice.not-a-diagnosis"), assessed.adviceKeys());
    }

    @Test
    void a_crisis_is_a_crisis_even_when_the_cuff_doubts_the_reading() {
        // given 185/85 taken while moving, with an irregular pulse
        Measurement measurement = bloodPressure("185", "85", MeasurementStatus.IRREGULAR_PULSE,
                MeasurementStatus.BODY_MOVEMENT);

        // when
        Assessment.Assessed assessed = assessed(HealthAssessor.assess(measurement));

        // then seek care comes first, measuring again after, and never a diagnosis
        assertTrue(assessed.crisis());
        assertEquals(List.of("advice.crisis", "advice.blood-pressure.isolated-systolic", "advice.measure-again",
                "advice.flag.movement", "advice.flag.irregular-pulse", "advice.not-a-diagnosis"), assessed.adviceKeys());
    }

    @Test
    void a_frame_from_a_cuff_is_assessed_from_its_real_bytes() {
        // given a Blood Pressure Measurement (0x2A35): mmHg, pulse rate and status present; 185/100 mmHg,
        // mean 128, pulse 96, status bit 0 (body movement)
        byte[] frame = {0x14, (byte) 0xB9, 0x00, 0x64, 0x00, (byte) 0x80, 0x00, 0x60, 0x00, 0x01, 0x00};
        BloodPressureReading reading = ((ParseResult.Parsed<BloodPressureReading>) BloodPressureMeasurementParser
                .parse(frame)).reading();

        // when
        Assessment.Assessed assessed = assessed(HealthAssessor.assess(new Measurement.BloodPressure(reading)));

        // then
        Reading.BloodPressure bp = (Reading.BloodPressure) assessed.reading();
        assertEquals(0, bp.systolicMmHg().compareTo(BigDecimal.valueOf(185)));
        assertEquals(Optional.of(0), bp.pulsePerMinute().map(p -> p.compareTo(BigDecimal.valueOf(96))));
        assertEquals(BloodPressureCategory.GRADE_3, bp.category());
        assertTrue(assessed.crisis());
        assertEquals(Set.of(HealthFlag.MOVEMENT), assessed.flags());
    }

    @Test
    void the_cuffs_progress_is_not_a_reading() {
        Measurement progress = new Measurement.IntermediateCuffPressure(
                new CuffPressure(BigDecimal.valueOf(150), PressureUnit.MMHG));

        assertThrows(IllegalArgumentException.class, () -> HealthAssessor.assess(progress));
    }

    // ---- weight: BMI and the Chinese adult bands ----

    @ParameterizedTest(name = "{0} kg at 1.60 m: BMI {1}, {2}")
    @CsvSource({
        "47.10, 18.4, underweight",
        "47.36, 18.5, normal",
        "61.18, 23.9, normal",
        "61.30, 23.9, normal",
        "61.32, 24.0, overweight",
        "61.44, 24.0, overweight",
        "71.42, 27.9, overweight",
        "71.68, 28.0, obese",
        "120,   46.9, obese",
    })
    void a_weight_with_a_height_has_its_bmi_band(BigDecimal kilograms, BigDecimal bmi, String band) {
        // when
        Assessment.Assessed assessed = assessed(HealthAssessor.assess(weight(kilograms, "1.60")));

        // then the band agrees with the BMI as shown, to 0.1
        Reading.Weight reading = assertInstanceOf(Reading.Weight.class, assessed.reading());
        assertEquals(Optional.of(bmi), reading.bmi());
        assertEquals(Optional.of(band), reading.band().map(BmiBand::code));
        assertEquals(List.of("advice.weight." + band, "advice.not-a-diagnosis"), assessed.adviceKeys());
        assertFalse(assessed.crisis());
    }

    @Test
    void a_weight_uses_the_residents_known_height_when_the_scale_sends_none() {
        // given a resident whose earlier weighing had a height
        ResidentHistory history = new ResidentHistory(List.of(), Optional.of(new BigDecimal("1.60")));

        // when
        Assessment.Assessed anonymous = assessed(HealthAssessor.assess(weight(new BigDecimal("71.68"), null)));
        Assessment.Assessed known = assessed(HealthAssessor.assess(weight(new BigDecimal("71.68"), null), history));

        // then
        assertEquals(Optional.empty(), ((Reading.Weight) anonymous.reading()).bmi());
        assertEquals(Optional.empty(), anonymous.reading().categoryCode());
        assertEquals(List.of("advice.weight.no-height", "advice.not-a-diagnosis"), anonymous.adviceKeys());
        assertEquals(Optional.of(new BigDecimal("1.60")), ((Reading.Weight) known.reading()).heightMetres());
        assertEquals(Optional.of("obese"), known.reading().categoryCode());
    }

    @Test
    void the_height_the_scale_sends_wins_over_the_known_one_unless_no_person_is_that_tall() {
        ResidentHistory history = new ResidentHistory(List.of(), Optional.of(new BigDecimal("1.60")));

        Reading measured = assessed(HealthAssessor.assess(weight(new BigDecimal("70"), "1.75"), history)).reading();
        Reading absurd = assessed(HealthAssessor.assess(weight(new BigDecimal("70"), "3.50"), history)).reading();
        Reading zero = assessed(HealthAssessor.assess(weight(new BigDecimal("70"), "0"))).reading();

        assertEquals(Optional.of(new BigDecimal("1.75")), ((Reading.Weight) measured).heightMetres());
        assertEquals(Optional.of(new BigDecimal("1.60")), ((Reading.Weight) absurd).heightMetres());
        assertEquals(Optional.empty(), ((Reading.Weight) zero).heightMetres());
    }

    @ParameterizedTest(name = "{0} kg: {1}")
    @CsvSource({"1.99, refused", "2, accepted", "300, accepted", "300.01, refused"})
    void refuses_a_weight_no_person_could_have(BigDecimal kilograms, String outcome) {
        Assessment assessment = HealthAssessor.assess(weight(kilograms, null));

        assertEquals(outcome.equals("refused") ? Optional.of(RefusalReason.WEIGHT_OUT_OF_RANGE) : Optional.empty(),
                refusal(assessment));
    }

    // ---- temperature: fever from 37.3 °C ----

    @ParameterizedTest(name = "{0} °C: {1}")
    @CsvSource({
        "37.2,  normal, false",
        "37.29, normal, false",
        "37.3,  fever,  true",
        "39.5,  fever,  true",
        "35.0,  normal, false",
        "34.9,  low,    false",
    })
    void a_temperature_is_a_fever_from_37_point_3(BigDecimal celsius, String category, boolean fever) {
        // when
        Assessment.Assessed assessed = assessed(HealthAssessor.assess(temperature(celsius)));

        // then
        Reading.Temperature reading = assertInstanceOf(Reading.Temperature.class, assessed.reading());
        assertEquals(fever, reading.fever());
        assertEquals(Optional.of(category), reading.categoryCode());
        assertEquals(List.of("advice.temperature." + category, "advice.not-a-diagnosis"), assessed.adviceKeys());
    }

    @ParameterizedTest(name = "{0} °C: {1}")
    @CsvSource({"24.9, refused", "25, accepted", "45, accepted", "45.1, refused"})
    void refuses_a_temperature_no_person_could_have(BigDecimal celsius, String outcome) {
        assertEquals(outcome.equals("refused") ? Optional.of(RefusalReason.TEMPERATURE_OUT_OF_RANGE) : Optional.empty(),
                refusal(HealthAssessor.assess(temperature(celsius))));
    }

    // ---- every assessment ends with "a single reading is not a diagnosis" ----

    @ParameterizedTest
    @EnumSource(MeasurementKind.class)
    void every_assessed_reading_says_it_is_not_a_diagnosis(MeasurementKind kind) {
        Measurement measurement = switch (kind) {
            case BLOOD_PRESSURE -> bloodPressure("200", "120", MeasurementStatus.CUFF_TOO_LOOSE);
            case WEIGHT -> weight(new BigDecimal("80"), null);
            case TEMPERATURE -> temperature(new BigDecimal("38.5"));
        };

        List<String> advice = assessed(HealthAssessor.assess(measurement)).adviceKeys();

        assertEquals("advice.not-a-diagnosis", advice.get(advice.size() - 1));
    }

    // ---- trend in words ----

    @ParameterizedTest(name = "{0}/{1} against an average of 130/80: {2}")
    @CsvSource({
        "140, 80, higher",
        "139, 84, about-the-same",
        "130, 85, higher",
        "121, 76, about-the-same",
        "120, 80, lower",
        "130, 75, lower",
        "145, 70, higher",
    })
    void a_blood_pressure_is_compared_with_the_average_of_the_last_readings(BigDecimal systolic, BigDecimal diastolic,
            String direction) {
        // given five earlier readings averaging 130/80
        ResidentHistory history = history(bp("125", "78"), bp("135", "82"), bp("130", "80"), bp("128", "79"),
                bp("132", "81"));

        // when
        Trend trend = assessed(HealthAssessor.assess(bloodPressure(systolic, diastolic), history)).trend().orElseThrow();

        // then
        assertEquals(direction, trend.direction().code());
        assertEquals(5, trend.readings());
        assertEquals(List.of(new BigDecimal("130.0"), new BigDecimal("80.0")), trend.averages());
    }

    @Test
    void the_trend_averages_only_the_last_five_readings_of_the_same_kind() {
        // given, newest first: five readings at 130/80, a weight between them, and an old 200/100 beyond them
        ResidentHistory history = history(bp("130", "80"), weightReading("70"), bp("130", "80"), bp("130", "80"),
                bp("130", "80"), bp("130", "80"), bp("200", "100"));

        // when
        Trend trend = assessed(HealthAssessor.assess(bloodPressure("131", "81"), history)).trend().orElseThrow();

        // then
        assertEquals(Trend.Direction.ABOUT_THE_SAME, trend.direction());
        assertEquals(5, trend.readings());
        assertEquals(List.of(new BigDecimal("130.0"), new BigDecimal("80.0")), trend.averages());
    }

    @Test
    void there_is_no_trend_without_two_earlier_readings_of_the_kind() {
        ResidentHistory one = history(bp("130", "80"), weightReading("70"), weightReading("71"));

        assertEquals(Optional.empty(), assessed(HealthAssessor.assess(bloodPressure("150", "90"))).trend());
        assertEquals(Optional.empty(), assessed(HealthAssessor.assess(bloodPressure("150", "90"), one)).trend());
        assertEquals(Trend.Direction.HIGHER, assessed(HealthAssessor.assess(bloodPressure("150", "90"),
                history(bp("130", "80"), bp("130", "80")))).trend().orElseThrow().direction());
    }

    @ParameterizedTest(name = "{0} kg against an average of 70.5: {1}")
    @CsvSource({"71.5, higher", "71.4, about-the-same", "69.6, about-the-same", "69.5, lower"})
    void a_weight_is_higher_or_lower_from_one_kilogram(BigDecimal kilograms, String direction) {
        ResidentHistory history = history(weightReading("70"), weightReading("71"));

        Trend trend = assessed(HealthAssessor.assess(weight(kilograms, null), history)).trend().orElseThrow();

        assertEquals(direction, trend.direction().code());
        assertEquals(List.of(new BigDecimal("70.5")), trend.averages());
    }

    @Test
    void a_temperature_has_no_trend() {
        ResidentHistory history = history(new Reading.Temperature(new BigDecimal("36.5")),
                new Reading.Temperature(new BigDecimal("36.6")));

        assertEquals(Optional.empty(), assessed(HealthAssessor.assess(temperature(new BigDecimal("38")), history)).trend());
    }

    // ---- helpers ----

    private static Assessment.Assessed assessed(Assessment assessment) {
        return assertInstanceOf(Assessment.Assessed.class, assessment);
    }

    private static Optional<RefusalReason> refusal(Assessment assessment) {
        return assessment instanceof Assessment.Refused refused ? Optional.of(refused.reason()) : Optional.empty();
    }

    static Measurement bloodPressure(String systolic, String diastolic, MeasurementStatus... status) {
        return bloodPressure(new BigDecimal(systolic), new BigDecimal(diastolic), status);
    }

    static Measurement bloodPressure(BigDecimal systolic, BigDecimal diastolic, MeasurementStatus... status) {
        Set<MeasurementStatus> conditions = EnumSet.noneOf(MeasurementStatus.class);
        conditions.addAll(Arrays.asList(status));
        return new Measurement.BloodPressure(new BloodPressureReading(systolic, diastolic, Optional.empty(),
                PressureUnit.MMHG, Optional.empty(), Optional.of(BigDecimal.valueOf(72)), OptionalInt.empty(), conditions));
    }

    static Measurement weight(BigDecimal kilograms, String heightMetres) {
        Optional<BigDecimal> height = Optional.ofNullable(heightMetres).map(BigDecimal::new);
        return new Measurement.Weight(new WeightReading(kilograms, WeightUnits.SI, Optional.empty(), OptionalInt.empty(),
                height.map(h -> BigDecimal.valueOf(22)), height));
    }

    static Measurement temperature(BigDecimal celsius) {
        return new Measurement.Temperature(new TemperatureReading(celsius, TemperatureUnit.CELSIUS, Optional.empty(),
                Optional.empty()));
    }

    private static Reading bp(String systolic, String diastolic) {
        return new Reading.BloodPressure(new BigDecimal(systolic), new BigDecimal(diastolic), Optional.empty());
    }

    private static Reading weightReading(String kilograms) {
        return new Reading.Weight(new BigDecimal(kilograms), Optional.empty());
    }

    /** Readings newest first, a day apart. */
    private static ResidentHistory history(Reading... newestFirst) {
        List<StoredReading> readings = new ArrayList<>();
        for (int i = 0; i < newestFirst.length; i++) {
            readings.add(new StoredReading(NOW.minusSeconds(86_400L * (i + 1)), newestFirst[i], Set.of()));
        }
        return new ResidentHistory(readings, Optional.empty());
    }
}
