package org.yizhan.devices.bloodpressure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.health.FrameAssertions.assertDecimal;
import static org.yizhan.devices.health.Frames.bytes;
import static org.yizhan.devices.health.Frames.concat;
import static org.yizhan.devices.health.FrameAssertions.parsed;
import static org.yizhan.devices.health.Frames.prefix;
import static org.yizhan.devices.health.FrameAssertions.rejectionReason;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.yizhan.devices.health.MeasurementStatus;
import org.yizhan.devices.health.Frames;
import org.yizhan.devices.health.ParseResult;
import org.yizhan.devices.health.ParseResult.RejectionKind;

class BloodPressureMeasurementParserTest {

    // Every flag set, values chosen and encoded by hand.
    private static final byte[] FULL_FRAME = bytes(
            0x1E,             // flags 0b0001_1110: bit 0 clear = mmHg; bits 1-4 = time stamp, pulse rate, user id, status
            0x78, 0x00,       // systolic SFLOAT 0x0078: exponent 0, mantissa 120 -> 120 mmHg
            0x50, 0x00,       // diastolic 0x0050 = 80 mmHg
            0x5D, 0x00,       // mean arterial pressure 0x005D = 93 mmHg
            0xE8, 0x07,       // time stamp year 0x07E8 = 2024
            0x05,             //   month 5
            0x11,             //   day 17
            0x08, 0x1E, 0x0F, //   08:30:15
            0x48, 0x00,       // pulse rate 0x0048 = 72 per minute
            0x01,             // user id 1
            0x04, 0x00);      // measurement status 0x0004: bit 2, irregular pulse

    // The pieces a frame is made of, for building every combination of flags.
    private static final byte[] MMHG_PRESSURES = bytes(0x78, 0x00, 0x50, 0x00, 0x5D, 0x00); // 120, 80, 93 mmHg
    // 0xF0A0: exponent -1, mantissa 160 -> 16.0 kPa; 0xF06B -> 10.7 kPa; 0xF07D -> 12.5 kPa
    private static final byte[] KPA_PRESSURES = bytes(0xA0, 0xF0, 0x6B, 0xF0, 0x7D, 0xF0);
    private static final byte[] TIME_STAMP = bytes(0xE8, 0x07, 0x05, 0x11, 0x08, 0x1E, 0x0F); // 2024-05-17 08:30:15
    private static final byte[] PULSE_72 = bytes(0x48, 0x00);
    private static final byte[] USER_1 = bytes(0x01);
    private static final byte[] IRREGULAR_PULSE = bytes(0x04, 0x00);

    @Test
    void decodes_a_frame_with_every_flag_set_written_out_byte_by_byte() {
        // when
        BloodPressureReading reading = parsed(BloodPressureMeasurementParser.parse(FULL_FRAME));

        // then
        assertDecimal("120", reading.systolicMmHg());
        assertDecimal("80", reading.diastolicMmHg());
        assertDecimal("93", reading.meanArterialPressureMmHg().orElseThrow());
        assertEquals(PressureUnit.MMHG, reading.deviceUnit());
        assertEquals(Optional.of(LocalDateTime.of(2024, 5, 17, 8, 30, 15)), reading.timeStamp());
        assertDecimal("72", reading.pulseRatePerMinute().orElseThrow());
        assertEquals(OptionalInt.of(1), reading.userId());
        assertEquals(Set.of(MeasurementStatus.IRREGULAR_PULSE), reading.status());
    }

