package org.yizhan.kiosk.ui.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yizhan.devices.bloodpressure.CuffPressure;
import org.yizhan.devices.bloodpressure.PressureUnit;
import org.yizhan.devices.health.Measurement;
import org.yizhan.devices.health.ParseResult;
import org.yizhan.kiosk.config.HealthCheckConfig;
import org.yizhan.kiosk.flow.HealthResult;
import org.yizhan.kiosk.flow.HealthTimings;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.flow.Language;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.flow.ScreenState;
import org.yizhan.kiosk.health.HealthFlag;
import org.yizhan.kiosk.health.RefusalReason;
import org.yizhan.kiosk.ui.KioskIdentity;
import org.yizhan.kiosk.ui.KioskInput;
import org.yizhan.kiosk.ui.KioskViewModel;
import org.yizhan.kiosk.ui.scan.KeyboardWedge;

/**
 * The health screens' model without a screen: kiosk events go through the window's model on the calling thread
 * (a direct executor), as the window's JavaFX thread would take them.
 */
class HealthViewModelTest {

    private static final Executor DIRECT = Runnable::run;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-03T13:07:09Z"), ZoneId.of("Asia/Shanghai"));
    private static final KioskIdentity IDENTITY = new KioskIdentity("pujin", "测试驿站", "window-2", "1.4.0");
    private static final Instant AT = Instant.parse("2025-06-03T01:30:00Z");

    private final List<String> taps = new ArrayList<>();
    private final KioskViewModel window = model(new HealthCheckConfig(Duration.ofDays(30), "021-5888 1234",
            HealthTimings.DEFAULT));
    private final HealthViewModel health = window.health();

    @Test
    void a_blood_pressure_is_told_in_numbers_words_and_colour_in_the_screen_s_language() {
        // when
        measured(bloodPressure(128, 82, "high-normal", "high-normal", List.of()));

        // then
        assertEquals("血压", health.kindName().get());
        assertEquals("128/82", health.value().get());
        assertEquals("mmHg（毫米汞柱）", health.unit().get());
        assertEquals("脉搏 70 次/分", health.detail().get());
        assertEquals("血压正常高值", health.categoryName().get());
        assertEquals("这次血压略高于理想水平。少吃盐、多活动会有帮助，过几天再来量一量。", health.advice().get());
        assertEquals("单次测量结果不能作为诊断。如有疑问，请咨询医生。", health.notADiagnosis().get());
        assertEquals(List.of("kind-blood-pressure", "level-high-normal"), health.styleClasses().get());
        assertFalse(health.hasFlags().get());

        // and when the resident switches to English
        show(Screen.HEALTH_RESULT, Language.EN, "high-normal", null);

        // then
        assertEquals("Pulse 70 per minute", health.detail().get());
        assertEquals("High-normal blood pressure", health.categoryName().get());
        assertEquals("A single reading is not a diagnosis. If you have any doubts, please ask a doctor.",
                health.notADiagnosis().get());
        assertEquals("128/82", health.value().get(), "the reading stays through a change of language");
    }

    @Test
    void an_isolated_systolic_reading_is_named_as_such_and_coloured_by_its_grade() {
        measured(bloodPressure(165, 85, "isolated-systolic", "grade-2", List.of()));

        assertEquals("单纯收缩期高血压范围", health.categoryName().get());
        assertEquals(List.of("kind-blood-pressure", "level-grade-2"), health.styleClasses().get());
    }

    @Test
    void each_flag_is_explained_after_please_measure_again_and_an_unknown_one_still_gets_words() {
        measured(bloodPressure(120, 80, "high-normal", "high-normal", List.of("cuff-loose", "something-new")));

        assertTrue(health.hasFlags().get());
        assertEquals("这次测量可能不太准确，请休息几分钟后再测一次：", health.measureAgainWords().get());
        assertEquals(List.of("袖带绑得太松。请把袖带绑紧一些（能插进一根手指为宜）。", "血压计提示这次测量可能不准确。"),
                health.flagLines().get());
        assertFalse(health.advice().get().contains("袖带"), "flags are not repeated in the advice");
    }

