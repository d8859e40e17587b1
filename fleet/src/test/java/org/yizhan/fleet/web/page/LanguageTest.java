package org.yizhan.fleet.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void the_switch_wins_then_the_cookie_then_the_browser_then_chinese() {
        assertEquals(Language.EN, Language.choose("en", "zh", "zh-CN"));
        assertEquals(Language.EN, Language.choose(null, "en", "zh-CN"));
        assertEquals(Language.EN, Language.choose(null, null, "en-US,en;q=0.9,zh;q=0.8"));
        assertEquals(Language.ZH, Language.choose(null, null, "fr-FR,zh-TW;q=0.5,en;q=0.4"));
        assertEquals(Language.ZH, Language.choose(null, null, null));
        assertEquals(Language.ZH, Language.choose("klingon", "also-bad", "not a header ;;;"));
    }
}