    // NordicSemiconductor/Android-BLE-Common-Library,
    // ble-common/src/test/java/no/nordicsemi/android/ble/common/callback/bps/BloodPressureMeasurementDataCallbackTest.java,
    // onBloodPressureMeasurementReceived_full.
    @Test
    void decodes_the_full_vector_of_a_public_parser() {
        // given
        byte[] frame = bytes(
                0x1E,             // time stamp, pulse rate, user id, status; mmHg
                0x8A, 0x00,       // systolic 0x008A = 138
                0x58, 0x00,       // diastolic 0x0058 = 88
                0x78, 0x00,       // mean arterial pressure 0x0078 = 120
                0x00, 0x00,       // year 0: unknown
                0x04, 0x11,       // April 17th
                0x14, 0x29, 0x3B, // 20:41:59
                0x3C, 0x00,       // pulse rate 60
                0x01,             // user id 1
                0x27, 0x00);      // status 0b10_0111: movement, loose cuff, irregular pulse, range 0, improper position

        // when
        BloodPressureReading reading = parsed(BloodPressureMeasurementParser.parse(frame));

        // then
        assertDecimal("138", reading.systolicMmHg());
        assertDecimal("88", reading.diastolicMmHg());
        assertDecimal("120", reading.meanArterialPressureMmHg().orElseThrow());
        assertEquals(PressureUnit.MMHG, reading.deviceUnit());
        assertEquals(Optional.empty(), reading.timeStamp(), "a date without a year is no point in time");
        assertDecimal("60", reading.pulseRatePerMinute().orElseThrow());
        assertEquals(OptionalInt.of(1), reading.userId());
        assertEquals(Set.of(MeasurementStatus.BODY_MOVEMENT, MeasurementStatus.CUFF_TOO_LOOSE,
                MeasurementStatus.IRREGULAR_PULSE, MeasurementStatus.IMPROPER_MEASUREMENT_POSITION), reading.status());
    }

    // Same source, onBloodPressureMeasurementReceived_some; the mmHg values are computed here.
    @Test
    void decodes_the_kilopascal_vector_of_a_public_parser_into_millimetres_of_mercury() {
        // given
        byte[] frame = bytes(
                0x15,       // flags 0b1_0101: kPa, pulse rate, status
                0xBD, 0xF0, // systolic 0xF0BD: exponent -1, mantissa 0x0BD = 189 -> 18.9 kPa
                0x0B, 0x00, // diastolic 0x000B = 11 kPa
                0x9F, 0xF0, // mean arterial pressure 0xF09F: 159 x 10^-1 = 15.9 kPa
                0x3C, 0x00, // pulse rate 60 (per minute, whatever the pressure unit)
                0x12, 0x00); // status 0b01_0010: loose cuff; bits 3-4 = 2, pulse below lower limit

        // when
        BloodPressureReading reading = parsed(BloodPressureMeasurementParser.parse(frame));

        // then: each kPa value x 7.50062
        assertDecimal("141.761718", reading.systolicMmHg());
        assertDecimal("82.50682", reading.diastolicMmHg());
        assertDecimal("119.259858", reading.meanArterialPressureMmHg().orElseThrow());
        assertEquals(PressureUnit.KPA, reading.deviceUnit());
        assertDecimal("60", reading.pulseRatePerMinute().orElseThrow());
        assertEquals(OptionalInt.empty(), reading.userId());
        assertEquals(Optional.empty(), reading.timeStamp());
        assertEquals(Set.of(MeasurementStatus.CUFF_TOO_LOOSE, MeasurementStatus.PULSE_RATE_BELOW_LOWER_LIMIT),
                reading.status());
    }

    // Same source, onBloodPressureMeasurementReceived_minimal: the same numbers, but flagged as mmHg, which
    // makes 18.9 mmHg systolic. The public parser accepts it; the kiosk must not show it as a result.
    @Test
    void rejects_the_minimal_vector_of_a_public_parser_as_implausible_in_mmhg() {
        // given
        byte[] frame = bytes(0x00, 0xBD, 0xF0, 0x0B, 0x00, 0x9F, 0xF0);

        // when
        ParseResult<BloodPressureReading> result = BloodPressureMeasurementParser.parse(frame);

        // then
        assertEquals("systolic pressure 18.9 mmHg is outside the plausible 50-260 mmHg",
                rejectionReason(result, RejectionKind.IMPLAUSIBLE));
    }

