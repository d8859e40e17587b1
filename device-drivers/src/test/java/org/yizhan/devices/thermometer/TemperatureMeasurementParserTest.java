package org.yizhan.devices.thermometer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.health.FrameAssertions.assertDecimal;
import static org.yizhan.devices.health.FrameAssertions.parsed;
import static org.yizhan.devices.health.FrameAssertions.rejectionReason;
import static org.yizhan.devices.health.Frames.bytes;
import static org.yizhan.devices.health.Frames.concat;
import static org.yizhan.devices.health.Frames.prefix;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.yizhan.devices.health.Frames;
import org.yizhan.devices.health.ParseResult;
import org.yizhan.devices.health.ParseResult.RejectionKind;

class TemperatureMeasurementParserTest {

    // Every flag set, values chosen and encoded by hand.
    private static final byte[] FULL_FRAME = bytes(
            0x07,                   // flags 0b0111: °F, time stamp, temperature type
            0xDA, 0x03, 0x00, 0xFF, // FLOAT 0xFF0003DA: exponent -1, mantissa 0x3DA = 986 -> 98.6 °F
            0xE9, 0x07,             // time stamp year 0x07E9 = 2025
            0x01,                   //   January
            0x14,                   //   20th
            0x06, 0x05, 0x04,       //   06:05:04
            0x06);                  // temperature type 6, mouth

    private static final byte[] CELSIUS_36_6 = bytes(0x6E, 0x01, 0x00, 0xFF);    // 0xFF00016E: 366 x 10^-1
    private static final byte[] FAHRENHEIT_98_6 = bytes(0xDA, 0x03, 0x00, 0xFF); // 0xFF0003DA: 986 x 10^-1
    private static final byte[] TIME_STAMP = bytes(0xE9, 0x07, 0x01, 0x14, 0x06, 0x05, 0x04);
    private static final byte[] MOUTH = bytes(0x06);

    @Test
    void decodes_a_fahrenheit_frame_with_every_flag_set_written_out_byte_by_byte() {
        // when
        TemperatureReading reading = parsed(TemperatureMeasurementParser.parse(FULL_FRAME));

        // then: (98.6 - 32) x 5 / 9 = 66.6 x 5 / 9 = 37
        assertEquals(new BigDecimal("37.00"), reading.celsius());
        assertEquals(TemperatureUnit.FAHRENHEIT, reading.deviceUnit());
        assertEquals(Optional.of(LocalDateTime.of(2025, 1, 20, 6, 5, 4)), reading.timeStamp());
        assertEquals(Optional.of(TemperatureType.MOUTH), reading.type());
    }

    // NordicSemiconductor/Android-BLE-Common-Library,
    // ble-common/src/test/java/no/nordicsemi/android/ble/common/callback/ht/TemperatureMeasurementDataCallbackTest.java,
    // onTemperatureMeasurementReceived.
    @Test
    void decodes_the_vector_of_a_public_parser() {
        // given
        byte[] frame = bytes(
                0x06,                   // flags 0b0110: °C, time stamp, temperature type
                0xB0, 0x0E, 0x00, 0xFE, // FLOAT 0xFE000EB0: exponent -2, mantissa 0xEB0 = 3760 -> 37.60 °C
                0xDC, 0x07,             // year 0x07DC = 2012
                0x0C, 0x05,             // December 5th
                0x0B, 0x32, 0x1B,       // 11:50:27
                0x04);                  // type 4, finger

        // when
        TemperatureReading reading = parsed(TemperatureMeasurementParser.parse(frame));

        // then
        assertEquals(new BigDecimal("37.60"), reading.celsius(), "kept exactly, resolution included");
        assertEquals(TemperatureUnit.CELSIUS, reading.deviceUnit());
        assertEquals(Optional.of(LocalDateTime.of(2012, 12, 5, 11, 50, 27)), reading.timeStamp());
        assertEquals(Optional.of(TemperatureType.FINGER), reading.type());
    }

    // Same source, onInvalidDataReceived: the vector above without its last byte.
    @Test
    void rejects_the_short_vector_of_a_public_parser_naming_the_missing_type() {
        // given
        byte[] frame = bytes(0x06, 0xB0, 0x0E, 0x00, 0xFE, 0xDC, 0x07, 0x0C, 0x05, 0x0B, 0x32, 0x1B);

        // when
        ParseResult<TemperatureReading> result = TemperatureMeasurementParser.parse(frame);

        // then
        assertEquals("flags 0x06 say a temperature type follows in byte 12 but the frame ends at byte 12",
                rejectionReason(result, RejectionKind.MALFORMED));
    }

