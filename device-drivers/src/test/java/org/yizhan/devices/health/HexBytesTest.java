package org.yizhan.devices.health;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.yizhan.devices.health.Frames.bytes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HexBytesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1E 8A 00", "1e 8a 00", "0x1E 0x8A 0x00", "0X1e,0x8a,0x00", "1E-8A-00", "1E:8A:00",
            "1E8A00", "0x1E8A00", "  1E   8A\t00 ", ", 1E, 8A, 00"})
    void reads_hex_as_support_engineers_paste_it(String text) {
        // when
        byte[] parsed = HexBytes.parse(text);

        // then
        assertArrayEquals(bytes(0x1E, 0x8A, 0x00), parsed);
    }

    @Test
    void reads_blank_text_as_no_bytes() {
        assertArrayEquals(new byte[0], HexBytes.parse("  "));
        assertArrayEquals(new byte[0], HexBytes.parse(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1E 8G 00 | '8G' (token 2) is not hex",
            "1E 8     | '8' (token 2) has an odd number of hex digits; write each byte as two, e.g. 0A",
            "0x 1E    | '0x' (token 1) has no hex digits",
            "1E ab3   | 'ab3' (token 2) has an odd number of hex digits; write each byte as two, e.g. 0A",
            "1E 0x1Z  | '0x1Z' (token 2) is not hex"})
    void names_the_bad_token_and_its_position(String text, String message) {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HexBytes.parse(text));

        // then
        assertEquals(message, e.getMessage());
    }

    @Test
    void writes_upper_case_pairs_separated_by_spaces() {
        assertEquals("04 78 00 FF", HexBytes.format(bytes(0x04, 0x78, 0x00, 0xFF)));
        assertEquals("", HexBytes.format(new byte[0]));
    }
}