    // Same source, onInvalidDataReceived_toShort and onInvalidDataReceived_noTimestamp.
    @Test
    void rejects_the_short_vectors_of_a_public_parser_naming_the_missing_field() {
        // given
        byte[] sixBytes = bytes(0x01, 0x02, 0x03, 0x04, 0x05, 0x06);
        byte[] timeStampMissing = bytes(0x03, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07);

        // when
        String shortReason = rejectionReason(BloodPressureMeasurementParser.parse(sixBytes), RejectionKind.MALFORMED);
        String timeStampReason = rejectionReason(BloodPressureMeasurementParser.parse(timeStampMissing), RejectionKind.MALFORMED);

        // then
        assertEquals("the mean arterial pressure needs bytes 5-6 but the frame ends at byte 6", shortReason);
        assertEquals("flags 0x03 say a time stamp follows in bytes 7-13 but the frame ends at byte 7", timeStampReason);
    }

    // StanfordSpezi/SpeziKt,
    // core/bluetooth/src/test/kotlin/edu/stanford/spezi/core/bluetooth/data/mapper/BloodPressureMapperTest.kt:
    // flags 0x2F (kPa, time stamp, pulse rate, user id, and reserved bit 5), 120/80/70, then twelve zero bytes.
    // That test reads 120 as mmHg; by the units flag it is 120 kPa, 900.07440 mmHg.
    @Test
    void judges_pressures_in_the_unit_the_flags_give() {
        // given
        byte[] frame = concat(bytes(0x2F, 0x78, 0x00, 0x50, 0x00, 0x46, 0x00), new byte[12]);

        // when
        ParseResult<BloodPressureReading> result = BloodPressureMeasurementParser.parse(frame);

        // then
        assertEquals("systolic pressure 900.07440 mmHg is outside the plausible 50-260 mmHg",
                rejectionReason(result, RejectionKind.IMPLAUSIBLE));
    }

    static IntStream everyFlagCombination() {
        return IntStream.range(0, 0x20);
    }

    @ParameterizedTest(name = "flags 0x{0}")
    @MethodSource("everyFlagCombination")
    void decodes_every_flag_alone_and_in_every_combination(int flags) {
        // given: the hand-encoded pieces the flags call for, in specification order
        boolean kpa = (flags & 0x01) != 0;
        byte[] frame = concat(
                bytes(flags),
                kpa ? KPA_PRESSURES : MMHG_PRESSURES,
                (flags & 0x02) != 0 ? TIME_STAMP : new byte[0],
                (flags & 0x04) != 0 ? PULSE_72 : new byte[0],
                (flags & 0x08) != 0 ? USER_1 : new byte[0],
                (flags & 0x10) != 0 ? IRREGULAR_PULSE : new byte[0]);

        // when
        BloodPressureReading reading = parsed(BloodPressureMeasurementParser.parse(frame));

        // then
        assertEquals(kpa ? PressureUnit.KPA : PressureUnit.MMHG, reading.deviceUnit());
        assertDecimal(kpa ? "120.009920" : "120", reading.systolicMmHg());
        assertDecimal(kpa ? "80.256634" : "80", reading.diastolicMmHg());
        assertDecimal(kpa ? "93.757750" : "93", reading.meanArterialPressureMmHg().orElseThrow());
        assertEquals((flags & 0x02) != 0 ? Optional.of(LocalDateTime.of(2024, 5, 17, 8, 30, 15)) : Optional.empty(),
                reading.timeStamp());
        assertEquals((flags & 0x04) != 0 ? Optional.of(BigDecimal.valueOf(72)) : Optional.empty(),
                reading.pulseRatePerMinute());
        assertEquals((flags & 0x08) != 0 ? OptionalInt.of(1) : OptionalInt.empty(), reading.userId());
        assertEquals((flags & 0x10) != 0 ? Set.of(MeasurementStatus.IRREGULAR_PULSE) : Set.of(), reading.status());
    }

