package org.yizhan.devices.qr.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yizhan.devices.qr.ScanRead;

class SerialLineDecoderTest {

    private final List<ScanRead> reads = new ArrayList<>();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CR, 0d", "LF, 0a", "CRLF, 0d0a", "0x03, 03"})
    void splits_lines_at_the_configured_terminator(String terminator, String terminatorHex) {
        // given a decoder for that terminator
        SerialLineDecoder decoder = new SerialLineDecoder(Terminator.parse(terminator));
        byte[] end = HexFormat.of().parseHex(terminatorHex);

        // when two codes come, each with its terminator
        feed(decoder, concat(ascii("PASS-1"), end, ascii("PASS-2"), end));

        // then two codes
        assertEquals(List.of(new ScanRead.Code("PASS-1"), new ScanRead.Code("PASS-2")), reads);
    }

    @Test
    void joins_a_code_split_across_reads_even_inside_a_character() {
        // given "驿站" (two 3-byte UTF-8 characters), split in the middle of the first
        SerialLineDecoder decoder = new SerialLineDecoder(Terminator.CRLF);
        byte[] line = concat("驿站-7".getBytes(StandardCharsets.UTF_8), new byte[] {0x0D, 0x0A});

        // when it comes a byte or two at a time, with CR and LF in separate reads
        for (int i = 0; i < line.length; i += 2) {
            decoder.decode(Arrays.copyOfRange(line, i, Math.min(line.length, i + 2)),
                    Math.min(2, line.length - i), reads::add);
        }

        // then it is one code, decoded whole
        assertEquals(List.of(new ScanRead.Code("驿站-7")), reads);
    }

    @Test
    void refuses_invalid_utf8_naming_the_byte() {
        // given a line whose fourth byte starts a 2-byte sequence that never finishes
        SerialLineDecoder decoder = new SerialLineDecoder(Terminator.CR);

        feed(decoder, HexFormat.of().parseHex("414243c3410d"));

        ScanRead.Unreadable refused = assertInstanceOf(ScanRead.Unreadable.class, reads.get(0));
        assertEquals("invalid UTF-8 at byte 3 of 5", refused.reason());
    }

    @Test
    void a_line_with_no_terminator_is_refused_once_when_too_long_and_reading_resumes_after_the_next_one() {
        // given a scanner sending a long line without its terminator
        SerialLineDecoder decoder = new SerialLineDecoder(Terminator.CR);
        feed(decoder, ascii("x".repeat(SerialLineDecoder.LIMIT_BYTES + 1)));

        // then it is refused before any terminator, and only once
        assertEquals(1, reads.size());
        assertTrue(assertInstanceOf(ScanRead.Unreadable.class, reads.get(0)).reason().contains("no terminator (CR)"));

        // when more of it, its terminator and a good code follow
        feed(decoder, ascii("x".repeat(10_000) + "\rNEXT\r"));

        // then the rest is dropped and the next code is read
        assertEquals(List.of(reads.get(0), new ScanRead.Code("NEXT")), reads);
    }

    @Test
    void a_line_at_the_limit_goes_to_the_filter_whole() {
        SerialLineDecoder decoder = new SerialLineDecoder(Terminator.CR);

        feed(decoder, ascii("y".repeat(SerialLineDecoder.LIMIT_BYTES) + "\r"));

        assertEquals(List.of(new ScanRead.Code("y".repeat(SerialLineDecoder.LIMIT_BYTES))), reads);
    }

    @Test
    void a_scanner_ending_lines_with_crlf_read_as_cr_is_told_what_to_check() {
        // given a decoder set for CR, and a scanner sending CRLF
        SerialLineDecoder decoder = new SerialLineDecoder(Terminator.CR);

        feed(decoder, ascii("ONE\r\nTWO\r\n"));

        // then the first code reads, and the second, starting with the left-over LF, says why it is refused
        assertEquals(new ScanRead.Code("ONE"), reads.get(0));
        String reason = assertInstanceOf(ScanRead.Unreadable.class, reads.get(1)).reason();
        assertTrue(reason.contains("LF at position 0") && reason.contains("scanner.terminator=CR"), reason);
    }

    @Test
    void a_code_cut_off_by_the_end_of_input_is_refused() {
        SerialLineDecoder decoder = new SerialLineDecoder(Terminator.CR);
        feed(decoder, ascii("HALF"));

        Optional<ScanRead> end = decoder.end();

        assertTrue(assertInstanceOf(ScanRead.Unreadable.class, end.orElseThrow()).reason().contains("after 4 bytes"));
    }

    @Test
    void input_that_ends_between_codes_leaves_nothing() {
        SerialLineDecoder decoder = new SerialLineDecoder(Terminator.CR);
        feed(decoder, ascii("DONE\r"));

        assertEquals(Optional.empty(), decoder.end());
    }

    private void feed(SerialLineDecoder decoder, byte[] bytes) {
        decoder.decode(bytes, bytes.length, reads::add);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }
}