    static IntStream everyFlagCombination() {
        return IntStream.range(0, 0x08);
    }

    @ParameterizedTest(name = "flags 0x{0}")
    @MethodSource("everyFlagCombination")
    void decodes_every_flag_alone_and_in_every_combination(int flags) {
        // given
        boolean fahrenheit = (flags & 0x01) != 0;
        byte[] frame = concat(
                bytes(flags),
                fahrenheit ? FAHRENHEIT_98_6 : CELSIUS_36_6,
                (flags & 0x02) != 0 ? TIME_STAMP : new byte[0],
                (flags & 0x04) != 0 ? MOUTH : new byte[0]);

        // when
        TemperatureReading reading = parsed(TemperatureMeasurementParser.parse(frame));

        // then
        assertEquals(fahrenheit ? TemperatureUnit.FAHRENHEIT : TemperatureUnit.CELSIUS, reading.deviceUnit());
        assertDecimal(fahrenheit ? "37" : "36.6", reading.celsius());
        assertEquals((flags & 0x02) != 0 ? Optional.of(LocalDateTime.of(2025, 1, 20, 6, 5, 4)) : Optional.empty(),
                reading.timeStamp());
        assertEquals((flags & 0x04) != 0 ? Optional.of(TemperatureType.MOUTH) : Optional.empty(), reading.type());
    }

    @ParameterizedTest(name = "{0} °F is {2} °C")
    @CsvSource({
        "100.4, EC 03 00 FF, 38.00", // mantissa 0x3EC = 1004; 68.4 x 5 / 9 = 38
        "99.9, E7 03 00 FF, 37.72",  // mantissa 999; 67.9 x 5 / 9 = 37.7222...
        "98.7, DB 03 00 FF, 37.06",  // mantissa 987; 66.7 x 5 / 9 = 37.0555..., half up
    })
    void converts_fahrenheit_to_celsius_rounded_to_hundredths(String fahrenheit, String floatBytes, String celsius) {
        // given
        byte[] frame = concat(bytes(0x01), hexBytes(floatBytes));

        // when
        TemperatureReading reading = parsed(TemperatureMeasurementParser.parse(frame));

        // then
        assertEquals(new BigDecimal(celsius), reading.celsius());
        assertEquals(TemperatureUnit.FAHRENHEIT, reading.deviceUnit());
    }

    @ParameterizedTest(name = "{0} is no reading")
    @CsvSource({
        "FF FF 7F 00, NaN",                           // 0x007FFFFF
        "00 00 80 00, NRes (not at this resolution)", // 0x00800000
        "FE FF 7F 00, +INF",                          // 0x007FFFFE
        "02 00 80 00, -INF",                          // 0x00800002
        "01 00 80 00, a reserved value",              // 0x00800001
    })
    void a_temperature_that_is_not_a_number_is_no_reading(String floatBytes, String label) {
        // given
        byte[] frame = concat(bytes(0x00), hexBytes(floatBytes));

        // when
        ParseResult<TemperatureReading> result = TemperatureMeasurementParser.parse(frame);

        // then
        assertEquals("temperature is " + label, rejectionReason(result, RejectionKind.NO_VALUE));
    }

    @ParameterizedTest(name = "flags {0}, FLOAT {1}")
    @CsvSource({
        "00, F9 00 00 FF, temperature 24.9 °C is outside the plausible 25-45 °C",   // 249 x 10^-1
        "00, C3 01 00 FF, temperature 45.1 °C is outside the plausible 25-45 °C",   // 451 x 10^-1
        "01, 01 03 00 FF, temperature 24.94 °C is outside the plausible 25-45 °C",  // 76.9 °F
        // sputnikdev/bluetooth-gatt-parser's -36.4 (0xFFFFFE94): mantissa 0xFFFE94 = -364, exponent -1
        "00, 94 FE FF FF, temperature -36.4 °C is outside the plausible 25-45 °C",
        // exponent +1: 364 x 10 = 3640
        "00, 6C 01 00 01, temperature 3640 °C is outside the plausible 25-45 °C",
    })
    void rejects_a_temperature_outside_the_plausible_range(String flags, String floatBytes, String expected) {
        // given
        byte[] frame = concat(bytes(Integer.parseInt(flags, 16)), hexBytes(floatBytes));

        // when
        ParseResult<TemperatureReading> result = TemperatureMeasurementParser.parse(frame);

        // then
        assertEquals(expected, rejectionReason(result, RejectionKind.IMPLAUSIBLE));
    }

