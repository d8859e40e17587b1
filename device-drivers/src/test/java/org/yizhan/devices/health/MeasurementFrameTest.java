package org.yizhan.devices.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.health.FrameAssertions.assertDecimal;
import static org.yizhan.devices.health.Frames.bytes;
import static org.yizhan.devices.health.FrameAssertions.parsed;
import static org.yizhan.devices.health.FrameAssertions.rejectionReason;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yizhan.devices.health.MeasurementFrame.Field;
import org.yizhan.devices.health.ParseResult.RejectionKind;

class MeasurementFrameTest {

    private static final Field TIME_STAMP = Field.announced("time stamp");

    private static ParseResult<Optional<LocalDateTime>> readTimeStamp(byte[] frame) {
        return MeasurementFrame.read(frame, f -> f.dateTime(TIME_STAMP));
    }

    @Test
    void reads_integers_and_floats_low_byte_first() {
        // given
        byte[] frame = bytes(
                0x00,                   // flags
                0x34, 0x12,             // uint16 0x1234 = 4660
                0xE5, 0xF2,             // SFLOAT 0xF2E5 = 74.1
                0x6C, 0x01, 0x00, 0xFF, // FLOAT 0xFF00016C = 36.4
                0xC8);                  // uint8 200

        // when
        String read = parsed(MeasurementFrame.read(frame, f -> f.uint16(Field.required("a"))
                + " " + f.sfloat(Field.required("b"))
                + " " + f.float32(Field.required("c"))
                + " " + f.uint8(Field.required("d"))));

        // then
        assertEquals("4660 74.1 36.4 200", read);
    }

    // weliem/blessed-android-coroutines, blessed/src/test/java/com/welie/blessed/BluetoothBytesParserTest.kt
    // (first_test) reads the big-endian bytes FF 00 01 6C as the FLOAT 36.4; on the air, little-endian, they
    // arrive as 6C 01 00 FF.
    @Test
    void reads_the_float_vector_of_a_public_parser_in_air_order() {
        // given
        byte[] frame = bytes(0x00, 0x6C, 0x01, 0x00, 0xFF);

        // when
        MedicalFloat value = parsed(MeasurementFrame.read(frame, f -> f.float32(Field.required("temperature"))));

        // then
        assertDecimal("36.4", value.value());
    }

    @Test
    void the_flags_byte_is_byte_zero_and_reading_starts_after_it() {
        // given
        byte[] frame = bytes(0xA5, 0x07);

        // when
        String read = parsed(MeasurementFrame.read(frame,
                f -> f.flags() + " " + f.flagSet(0x01) + " " + f.flagSet(0x02) + " " + f.uint8(Field.required("x"))));

        // then
        assertEquals("165 true false 7", read);
    }

    @Test
    void null_and_empty_frames_are_rejected_before_the_layout_runs() {
        // when
        String nullReason = rejectionReason(MeasurementFrame.read(null, f -> "layout ran"), RejectionKind.MALFORMED);
        String emptyReason = rejectionReason(MeasurementFrame.read(new byte[0], f -> "layout ran"), RejectionKind.MALFORMED);

        // then
        assertEquals("no frame (null)", nullReason);
        assertTrue(emptyReason.startsWith("empty frame"), emptyReason);
    }

    @Test
    void reads_a_copy_so_the_caller_may_reuse_its_buffer() {
        // given
        byte[] frame = bytes(0x00, 0x2A);

        // when: the caller's buffer changes while the layout runs
        int read = parsed(MeasurementFrame.read(frame, f -> {
            frame[1] = 0x00;
            return f.uint8(Field.required("value"));
        }));

        // then
        assertEquals(0x2A, read);
    }

    @Test
    void a_missing_required_field_names_the_field_its_bytes_and_the_end_of_the_frame() {
        // given: flags and one byte of a two-byte weight
        byte[] frame = bytes(0x00, 0x20);

        // when
        String reason = rejectionReason(MeasurementFrame.read(frame, f -> f.uint16(Field.required("weight"))),
                RejectionKind.MALFORMED);

        // then
        assertEquals("the weight needs bytes 1-2 but the frame ends at byte 2", reason);
    }

    @Test
    void a_missing_announced_field_says_the_flags_announced_it() {
        // given: flags 0x02 (time stamp follows) and nothing else
        byte[] frame = bytes(0x02);

        // when
        String reason = rejectionReason(readTimeStamp(frame), RejectionKind.MALFORMED);

        // then
        assertEquals("flags 0x02 say a time stamp follows in bytes 1-7 but the frame ends at byte 1", reason);
    }

