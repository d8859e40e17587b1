package org.yizhan.devices.qr.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerminatorTest {

    @Test
    void reads_the_named_line_endings_in_any_case() {
        assertEquals(Terminator.CR, Terminator.parse("cr"));
        assertEquals(Terminator.LF, Terminator.parse(" LF "));
        assertEquals(List.of(0x0D, 0x0A), Terminator.parse("CrLf").bytes());
    }

    @Test
    void reads_one_byte_in_hex_or_decimal() {
        assertEquals(List.of(0x03), Terminator.parse("0x03").bytes());
        assertEquals(List.of(9), Terminator.parse("9").bytes());
        assertEquals("0x03", Terminator.parse("3").label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ETX", "0x100", "-1", "CR LF"})
    void refuses_anything_else_naming_the_setting(String value) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Terminator.parse(value));

        assertTrue(refused.getMessage().contains("scanner.terminator"), refused.getMessage());
    }
}