    @ParameterizedTest
    @EnumSource(HealthFlag.class)
    void every_flag_the_health_check_knows_has_its_own_words(HealthFlag flag) {
        measured(bloodPressure(120, 80, "high-normal", "high-normal", List.of(flag.code())));

        assertFalse(health.flagLines().get().get(0).equals("血压计提示这次测量可能不准确。"), flag.code());
    }

    @Test
    void a_weight_is_told_with_its_bmi_and_height_and_without_a_height_has_no_category() {
        measured(new HealthResult("weight", AT, Map.of("weight", 65.0, "bmi", 22.5, "height", 1.7), "normal", null,
                false, List.of(), false, null, List.of(), List.of("advice.weight.normal", "advice.not-a-diagnosis")));

        assertEquals("65.0", health.value().get());
        assertEquals("kg（公斤）", health.unit().get());
        assertEquals("BMI 22.5   身高 1.70 米", health.detail().get());
        assertEquals("体重正常", health.categoryName().get());
        assertEquals(List.of("kind-weight", "level-normal"), health.styleClasses().get());

        measured(new HealthResult("weight", AT, Map.of("weight", 71.35), null, null, false, List.of(), false, null,
                List.of(), List.of("advice.weight.no-height", "advice.not-a-diagnosis")));

        assertEquals("71.4", health.value().get());
        assertFalse(health.hasCategory().get());
        assertFalse(health.hasDetail().get());
        assertEquals("还不知道您的身高，暂时无法计算体重指数（BMI）。", health.advice().get());
        assertEquals(List.of("kind-weight", "level-none"), health.styleClasses().get());
    }

    @Test
    void a_temperature_is_told_to_a_tenth_with_fever_in_its_colour() {
        measured(new HealthResult("temperature", AT, Map.of("temperature", 37.8), "fever", null, false, List.of(),
                false, null, List.of(), List.of("advice.temperature.fever", "advice.not-a-diagnosis")));

        assertEquals("37.8", health.value().get());
        assertEquals("°C", health.unit().get());
        assertEquals("发热", health.categoryName().get());
        assertEquals(List.of("kind-temperature", "level-fever"), health.styleClasses().get());
    }

    @Test
    void a_refused_reading_is_told_in_plain_words_whatever_refused_it() {
        // the health check's own refusal
        refused(RefusalReason.DIASTOLIC_NOT_BELOW_SYSTOLIC.code());
        assertTrue(health.readingRefused().get());
        assertEquals("这次读数不可能正确（低压不低于高压），没有保存。请重新绑好袖带，再测一次。", health.refusal().get());
        assertNull(health.resultProperty().get());

        // a frame the cuff's parser rejected during the measurement
        refused("implausible");
        assertEquals("这次读数不可能正确，没有保存。请按图示准备好，再测一次。", health.refusal().get());

        // a kiosk without a health check, and a code newer than the window
        refused("unsupported");
        assertEquals("本机暂时不能进行健康自测，请联系工作人员。", health.refusal().get());
        refused("cosmic-ray");
        assertEquals("这次读数无法使用，没有保存。请再测一次。", health.refusal().get());
    }

    @ParameterizedTest
    @EnumSource(RefusalReason.class)
    void every_refusal_of_the_health_check_has_its_own_words(RefusalReason reason) {
        refused(reason.code());

        assertFalse(health.refusal().get().equals("这次读数无法使用，没有保存。请再测一次。"), reason.code());
    }

    @ParameterizedTest
    @EnumSource(ParseResult.RejectionKind.class)
    void every_kind_of_rejected_frame_has_its_own_words(ParseResult.RejectionKind kind) {
        refused(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));

