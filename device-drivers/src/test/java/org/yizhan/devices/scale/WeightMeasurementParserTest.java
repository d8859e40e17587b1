package org.yizhan.devices.scale;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.yizhan.devices.health.Frames;
import org.yizhan.devices.health.ParseResult;
import org.yizhan.devices.health.ParseResult.RejectionKind;

class WeightMeasurementParserTest {

    // Every flag but imperial set, values chosen and encoded by hand.
    private static final byte[] FULL_SI_FRAME = bytes(
            0x0E,             // flags 0b1110: bit 0 clear = SI; bits 1-3 = time stamp, user id, BMI and height
            0x14, 0x37,       // weight 0x3714 = 14100 steps of 0.005 kg = 70.5 kg
            0xE9, 0x07,       // time stamp year 0x07E9 = 2025
            0x03,             //   month 3
            0x09,             //   day 9
            0x07, 0x2D, 0x00, //   07:45:00
            0x02,             // user id 2
            0xE6, 0x00,       // BMI 0x00E6 = 230 steps of 0.1 = 23.0
            0xD7, 0x06);      // height 0x06D7 = 1751 steps of 0.001 m = 1.751 m

    // The same person on a scale set to pounds, every flag set.
    private static final byte[] FULL_IMPERIAL_FRAME = bytes(
            0x0F,             // flags 0b1111: imperial, time stamp, user id, BMI and height
            0xB4, 0x3C,       // weight 0x3CB4 = 15540 steps of 0.01 lb = 155.40 lb
            0xE9, 0x07, 0x03, 0x09, 0x07, 0x2D, 0x00, // 2025-03-09 07:45:00
            0x02,             // user id 2
            0xE6, 0x00,       // BMI 23.0 (kg/m² in either unit system)
            0xB1, 0x02);      // height 0x02B1 = 689 steps of 0.1 in = 68.9 in

    @Test
    void decodes_an_si_frame_with_every_flag_set_written_out_byte_by_byte() {
        // when
        WeightReading reading = parsed(WeightMeasurementParser.parse(FULL_SI_FRAME));

        // then
        assertDecimal("70.5", reading.kilograms());
        assertEquals(WeightUnits.SI, reading.deviceUnits());
        assertEquals(Optional.of(LocalDateTime.of(2025, 3, 9, 7, 45, 0)), reading.timeStamp());
        assertEquals(OptionalInt.of(2), reading.userId());
        assertDecimal("23.0", reading.bodyMassIndex().orElseThrow());
        assertDecimal("1.751", reading.heightMetres().orElseThrow());
    }

    @Test
    void converts_pounds_and_inches_exactly_to_kilograms_and_metres() {
        // when
        WeightReading reading = parsed(WeightMeasurementParser.parse(FULL_IMPERIAL_FRAME));

        // then: 155.40 lb x 0.45359237 kg/lb; 68.9 in x 0.0254 m/in
        assertEquals(new BigDecimal("70.4882542980"), reading.kilograms());
        assertEquals(WeightUnits.IMPERIAL, reading.deviceUnits());
        assertEquals(new BigDecimal("1.75006"), reading.heightMetres().orElseThrow());
        assertDecimal("23.0", reading.bodyMassIndex().orElseThrow());
        assertEquals(OptionalInt.of(2), reading.userId());
    }

    // StanfordSpezi/SpeziKt, core/bluetooth/src/test/java/edu/stanford/spezikt/core/bluetooth/WeightDataConverterTest.kt
    // ("23,2 kg user 1" and "18.0 kg").
    @Test
    void decodes_the_vectors_of_a_public_parser() {
        // given
        byte[] first = bytes(
                0x06,       // flags 0b0110: SI, time stamp, user id
                0x20, 0x12, // weight 0x1220 = 4640 x 0.005 = 23.2 kg
                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // time stamp all zero: date unknown
                0x01);      // user id 1
        byte[] second = bytes(0x06, 0x10, 0x0E, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01); // 0x0E10 = 3600 -> 18.0 kg

        // when
        WeightReading firstReading = parsed(WeightMeasurementParser.parse(first));
        WeightReading secondReading = parsed(WeightMeasurementParser.parse(second));

        // then
        assertDecimal("23.2", firstReading.kilograms());
        assertEquals(Optional.empty(), firstReading.timeStamp());
        assertEquals(OptionalInt.of(1), firstReading.userId());
        assertDecimal("18.0", secondReading.kilograms());
    }