    @Test
    void a_missing_one_byte_field_names_one_byte() {
        // given
        byte[] frame = bytes(0x04);

        // when
        String reason = rejectionReason(MeasurementFrame.read(frame, f -> f.uint8(Field.announced("user id"))),
                RejectionKind.MALFORMED);

        // then
        assertEquals("flags 0x04 say a user id follows in byte 1 but the frame ends at byte 1", reason);
    }

    @Test
    void a_rejection_from_the_layout_becomes_the_result() {
        // when
        ParseResult<String> result = MeasurementFrame.read(bytes(0x00),
                f -> f.reject(RejectionKind.IMPLAUSIBLE, "too heavy"));

        // then
        assertEquals("too heavy", rejectionReason(result, RejectionKind.IMPLAUSIBLE));
    }

    @Test
    void reads_a_complete_time_stamp_on_a_leap_day() {
        // given
        byte[] frame = bytes(
                0x00,
                0xE8, 0x07, // year 0x07E8 = 2024
                0x02,       // February
                0x1D,       // 29th
                0x17,       // 23 h
                0x3B,       // 59 min
                0x3B);      // 59 s

        // when
        Optional<LocalDateTime> timeStamp = parsed(readTimeStamp(frame));

        // then
        assertEquals(Optional.of(LocalDateTime.of(2024, 2, 29, 23, 59, 59)), timeStamp);
    }

    @ParameterizedTest(name = "year {0} month {1} day {2} is unknown")
    @CsvSource({
        "0000, 04, 11",  // year unknown (the Nordic vector in BloodPressureMeasurementParserTest has this)
        "07E8, 00, 11",  // month unknown
        "07E8, 04, 00",  // day unknown
        "0000, 00, 00",  // nothing known: all zero, as scales send when their clock was never set
    })
    void a_date_with_an_unknown_part_is_no_time_stamp(String year, String month, String day) {
        // given
        int y = Integer.parseInt(year, 16);
        byte[] frame = bytes(0x00, y & 0xFF, y >> 8, Integer.parseInt(month, 16), Integer.parseInt(day, 16), 0x0C, 0x00, 0x00);

        // when
        Optional<LocalDateTime> timeStamp = parsed(readTimeStamp(frame));

        // then
        assertEquals(Optional.empty(), timeStamp);
    }

    @ParameterizedTest(name = "{6}")
    @CsvSource({
        // year LE, month, day, hours, minutes, seconds, expected reason
        "2D 06, 01, 01, 00, 00, 00, time stamp year 1581 is not 1582-9999 (or 0 for unknown)",
        "10 27, 01, 01, 00, 00, 00, time stamp year 10000 is not 1582-9999 (or 0 for unknown)",
        "E8 07, 0D, 01, 00, 00, 00, time stamp month 13 is not 1-12 (or 0 for unknown)",
        "00 00, 0D, 01, 00, 00, 00, time stamp month 13 is not 1-12 (or 0 for unknown)",
        "E8 07, 01, 20, 00, 00, 00, time stamp day 32 is not 1-31 (or 0 for unknown)",
        "E8 07, 01, 01, 18, 00, 00, time stamp hours 24 is not 0-23",
        "E8 07, 01, 01, 00, 3C, 00, time stamp minutes 60 is not 0-59",
        "E8 07, 01, 01, 00, 00, 3C, time stamp seconds 60 is not 0-59",
        "E7 07, 02, 1D, 00, 00, 00, time stamp 2023-02-29 is not a date",
        "E8 07, 04, 1F, 00, 00, 00, time stamp 2024-04-31 is not a date",
    })
    void an_impossible_time_stamp_is_malformed(String year, String month, String day, String hours,
            String minutes, String seconds, String expected) {
        // given
        String[] yearBytes = year.split(" ");
        byte[] frame = bytes(0x00, hex(yearBytes[0]), hex(yearBytes[1]), hex(month), hex(day), hex(hours), hex(minutes), hex(seconds));

        // when
        String reason = rejectionReason(readTimeStamp(frame), RejectionKind.MALFORMED);

        // then
        assertEquals(expected, reason);
    }

    private static int hex(String text) {
        return Integer.parseInt(text, 16);
    }
}
