package org.yizhan.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KioskWindowFontTest {

    @Test
    void prefers_noto_sans_cjk_when_it_is_installed() {
        assertEquals("Noto Sans CJK SC",
                KioskWindow.fontFamily(List.of("DejaVu Sans", "WenQuanYi Micro Hei", "Noto Sans CJK SC")));
    }

    @Test
    void falls_back_to_wenquanyi() {
        assertEquals("WenQuanYi Micro Hei", KioskWindow.fontFamily(List.of("DejaVu Sans", "WenQuanYi Micro Hei")));
    }

    @Test
    void falls_back_to_the_system_family_without_any_chinese_face() {
        assertEquals("System", KioskWindow.fontFamily(List.of("DejaVu Sans")));
    }
}
