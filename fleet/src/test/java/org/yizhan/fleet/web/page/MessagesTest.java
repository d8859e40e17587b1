package org.yizhan.fleet.web.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yizhan.fleet.alert.AlertRule;

class MessagesTest {

    @Test
    void every_alert_rule_the_back_end_raises_has_a_name_in_both_languages() {
        for (Language language : Language.values()) {
            for (AlertRule rule : AlertRule.values()) {
                assertTrue(Messages.of(language).texts().containsKey("rule." + rule.code()),
                        rule.code() + " has no name in " + language);
            }
        }
    }

    @Test
    void both_languages_have_the_same_keys() {
        Set<String> chinese = Messages.of(Language.ZH).texts().keySet();
        Set<String> english = Messages.of(Language.EN).texts().keySet();

        Set<String> onlyChinese = new TreeSet<>(chinese);
        onlyChinese.removeAll(english);
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(chinese);

        assertTrue(onlyChinese.isEmpty(), "missing in messages_en: " + onlyChinese);
        assertTrue(onlyEnglish.isEmpty(), "missing in messages_zh_CN: " + onlyEnglish);
    }

    @Test
    void a_text_with_arguments_takes_the_same_number_in_both_languages() {
        Map<String, String> chinese = Messages.of(Language.ZH).texts();
        Map<String, String> english = Messages.of(Language.EN).texts();
        chinese.forEach((key, text) -> assertEquals(
                new MessageFormat(text).getFormatsByArgumentIndex().length,
                new MessageFormat(english.get(key)).getFormatsByArgumentIndex().length, key));
    }

    @Test
    void texts_are_read_as_utf_8_and_formatted_in_the_languages_manner() {
        assertEquals("浦锦 3 分钟前", "浦锦 " + Messages.of(Language.ZH).format("time.minutes-ago", 3));
        assertEquals("1 day ago", Messages.of(Language.EN).format("time.days-ago", 1));
        assertEquals("3 days ago", Messages.of(Language.EN).format("time.days-ago", 3));
        assertEquals("血压", ((Map<?, ?>) Messages.of(Language.ZH).tree().get("measurement")).get("blood-pressure"));
    }

    @Test
    void an_unknown_code_is_shown_as_it_came() {
        assertEquals("laundry", Messages.of(Language.ZH).codeText("purpose.", "laundry"));
        assertEquals("充电", Messages.of(Language.ZH).codeText("purpose.", "charge"));
    }
}