    @Test
    void converts_kilopascals_exactly_at_seven_point_five_zero_zero_six_two() {
        // given
        byte[] frame = concat(bytes(0x01), KPA_PRESSURES);

        // when
        BloodPressureReading reading = parsed(BloodPressureMeasurementParser.parse(frame));

        // then: 16.0 x 7.50062, 10.7 x 7.50062, 12.5 x 7.50062 to the last digit
        assertEquals(new BigDecimal("120.009920"), reading.systolicMmHg());
        assertEquals(new BigDecimal("80.256634"), reading.diastolicMmHg());
        assertEquals(new BigDecimal("93.757750"), reading.meanArterialPressureMmHg().orElseThrow());
        assertEquals(PressureUnit.KPA, reading.deviceUnit());
    }

    @ParameterizedTest(name = "systolic {0} {1} is {2}")
    @CsvSource({
        "FF, 07, NaN",
        "00, 08, NRes (not at this resolution)",
        "FE, 07, +INF",
        "02, 08, -INF",
        "01, 08, a reserved value",
    })
    void a_systolic_pressure_that_is_not_a_number_is_no_reading(String low, String high, String label) {
        // given
        byte[] frame = bytes(0x00, Integer.parseInt(low, 16), Integer.parseInt(high, 16), 0x50, 0x00, 0x5D, 0x00);

        // when
        ParseResult<BloodPressureReading> result = BloodPressureMeasurementParser.parse(frame);

        // then
        assertEquals("systolic pressure is " + label, rejectionReason(result, RejectionKind.NO_VALUE));
    }

    @Test
    void a_diastolic_pressure_that_is_not_a_number_is_no_reading() {
        // given: diastolic 0x07FE, +INF
        byte[] frame = bytes(0x00, 0x78, 0x00, 0xFE, 0x07, 0x5D, 0x00);

        // when
        ParseResult<BloodPressureReading> result = BloodPressureMeasurementParser.parse(frame);

        // then
        assertEquals("diastolic pressure is +INF", rejectionReason(result, RejectionKind.NO_VALUE));
    }

    @Test
    void a_mean_arterial_pressure_or_pulse_rate_sent_as_nan_is_left_out_and_the_pressures_kept() {
        // given
        byte[] frame = bytes(
                0x04,       // pulse rate follows; mmHg
                0x78, 0x00, // 120
                0x50, 0x00, // 80
                0xFF, 0x07, // mean arterial pressure NaN: this cuff does not compute it
                0x00, 0x08); // pulse rate NRes

        // when
        BloodPressureReading reading = parsed(BloodPressureMeasurementParser.parse(frame));

        // then
        assertDecimal("120", reading.systolicMmHg());
        assertDecimal("80", reading.diastolicMmHg());
        assertEquals(Optional.empty(), reading.meanArterialPressureMmHg());
        assertEquals(Optional.empty(), reading.pulseRatePerMinute());
    }

    @ParameterizedTest(name = "{0}/{1} map {2} pulse {3}")
    @CsvSource({
        "49, 40, 45, 70, systolic pressure 49 mmHg is outside the plausible 50-260 mmHg",
        "261, 90, 150, 70, systolic pressure 261 mmHg is outside the plausible 50-260 mmHg",
        "120, 29, 60, 70, diastolic pressure 29 mmHg is outside the plausible 30-160 mmHg",
        "200, 161, 170, 70, diastolic pressure 161 mmHg is outside the plausible 30-160 mmHg",
        "100, 100, 100, 70, diastolic pressure 100 mmHg is not below systolic pressure 100 mmHg",
        "100, 110, 105, 70, diastolic pressure 110 mmHg is not below systolic pressure 100 mmHg",
        "120, 80, 79, 70, mean arterial pressure 79 mmHg is not between diastolic 80 and systolic 120 mmHg",
        "120, 80, 121, 70, mean arterial pressure 121 mmHg is not between diastolic 80 and systolic 120 mmHg",
        "120, 80, 93, 19, pulse rate 19 per minute is outside the plausible 20-250 per minute",
        "120, 80, 93, 251, pulse rate 251 per minute is outside the plausible 20-250 per minute",
    })
    void rejects_implausible_values_with_the_value_and_the_range(int systolic, int diastolic, int map, int pulse,
            String expected) {
        // given
        byte[] frame = mmHgFrameWithPulse(systolic, diastolic, map, pulse);

        // when
        ParseResult<BloodPressureReading> result = BloodPressureMeasurementParser.parse(frame);

        // then
        assertEquals(expected, rejectionReason(result, RejectionKind.IMPLAUSIBLE));
    }

