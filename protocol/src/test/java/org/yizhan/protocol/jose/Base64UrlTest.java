package org.yizhan.protocol.jose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

    @Test
    void round_trips_every_length_without_padding() {
        for (int length = 0; length < 40; length++) {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) (i * 37 + length);
            }

            String text = Base64Url.encode(bytes);

            assertTrue(text.indexOf('=') < 0, text);
            assertArrayEquals(bytes, Base64Url.decode(text).orElseThrow());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"e30=", "e3 0", "e3+/", "e30\n", "A", "你好"})
    void refuses_padding_other_alphabets_and_impossible_lengths(String text) {
        assertTrue(Base64Url.decode(text).isEmpty(), text);
    }

    @Test
    void refuses_a_last_character_whose_unused_bits_are_set() {
        // given "e30" ({}) with the unused low bits of its last character set: the JDK reads both the same
        String bent = "e31";
        assertArrayEquals(Base64.getUrlDecoder().decode("e30"), Base64.getUrlDecoder().decode(bent));

        // when / then
        assertTrue(Base64Url.decode(bent).isEmpty());
        assertEquals("{}", new String(Base64Url.decode("e30").orElseThrow()));
    }
}
