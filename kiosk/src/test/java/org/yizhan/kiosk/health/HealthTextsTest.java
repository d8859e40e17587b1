package org.yizhan.kiosk.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.health.MeasurementStatus;

/** The words a resident reads beside a reading, in both of the kiosk's languages. */
class HealthTextsTest {

    private final HealthTexts zh = HealthTexts.of(Locale.SIMPLIFIED_CHINESE);
    private final HealthTexts en = HealthTexts.of(Locale.ENGLISH);

    @Test
    void both_languages_have_the_same_keys() {
        assertEquals(new TreeSet<>(zh.keys()), new TreeSet<>(en.keys()));
    }

    @Test
    void every_key_an_assessment_can_give_has_words_in_both_languages() {
        // given every key the assessor and the texts can ask for
        List<String> keys = new ArrayList<>(List.of(HealthAssessor.CRISIS, HealthAssessor.MEASURE_AGAIN,
                HealthAssessor.NOT_A_DIAGNOSIS, HealthAssessor.NO_HEIGHT));
        for (BloodPressureCategory category : BloodPressureCategory.values()) {
            keys.add("advice.blood-pressure." + category.code());
            keys.add("name.blood-pressure." + category.code());
        }
        for (BmiBand band : BmiBand.values()) {
            keys.add("advice.weight." + band.code());
            keys.add("name.weight." + band.code());
        }
        for (String category : List.of(Reading.Temperature.LOW, Reading.Temperature.NORMAL, Reading.Temperature.FEVER)) {
            keys.add("advice.temperature." + category);
            keys.add("name.temperature." + category);
        }
        for (HealthFlag flag : HealthFlag.values()) {
            keys.add("advice.flag." + flag.code());
        }
        for (RefusalReason reason : RefusalReason.values()) {
            keys.add("refused." + reason.code());
        }
        for (Trend.Direction direction : Trend.Direction.values()) {
            keys.add(direction.key());
        }

        // then
        for (String key : keys) {
            assertFalse(zh.text(key).isBlank(), key);
            assertFalse(en.text(key).isBlank(), key);
        }
        assertEquals(new TreeSet<>(keys), new TreeSet<>(zh.keys()), "no text is left over, none is missing");
    }

    @Test
    void the_chinese_texts_are_chinese_and_the_english_ones_are_not() {
        for (String key : zh.keys()) {
            assertTrue(zh.text(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    key + ": " + zh.text(key));
            assertFalse(en.text(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    key + ": " + en.text(key));
        }
    }

    @Test
    void a_crisis_reading_reads_seek_care_first_and_not_a_diagnosis_last() {
        // given
        Assessment assessment = HealthAssessor.assess(HealthAssessorTest.bloodPressure("185", "100",
                MeasurementStatus.CUFF_TOO_LOOSE));

        // when
        List<String> chinese = zh.advice(assessment);
        List<String> english = en.advice(assessment);

        // then
        assertTrue(chinese.get(0).contains("120") && chinese.get(0).contains("就医"), chinese.get(0));
        assertTrue(english.get(0).contains("call 120"), english.get(0));
        assertEquals("单次测量结果不能作为诊断。如有疑问，请咨询医生。", chinese.get(chinese.size() - 1));
        assertTrue(english.get(english.size() - 1).startsWith("A single reading is not a diagnosis."));
        assertTrue(english.stream().anyMatch(text -> text.contains("cuff was too loose")), english.toString());
    }

    @Test
    void names_the_category_and_tells_the_trend_with_its_count() {
        Reading reading = new Reading.BloodPressure(new BigDecimal("150"), new BigDecimal("85"), Optional.empty());
        Trend trend = new Trend(Trend.Direction.LOWER, 5, List.of(new BigDecimal("158.0"), new BigDecimal("88.0")));

        assertEquals(Optional.of("单纯收缩期高血压范围"), zh.categoryName(reading));
        assertEquals(Optional.of("In the isolated systolic hypertension range"), en.categoryName(reading));
        assertEquals("比您最近5次的平均值低", zh.trend(trend));
        assertEquals("Lower than your average of the last 5", en.trend(trend));
        assertEquals(Optional.empty(), en.categoryName(new Reading.Weight(new BigDecimal("70"), Optional.empty())));
    }

    @Test
    void a_refused_reading_says_it_was_not_saved() {
        Assessment refused = HealthAssessor.assess(HealthAssessorTest.bloodPressure("120", "125"));

        assertTrue(zh.advice(refused).get(0).contains("没有保存"), zh.advice(refused).toString());
        assertTrue(en.advice(refused).get(0).contains("not saved"), en.advice(refused).toString());
    }

    @Test
    void a_language_the_health_check_does_not_speak_fails_at_once() {
        assertThrows(MissingResourceException.class, () -> HealthTexts.of(Locale.FRENCH));
        assertThrows(MissingResourceException.class, () -> en.text("advice.no-such-key"));
    }
}