    @ParameterizedTest(name = "{0}/{1} map {2} pulse {3}")
    @CsvSource({
        "50, 30, 30, 20",
        "260, 160, 260, 250",
        "51, 50, 50, 72",
    })
    void accepts_the_edges_of_the_plausible_ranges(int systolic, int diastolic, int map, int pulse) {
        // given
        byte[] frame = mmHgFrameWithPulse(systolic, diastolic, map, pulse);

        // when
        BloodPressureReading reading = parsed(BloodPressureMeasurementParser.parse(frame));

        // then
        assertDecimal(Integer.toString(systolic), reading.systolicMmHg());
        assertDecimal(Integer.toString(pulse), reading.pulseRatePerMinute().orElseThrow());
    }

    @Test
    void judges_kilopascal_readings_after_conversion() {
        // given: systolic 0xF042 = 6.6 kPa = 49.504092 mmHg, just below 50; diastolic 0xF028 = 4.0 kPa
        byte[] tooLow = bytes(0x01, 0x42, 0xF0, 0x28, 0xF0, 0xFF, 0x07);
        // systolic 0xF043 = 6.7 kPa = 50.254154 mmHg, just above 50
        byte[] justAbove = bytes(0x01, 0x43, 0xF0, 0x28, 0xF0, 0xFF, 0x07);

        // when
        ParseResult<BloodPressureReading> low = BloodPressureMeasurementParser.parse(tooLow);
        BloodPressureReading above = parsed(BloodPressureMeasurementParser.parse(justAbove));

        // then
        assertEquals("systolic pressure 49.504092 mmHg is outside the plausible 50-260 mmHg",
                rejectionReason(low, RejectionKind.IMPLAUSIBLE));
        assertDecimal("50.254154", above.systolicMmHg());
        assertDecimal("30.002480", above.diastolicMmHg());
    }

    @Test
    void user_id_ff_is_the_unknown_user_and_leaves_the_user_out() {
        // given
        byte[] frame = concat(bytes(0x08), MMHG_PRESSURES, bytes(0xFF));

        // when
        BloodPressureReading reading = parsed(BloodPressureMeasurementParser.parse(frame));

        // then
        assertEquals(OptionalInt.empty(), reading.userId());
    }

    @Test
    void reserved_flag_bits_are_tolerated() {
        // given: bits 5-7 set, no optional field announced
        byte[] frame = concat(bytes(0xE0), MMHG_PRESSURES);

        // when
        BloodPressureReading reading = parsed(BloodPressureMeasurementParser.parse(frame));

        // then
        assertDecimal("120", reading.systolicMmHg());
        assertEquals(Optional.empty(), reading.timeStamp());
        assertEquals(Optional.empty(), reading.pulseRatePerMinute());
    }

    @Test
    void bytes_after_the_last_field_are_tolerated() {
        // given: the full frame padded to 24 bytes
        byte[] frame = concat(FULL_FRAME, bytes(0x00, 0x00, 0xAA, 0x55, 0xFF));

        // when
        BloodPressureReading reading = parsed(BloodPressureMeasurementParser.parse(frame));

        // then
        assertEquals(parsed(BloodPressureMeasurementParser.parse(FULL_FRAME)), reading);
    }

