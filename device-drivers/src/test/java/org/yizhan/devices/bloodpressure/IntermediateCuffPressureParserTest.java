package org.yizhan.devices.bloodpressure;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.health.FrameAssertions.assertDecimal;
import static org.yizhan.devices.health.Frames.bytes;
import static org.yizhan.devices.health.FrameAssertions.parsed;
import static org.yizhan.devices.health.Frames.prefix;
import static org.yizhan.devices.health.FrameAssertions.rejectionReason;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yizhan.devices.health.Frames;
import org.yizhan.devices.health.ParseResult;
import org.yizhan.devices.health.ParseResult.RejectionKind;

class IntermediateCuffPressureParserTest {

    // NordicSemiconductor/Android-BLE-Common-Library,
    // ble-common/src/test/java/no/nordicsemi/android/ble/common/callback/bps/IntermediateCuffPressureDataCallbackTest.java,
    // onIntermediateCuffPressureReceived_full.
    private static final byte[] FULL_FRAME = bytes(
            0x1E,             // flags: time stamp, pulse rate, user id, status; mmHg
            0x04, 0x00,       // current cuff pressure 0x0004 = 4 mmHg
            0x00, 0x00,       // unused (that test sends 0; the specification says NaN)
            0x00, 0x00,       // unused
            0x00, 0x00,       // year 0: unknown
            0x04, 0x11,       // April 17th
            0x14, 0x29, 0x3B, // 20:41:59
            0x3C, 0x00,       // pulse rate 60
            0x01,             // user id 1
            0x27, 0x00);      // status

    @Test
    void decodes_the_full_vector_of_a_public_parser() {
        // when
        CuffPressure pressure = parsed(IntermediateCuffPressureParser.parse(FULL_FRAME));

        // then
        assertDecimal("4", pressure.mmHg());
        assertEquals(PressureUnit.MMHG, pressure.deviceUnit());
    }

    // Same source, onIntermediateCuffPressureReceived_some and _minimal; the mmHg value is computed here.
    @Test
    void decodes_the_kilopascal_and_minimal_vectors_of_a_public_parser() {
        // given
        byte[] some = bytes(
                0x15,       // kPa, pulse rate, status
                0x6F, 0xF0, // 0xF06F: exponent -1, mantissa 111 -> 11.1 kPa
                0x00, 0x00, 0x00, 0x00,
                0x3C, 0x00, // pulse rate 60
                0x12, 0x00); // status
        byte[] minimal = bytes(
                0x00,       // mmHg, nothing optional
                0xD7, 0xF0, // 0xF0D7: 215 x 10^-1 = 21.5 mmHg
                0x00, 0x00, 0x00, 0x00);

        // when
        CuffPressure kpa = parsed(IntermediateCuffPressureParser.parse(some));
        CuffPressure mmHg = parsed(IntermediateCuffPressureParser.parse(minimal));

        // then: 11.1 x 7.50062
        assertDecimal("83.256882", kpa.mmHg());
        assertEquals(PressureUnit.KPA, kpa.deviceUnit());
        assertDecimal("21.5", mmHg.mmHg());
        assertEquals(PressureUnit.MMHG, mmHg.deviceUnit());
    }

    // Same source, onInvalidDataReceived_toShort and onInvalidDataReceived_noTimestamp.
    @Test
    void rejects_the_short_vectors_of_a_public_parser() {
        // when
        String shortReason = rejectionReason(IntermediateCuffPressureParser.parse(bytes(1, 2, 3, 4, 5, 6)),
                RejectionKind.MALFORMED);
        String timeStampReason = rejectionReason(IntermediateCuffPressureParser.parse(bytes(3, 2, 3, 4, 5, 6, 7)),
                RejectionKind.MALFORMED);

        // then
        assertEquals("the unused mean arterial pressure field needs bytes 5-6 but the frame ends at byte 6", shortReason);
        assertEquals("flags 0x03 say a time stamp follows in bytes 7-13 but the frame ends at byte 7", timeStampReason);
    }