    // StanfordSpezi/SpeziKt,
    // core/bluetooth/src/test/kotlin/edu/stanford/spezi/core/bluetooth/data/mapper/WeightMeasurementMapperTest.kt:
    // flags 0b0000_0001 (imperial) and weight 0x7530. That test only checks the type; the value is computed here.
    @Test
    void decodes_the_imperial_vector_of_a_public_parser() {
        // given
        byte[] frame = bytes(0x01, 0x30, 0x75); // 0x7530 = 30000 x 0.01 lb = 300.00 lb

        // when
        WeightReading reading = parsed(WeightMeasurementParser.parse(frame));

        // then: 300 x 0.45359237
        assertDecimal("136.077711", reading.kilograms());
        assertEquals(WeightUnits.IMPERIAL, reading.deviceUnits());
        assertEquals(Optional.empty(), reading.bodyMassIndex());
    }

    static IntStream everyFlagCombination() {
        return IntStream.range(0, 0x10);
    }

    @ParameterizedTest(name = "flags 0x{0}")
    @MethodSource("everyFlagCombination")
    void decodes_every_flag_alone_and_in_every_combination(int flags) {
        // given: the pieces of the two hand-encoded frames above that the flags call for
        boolean imperial = (flags & 0x01) != 0;
        byte[] full = imperial ? FULL_IMPERIAL_FRAME : FULL_SI_FRAME;
        byte[] frame = concat(
                bytes(flags),
                Arrays.copyOfRange(full, 1, 3),
                (flags & 0x02) != 0 ? Arrays.copyOfRange(full, 3, 10) : new byte[0],
                (flags & 0x04) != 0 ? Arrays.copyOfRange(full, 10, 11) : new byte[0],
                (flags & 0x08) != 0 ? Arrays.copyOfRange(full, 11, 15) : new byte[0]);

        // when
        WeightReading reading = parsed(WeightMeasurementParser.parse(frame));

        // then
        assertEquals(imperial ? WeightUnits.IMPERIAL : WeightUnits.SI, reading.deviceUnits());
        assertDecimal(imperial ? "70.488254298" : "70.5", reading.kilograms());
        assertEquals((flags & 0x02) != 0 ? Optional.of(LocalDateTime.of(2025, 3, 9, 7, 45, 0)) : Optional.empty(),
                reading.timeStamp());
        assertEquals((flags & 0x04) != 0 ? OptionalInt.of(2) : OptionalInt.empty(), reading.userId());
        assertEquals((flags & 0x08) != 0, reading.bodyMassIndex().isPresent());
        assertEquals((flags & 0x08) != 0, reading.heightMetres().isPresent());
        reading.heightMetres().ifPresent(height -> assertDecimal(imperial ? "1.75006" : "1.751", height));
    }

    @ParameterizedTest(name = "flags 0x{0}")
    @CsvSource({"00", "01"})
    void weight_ffff_is_the_scale_saying_the_measurement_failed(String flags) {
        // given
        byte[] frame = bytes(Integer.parseInt(flags, 16), 0xFF, 0xFF);

        // when
        ParseResult<WeightReading> result = WeightMeasurementParser.parse(frame);

        // then
        assertEquals("weight is 0xFFFF: the scale reports the measurement unsuccessful",
                rejectionReason(result, RejectionKind.NO_VALUE));
    }

    @ParameterizedTest(name = "flags {0} weight {1} {2}")
    @CsvSource({
        "00, 8F, 01, weight 1.995 kg is outside the plausible 2-300 kg",          // 399 x 0.005
        "00, 61, EA, weight 300.005 kg is outside the plausible 2-300 kg",        // 60001 x 0.005
        "01, B8, 01, weight 1.9958064280 kg is outside the plausible 2-300 kg",   // 4.40 lb
    })
    void rejects_a_weight_outside_the_plausible_range(String flags, String low, String high, String expected) {
        // given
        byte[] frame = bytes(Integer.parseInt(flags, 16), Integer.parseInt(low, 16), Integer.parseInt(high, 16));

        // when
        ParseResult<WeightReading> result = WeightMeasurementParser.parse(frame);

        // then
        assertEquals(expected, rejectionReason(result, RejectionKind.IMPLAUSIBLE));
    }