    @ParameterizedTest(name = "flags {0}, FLOAT {1} is {2} °C")
    @CsvSource({
        "00, FA 00 00 FF, 25.0",    // 250 x 10^-1
        "00, C2 01 00 FF, 45.0",    // 450 x 10^-1
        "01, 6A 04 00 FF, 45.00",   // 113.0 °F
        "00, 88 90 00 FD, 37.000",  // 0xFD009088: exponent -3, mantissa 37000
    })
    void accepts_the_edges_of_the_plausible_range_and_fine_resolutions(String flags, String floatBytes, String celsius) {
        // given
        byte[] frame = concat(bytes(Integer.parseInt(flags, 16)), hexBytes(floatBytes));

        // when
        TemperatureReading reading = parsed(TemperatureMeasurementParser.parse(frame));

        // then
        assertEquals(new BigDecimal(celsius), reading.celsius());
    }

    @ParameterizedTest(name = "type {0} is {1}")
    @CsvSource({
        "1, ARMPIT", "2, BODY", "3, EAR", "4, FINGER", "5, GASTROINTESTINAL_TRACT",
        "6, MOUTH", "7, RECTUM", "8, TOE", "9, TYMPANUM",
    })
    void decodes_every_temperature_type(int code, TemperatureType expected) {
        // given
        byte[] frame = concat(bytes(0x04), CELSIUS_36_6, bytes(code));

        // when
        TemperatureReading reading = parsed(TemperatureMeasurementParser.parse(frame));

        // then
        assertEquals(Optional.of(expected), reading.type());
        assertEquals(code, expected.code());
    }

    @ParameterizedTest(name = "type {0}")
    @CsvSource({"0", "10", "255"})
    void a_reserved_temperature_type_leaves_the_type_out_and_keeps_the_reading(int code) {
        // given
        byte[] frame = concat(bytes(0x04), CELSIUS_36_6, bytes(code));

        // when
        TemperatureReading reading = parsed(TemperatureMeasurementParser.parse(frame));

        // then
        assertEquals(Optional.empty(), reading.type());
        assertDecimal("36.6", reading.celsius());
    }

    @Test
    void reserved_flag_bits_and_trailing_bytes_are_tolerated() {
        // given: bits 3-7 set, three bytes of padding
        byte[] frame = concat(bytes(0xF8), CELSIUS_36_6, bytes(0x00, 0x00, 0x00));

        // when
        TemperatureReading reading = parsed(TemperatureMeasurementParser.parse(frame));

        // then
        assertDecimal("36.6", reading.celsius());
        assertEquals(Optional.empty(), reading.timeStamp());
        assertEquals(Optional.empty(), reading.type());
    }

    @Test
    void every_frame_shorter_than_the_full_one_is_rejected_with_a_reason() {
        for (int length = 0; length < FULL_FRAME.length; length++) {
            // given
            byte[] truncated = prefix(FULL_FRAME, length);

            // when
            ParseResult<TemperatureReading> result = assertDoesNotThrow(() -> TemperatureMeasurementParser.parse(truncated));

            // then
            String reason = rejectionReason(result, RejectionKind.MALFORMED);
            if (length > 0) {
                assertTrue(reason.endsWith("the frame ends at byte " + length), length + ": " + reason);
            }
        }
        assertEquals("the temperature needs bytes 1-4 but the frame ends at byte 3",
                rejectionReason(TemperatureMeasurementParser.parse(prefix(FULL_FRAME, 3)), RejectionKind.MALFORMED));
    }

    @Test
    void no_exception_escapes_for_thousands_of_random_and_mangled_frames() {
        // given
        Random random = new Random(20250120);

        for (int i = 0; i < 20_000; i++) {
            byte[] frame = i % 2 == 0 ? Frames.random(random, 24) : Frames.mangled(FULL_FRAME, random);

            // when
            ParseResult<TemperatureReading> result = assertDoesNotThrow(() -> TemperatureMeasurementParser.parse(frame),
                    () -> Arrays.toString(frame));

            // then
            if (result instanceof ParseResult.Parsed<TemperatureReading> p) {
                BigDecimal celsius = p.reading().celsius();
                assertTrue(celsius.compareTo(BigDecimal.valueOf(25)) >= 0 && celsius.compareTo(BigDecimal.valueOf(45)) <= 0,
                        Arrays.toString(frame));
            } else {
                assertFalse(((ParseResult.Rejected<TemperatureReading>) result).reason().isBlank());
            }
        }
    }

    private static byte[] hexBytes(String spaced) {
        return bytes(Arrays.stream(spaced.split(" ")).mapToInt(b -> Integer.parseInt(b, 16)).toArray());
    }
}