    @Test
    void ignores_the_unused_fields_sent_as_nan_as_the_specification_says() {
        // given
        byte[] frame = bytes(
                0x00,
                0x96, 0x00, // current cuff pressure 0x0096 = 150 mmHg
                0xFF, 0x07, // NaN
                0xFF, 0x07); // NaN

        // when
        CuffPressure pressure = parsed(IntermediateCuffPressureParser.parse(frame));

        // then
        assertDecimal("150", pressure.mmHg());
    }

    @Test
    void a_cuff_pressure_that_is_not_a_number_is_no_reading() {
        // given
        byte[] frame = bytes(0x00, 0x02, 0x08, 0xFF, 0x07, 0xFF, 0x07); // 0x0802 = -INF

        // when
        ParseResult<CuffPressure> result = IntermediateCuffPressureParser.parse(frame);

        // then
        assertEquals("current cuff pressure is -INF", rejectionReason(result, RejectionKind.NO_VALUE));
    }

    @ParameterizedTest(name = "SFLOAT {0} {1}: {2}")
    @CsvSource({
        "FF, 0F, current cuff pressure -1 mmHg is outside the plausible 0-300 mmHg", // 0x0FFF = -1
        "2D, 01, current cuff pressure 301 mmHg is outside the plausible 0-300 mmHg", // 0x012D = 301
    })
    void rejects_a_cuff_pressure_below_ambient_or_beyond_any_home_cuff(String low, String high, String expected) {
        // given
        byte[] frame = bytes(0x00, Integer.parseInt(low, 16), Integer.parseInt(high, 16), 0xFF, 0x07, 0xFF, 0x07);

        // when
        ParseResult<CuffPressure> result = IntermediateCuffPressureParser.parse(frame);

        // then
        assertEquals(expected, rejectionReason(result, RejectionKind.IMPLAUSIBLE));
    }

    @Test
    void accepts_zero_and_three_hundred_millimetres() {
        // when
        CuffPressure zero = parsed(IntermediateCuffPressureParser.parse(bytes(0x00, 0x00, 0x00, 0xFF, 0x07, 0xFF, 0x07)));
        CuffPressure full = parsed(IntermediateCuffPressureParser.parse(bytes(0x00, 0x2C, 0x01, 0xFF, 0x07, 0xFF, 0x07)));

        // then
        assertDecimal("0", zero.mmHg());
        assertDecimal("300", full.mmHg());
    }

    @Test
    void every_frame_shorter_than_the_full_one_is_rejected_with_a_reason() {
        for (int length = 0; length < FULL_FRAME.length; length++) {
            // given
            byte[] truncated = prefix(FULL_FRAME, length);

            // when
            ParseResult<CuffPressure> result = assertDoesNotThrow(() -> IntermediateCuffPressureParser.parse(truncated));

            // then
            String reason = rejectionReason(result, RejectionKind.MALFORMED);
            if (length > 0) {
                assertTrue(reason.endsWith("the frame ends at byte " + length), length + ": " + reason);
            }
        }
    }

    @Test
    void no_exception_escapes_for_thousands_of_random_and_mangled_frames() {
        // given
        Random random = new Random(20240518);

        for (int i = 0; i < 20_000; i++) {
            byte[] frame = i % 2 == 0
                    ? Frames.random(random, 32)
                    : Frames.mangled(FULL_FRAME, random);

            // when
            ParseResult<CuffPressure> result = assertDoesNotThrow(() -> IntermediateCuffPressureParser.parse(frame),
                    () -> Arrays.toString(frame));

            // then
            if (result instanceof ParseResult.Parsed<CuffPressure> p) {
                BigDecimal mmHg = p.reading().mmHg();
                assertTrue(mmHg.signum() >= 0 && mmHg.compareTo(BigDecimal.valueOf(300)) <= 0, Arrays.toString(frame));
            } else {
                assertFalse(((ParseResult.Rejected<CuffPressure>) result).reason().isBlank());
            }
        }
    }
}