    @ParameterizedTest(name = "flags {0} weight {1} {2} is {3} kg")
    @CsvSource({
        "00, 90, 01, 2.000",          // 400 x 0.005
        "00, 60, EA, 300.000",        // 60000 x 0.005
        "01, B9, 01, 2.0003423517",   // 4.41 lb
        "01, FE, FF, 297.2572237558", // 655.34 lb, the most a uint16 can say in pounds
    })
    void accepts_the_edges_of_the_plausible_range(String flags, String low, String high, String expected) {
        // given
        byte[] frame = bytes(Integer.parseInt(flags, 16), Integer.parseInt(low, 16), Integer.parseInt(high, 16));

        // when
        WeightReading reading = parsed(WeightMeasurementParser.parse(frame));

        // then
        assertDecimal(expected, reading.kilograms());
    }

    @Test
    void user_id_ff_is_the_unknown_user_and_leaves_the_user_out() {
        // given
        byte[] frame = bytes(0x04, 0x14, 0x37, 0xFF);

        // when
        WeightReading reading = parsed(WeightMeasurementParser.parse(frame));

        // then
        assertEquals(OptionalInt.empty(), reading.userId());
    }

    @Test
    void reserved_flag_bits_and_trailing_bytes_are_tolerated() {
        // given: bits 4-7 set, and two bytes of padding after the weight
        byte[] frame = bytes(0xF0, 0x14, 0x37, 0x00, 0x00);

        // when
        WeightReading reading = parsed(WeightMeasurementParser.parse(frame));

        // then
        assertDecimal("70.5", reading.kilograms());
        assertEquals(Optional.empty(), reading.timeStamp());
        assertEquals(OptionalInt.empty(), reading.userId());
        assertEquals(Optional.empty(), reading.bodyMassIndex());
    }

    @Test
    void every_frame_shorter_than_the_full_one_is_rejected_with_a_reason() {
        for (byte[] full : new byte[][] {FULL_SI_FRAME, FULL_IMPERIAL_FRAME}) {
            for (int length = 0; length < full.length; length++) {
                // given
                byte[] truncated = prefix(full, length);

                // when
                ParseResult<WeightReading> result = assertDoesNotThrow(() -> WeightMeasurementParser.parse(truncated));

                // then
                String reason = rejectionReason(result, RejectionKind.MALFORMED);
                if (length > 0) {
                    assertTrue(reason.endsWith("the frame ends at byte " + length), length + ": " + reason);
                }
            }
        }
        assertEquals("flags 0x0E say a height follows in bytes 13-14 but the frame ends at byte 13",
                rejectionReason(WeightMeasurementParser.parse(prefix(FULL_SI_FRAME, 13)), RejectionKind.MALFORMED));
    }

    @Test
    void no_exception_escapes_for_thousands_of_random_and_mangled_frames() {
        // given
        Random random = new Random(20250309);

        for (int i = 0; i < 20_000; i++) {
            byte[] frame = i % 2 == 0 ? Frames.random(random, 24) : Frames.mangled(FULL_SI_FRAME, random);

            // when
            ParseResult<WeightReading> result = assertDoesNotThrow(() -> WeightMeasurementParser.parse(frame),
                    () -> Arrays.toString(frame));

            // then
            if (result instanceof ParseResult.Parsed<WeightReading> p) {
                BigDecimal kg = p.reading().kilograms();
                assertTrue(kg.compareTo(BigDecimal.valueOf(2)) >= 0 && kg.compareTo(BigDecimal.valueOf(300)) <= 0,
                        Arrays.toString(frame));
            } else {
                assertFalse(((ParseResult.Rejected<WeightReading>) result).reason().isBlank());
            }
        }
    }
}