        assertFalse(health.refusal().get().equals("这次读数无法使用，没有保存。请再测一次。"), kind.name());
    }

    @Test
    void a_pass_that_could_not_be_used_is_said_on_the_identify_and_delete_screens() {
        show(Screen.HEALTH_IDENTIFY, Language.ZH, null, null);
        assertFalse(health.passRefused().get());

        show(Screen.HEALTH_IDENTIFY, Language.ZH, null, "pass-refused");
        assertTrue(health.passRefused().get());

        show(Screen.HEALTH_DELETE, Language.ZH, null, "pass-refused");
        assertTrue(health.passRefused().get());
    }

    @Test
    void the_cuff_s_pressure_shows_only_while_measuring_and_goes_when_the_reading_comes() {
        // given
        show(Screen.HEALTH_CONSENT, Language.ZH, null, null);
        window.onEvent(new KioskEvent.Measured("bp-monitor", cuff("40")));
        assertNull(health.cuffPressureProperty().get(), "not before the guidance");

        // when
        show(Screen.HEALTH_MEASURING, Language.ZH, null, null);
        window.onEvent(new KioskEvent.Measured("bp-monitor", cuff("152.4")));

        // then
        assertEquals("152 mmHg", health.cuffPressureText().get());
        show(Screen.HEALTH_MEASURING, Language.EN, null, null);
        assertEquals("152 mmHg", health.cuffPressureText().get(), "kept through a change of language");

        // and when the reading arrives
        window.onEvent(new KioskEvent.HealthAssessed(bloodPressure(120, 80, "high-normal", "high-normal", List.of())));
        assertNull(health.cuffPressureProperty().get());
        assertEquals("", health.cuffPressureText().get());
    }

    @Test
    void nothing_of_a_reading_stays_once_the_window_leaves_the_health_screens_or_measures_again() {
        // given a reading on show, then its trend
        measured(bloodPressure(128, 82, "high-normal", "high-normal", List.of()));
        show(Screen.HEALTH_TREND, Language.ZH, "high-normal", null);
        assertEquals("128/82", health.value().get());

        // when the result's time is up
        show(Screen.HOME, Language.ZH, null, null);

        // then
        assertNull(health.resultProperty().get());
        assertEquals("", health.value().get());
        assertEquals("", health.categoryName().get());
        assertEquals("", health.advice().get());

        // and a new measurement starts without the last one
        measured(bloodPressure(128, 82, "high-normal", "high-normal", List.of()));
        show(Screen.HEALTH_MEASURING, Language.ZH, null, null);
        assertNull(health.resultProperty().get());
    }

    @Test
    void the_trend_is_told_against_the_earlier_readings_and_there_is_none_before_enough() {
        List<HealthResult.Point> history = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            history.add(new HealthResult.Point(AT.plus(Duration.ofDays(day)), Map.of("systolic", 120.0 + day,
                    "diastolic", 80.0)));
        }
        measured(new HealthResult("blood-pressure", AT, Map.of("systolic", 142.0, "diastolic", 88.0), "grade-1",
                "grade-1", false, List.of(), true, "higher", history, List.of()));

        assertEquals("比您最近5次的平均值高", health.trendWords().get(), "at most five earlier readings are averaged");
        assertTrue(health.trendAvailable().get());
        assertEquals(List.of("systolic", "diastolic"), health.chartValues());
        assertEquals("6月3日", health.pointLabel(AT, false));
        assertEquals("6月3日\n09:30", health.pointLabel(AT, true), "in the kiosk's time zone");

        measured(new HealthResult("blood-pressure", AT, Map.of("systolic", 142.0, "diastolic", 88.0), "grade-1",
                "grade-1", false, List.of(), true, null, history.subList(0, 2), List.of()));
        assertEquals("再测量几次后，这里会显示您的变化趋势。", health.trendWords().get());
    }

    @Test
    void a_reading_measured_without_saving_has_no_trend() {
        measured(bloodPressure(128, 82, "high-normal", "high-normal", List.of()));

        assertFalse(health.trendAvailable().get());
    }

    @Test
    void consent_tells_the_configured_retention_and_crisis_the_duty_phone() {
        assertEquals("保存多久：30天，到期自动删除；您也可以随时删除。", health.retentionText().get());
        assertEquals("021-5888 1234", health.dutyPhoneText().get());
        assertTrue(health.hasDutyPhone().get());

        HealthViewModel unconfigured = model(new HealthCheckConfig(HealthCheckConfig.DEFAULT_RETENTION, null,
                HealthTimings.DEFAULT)).health();
        assertEquals("保存多久：180天，到期自动删除；您也可以随时删除。", unconfigured.retentionText().get());
        assertFalse(unconfigured.hasDutyPhone().get());
    }

    @Test
    void deleted_says_how_many_readings_went() {
        show(Screen.HEALTH_DELETE_CONFIRM, Language.EN, null, null);

        window.onEvent(new KioskEvent.HealthDataDeleted(3));
        show(Screen.HEALTH_DELETED, Language.EN, null, null);
        assertEquals("3 of your readings were deleted.", health.deletedText().get());

        window.onEvent(new KioskEvent.HealthDataDeleted(1));
        assertEquals("1 of your readings was deleted.", health.deletedText().get());

        window.onEvent(new KioskEvent.HealthDataDeleted(0));
        assertEquals("There were no readings of yours to delete.", health.deletedText().get());

        show(Screen.HOME, Language.ZH, null, null);
        assertEquals("", health.deletedText().get());
    }

    @Test
    void the_health_buttons_are_forwarded_with_the_flow_s_ids() {
        health.start();
        health.keepHistory();
        health.measureWithoutSaving();
        health.deleteMyData();
        health.confirmDelete();
        health.showTrend();
        health.measureAgain();

        assertEquals(List.of("health", "consent-keep", "consent-anonymous", "delete-my-data", "confirm-delete",
                "trend", "measure-again"), taps);
    }

    private void measured(HealthResult result) {
        show(Screen.HEALTH_MEASURING, window.screenProperty().get().language(), null, null);
        window.onEvent(new KioskEvent.HealthAssessed(result));
        show(Screen.HEALTH_RESULT, window.screenProperty().get().language(), result.category(), null);
    }

    private void refused(String reason) {
        show(Screen.HEALTH_MEASURING, Language.ZH, null, null);
        window.onEvent(new KioskEvent.HealthRefused("blood-pressure", reason, "for support"));
        show(Screen.HEALTH_RESULT, Language.ZH, null, reason);
    }

    private void show(Screen screen, Language language, String category, String reason) {
        window.onEvent(new KioskEvent.ScreenShown(new ScreenState(screen, language, category, reason, null)));
    }

    private static HealthResult bloodPressure(int systolic, int diastolic, String category, String grade,
            List<String> flags) {
        List<String> advice = new ArrayList<>(List.of("advice.blood-pressure." + category));
        if (!flags.isEmpty()) {
            advice.add("advice.measure-again");
            flags.forEach(flag -> advice.add("advice.flag." + flag));
        }
        advice.add("advice.not-a-diagnosis");
        return new HealthResult("blood-pressure", AT, Map.of("systolic", (double) systolic, "diastolic",
                (double) diastolic, "pulse", 70.0), category, grade, false, flags, false, null, List.of(), advice);
    }

    private static Measurement cuff(String mmHg) {
        return new Measurement.IntermediateCuffPressure(new CuffPressure(new BigDecimal(mmHg), PressureUnit.MMHG));
    }

    private KioskViewModel model(HealthCheckConfig settings) {
        KioskInput input = new KioskInput() {
            @Override
            public CompletableFuture<Void> scan(String text) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Void> tap(String button) {
                taps.add(button);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Long> visitsToday() {
                return CompletableFuture.completedFuture(0L);
            }
        };
        return new KioskViewModel(IDENTITY, Language.ZH, input, CLOCK, DIRECT, new KeyboardWedge(), settings);
    }
}
