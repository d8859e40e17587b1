package org.yizhan.protocol.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KioskIdTest {

    @Test
    void is_written_as_site_slash_kiosk_and_read_back() {
        // given
        KioskId id = new KioskId("xuhui-tianping", "kiosk-01");

        // when
        String written = id.toString();

        // then
        assertEquals("xuhui-tianping/kiosk-01", written);
        assertEquals(id, KioskId.parse(written));
    }

    @Test
    void accepts_sixty_four_characters_and_not_sixty_five() {
        String max = "a".repeat(64);

        assertEquals(max, new KioskId("demo", max).kiosk());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KioskId("demo", max + "a"));
        assertTrue(e.getMessage().contains("longer than 64"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Demo", "a/b", "a+b", "a#", "#", "+", "-lead", "ki osk", "kiosk\u0000", "站点", "a_b"})
    void refuses_ids_that_would_break_or_blur_a_topic(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KioskId(bad, "kiosk-1"));
        assertTrue(e.getMessage().startsWith("site"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "demo/", "/kiosk-1", "demo/kiosk-1/x", "demo\\kiosk-1"})
    void refuses_text_that_is_not_site_slash_kiosk(String bad) {
        assertThrows(IllegalArgumentException.class, () -> KioskId.parse(bad));
    }

    @Test
    void refuses_null_with_an_explanation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KioskId.parse(null));
        assertTrue(e.getMessage().contains("site/kiosk"), e.getMessage());
    }
}