    @Test
    void an_impossible_time_stamp_is_malformed() {
        // given: the full frame with month 13
        byte[] frame = FULL_FRAME.clone();
        frame[9] = 0x0D;

        // when
        ParseResult<BloodPressureReading> result = BloodPressureMeasurementParser.parse(frame);

        // then
        assertEquals("time stamp month 13 is not 1-12 (or 0 for unknown)", rejectionReason(result, RejectionKind.MALFORMED));
    }

    @Test
    void every_frame_shorter_than_the_full_one_is_rejected_with_a_reason() {
        for (int length = 0; length < FULL_FRAME.length; length++) {
            // given
            byte[] truncated = prefix(FULL_FRAME, length);

            // when
            ParseResult<BloodPressureReading> result = assertDoesNotThrow(() -> BloodPressureMeasurementParser.parse(truncated));

            // then
            String reason = rejectionReason(result, RejectionKind.MALFORMED);
            if (length > 0) {
                assertTrue(reason.endsWith("the frame ends at byte " + length), length + ": " + reason);
            }
        }
        assertEquals("flags 0x1E say a time stamp follows in bytes 7-13 but the frame ends at byte 7",
                rejectionReason(BloodPressureMeasurementParser.parse(prefix(FULL_FRAME, 7)), RejectionKind.MALFORMED));
        assertEquals("flags 0x1E say a measurement status follows in bytes 17-18 but the frame ends at byte 18",
                rejectionReason(BloodPressureMeasurementParser.parse(prefix(FULL_FRAME, 18)), RejectionKind.MALFORMED));
    }

    @Test
    void no_exception_escapes_for_thousands_of_random_and_mangled_frames() {
        // given
        Random random = new Random(20240517);

        for (int i = 0; i < 20_000; i++) {
            byte[] frame = i % 2 == 0 ? Frames.random(random, 32) : Frames.mangled(FULL_FRAME, random);

            // when
            ParseResult<BloodPressureReading> result = assertDoesNotThrow(() -> BloodPressureMeasurementParser.parse(frame),
                    () -> Arrays.toString(frame));

            // then: either a reason, or a reading that keeps every promise
            assertNotNull(result);
            if (result instanceof ParseResult.Parsed<BloodPressureReading> p) {
                assertKeepsItsPromises(p.reading(), frame);
            } else {
                assertFalse(((ParseResult.Rejected<BloodPressureReading>) result).reason().isBlank());
            }
        }
    }

    private static void assertKeepsItsPromises(BloodPressureReading reading, byte[] frame) {
        String where = Arrays.toString(frame);
        BigDecimal systolic = reading.systolicMmHg();
        BigDecimal diastolic = reading.diastolicMmHg();
        assertTrue(systolic.compareTo(BigDecimal.valueOf(50)) >= 0 && systolic.compareTo(BigDecimal.valueOf(260)) <= 0, where);
        assertTrue(diastolic.compareTo(BigDecimal.valueOf(30)) >= 0 && diastolic.compareTo(BigDecimal.valueOf(160)) <= 0, where);
        assertTrue(diastolic.compareTo(systolic) < 0, where);
        reading.meanArterialPressureMmHg().ifPresent(map ->
                assertTrue(map.compareTo(diastolic) >= 0 && map.compareTo(systolic) <= 0, where));
        reading.pulseRatePerMinute().ifPresent(pulse ->
                assertTrue(pulse.compareTo(BigDecimal.valueOf(20)) >= 0 && pulse.compareTo(BigDecimal.valueOf(250)) <= 0, where));
    }

    private static byte[] mmHgFrameWithPulse(int systolic, int diastolic, int map, int pulse) {
        // Exponent 0, so each SFLOAT is the value itself (all below 0x800), low byte first.
        return bytes(0x04, systolic & 0xFF, systolic >> 8, diastolic & 0xFF, diastolic >> 8, map & 0xFF, map >> 8,
                pulse & 0xFF, pulse >> 8);
    }
}
