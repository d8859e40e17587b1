package org.yizhan.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.yizhan.devices.health.BleNotification;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.provisioning.pass.VisitorCategory;

/**
 * The health check on the real window of a real kiosk (its assessment and storage), clicked, scanned and
 * measured through the simulated cuff on headless Monocle.
 */
class HealthCheckWindowTest {

    // Blood Pressure Measurement frames (0x2A35): flags (0x04 pulse, 0x10 status), systolic, diastolic, mean
    // arterial pressure and pulse as SFLOATs in mmHg, then the status (0x0004 irregular pulse).
    static final String READING_118_76 = "2A35 04 76 00 4C 00 5A 00 48 00";
    static final String READING_128_82 = "2A35 04 80 00 52 00 61 00 46 00";
    static final String READING_132_84 = "2A35 04 84 00 54 00 64 00 4A 00";
    static final String READING_126_80 = "2A35 04 7E 00 50 00 5F 00 44 00";
    static final String READING_135_86 = "2A35 04 87 00 56 00 66 00 48 00";
    static final String READING_142_88_IRREGULAR = "2A35 14 8E 00 58 00 6A 00 4C 00 04 00";
    static final String READING_185_100 = "2A35 04 B9 00 64 00 80 00 58 00";
    /** Diastolic 95 above systolic 90: the cuff got it wrong. */
    static final String READING_IMPLAUSIBLE = "2A35 00 5A 00 5F 00 5D 00";

    private static final Set<String> TAP_IDS = Set.of(KioskFlow.HOME, KioskFlow.HEALTH, KioskFlow.CONSENT_KEEP,
            KioskFlow.CONSENT_ANONYMOUS, KioskFlow.DELETE_MY_DATA, KioskFlow.CONFIRM_DELETE, KioskFlow.TREND,
            KioskFlow.MEASURE_AGAIN, "lang-zh", "lang-en");
    /** 15 mm on the 10" 1280×800 panel. */
    private static final double TOUCH_TARGET = 96;

    private final FxRobot robot = new FxRobot();

    @TempDir
    Path dataDir;

    private KioskOnScreen window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void a_resident_walks_from_home_through_consent_pass_and_cuff_to_the_result_and_their_trend() throws Exception {
        // given a resident who kept one reading yesterday
        window = KioskOnScreen.open(dataDir);
        String pass = window.pass(VisitorCategory.RESIDENT);
        measureKeeping(window, robot, pass, READING_118_76);
        KioskAssembly.await(window.kiosk().advanceClock(Duration.ofDays(1)));
        window.waitForScreen(Screen.HOME);

        // when they start the health check and keep their history
        robot.clickOn("#health");
        window.waitForScreen(Screen.HEALTH_CONSENT);
        assertTrue(window.text(".consent-fact").contains("匿名编号"), "says what is kept");
        assertTrue(allText().contains("保存多久：180天，到期自动删除；您也可以随时删除。"), "says for how long");
        robot.clickOn("#consent-keep");
        window.waitForScreen(Screen.HEALTH_IDENTIFY);
        assertEquals("请扫描您自己的通行码", window.text(".health-title"));
        window.scanWithScanner(pass);

        // then the guidance, with the cuff's pressure once it inflates
        window.waitForScreen(Screen.HEALTH_MEASURING);
        assertTrue(visible(".waiting-dots"), "waits with an animation before the cuff sends anything");
        ble(window, "2A36 00 96 00 FF 07 FF 07");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "150 mmHg".equals(window.text("#cuff-pressure")));
        assertFalse(visible(".waiting-dots"));

        // and when the reading arrives
        ble(window, READING_128_82);

        // then the result, large, in words and colour, with the trend on offer
        window.waitForScreen(Screen.HEALTH_RESULT);
        assertEquals("128/82", window.text("#reading-value"));
        assertEquals("脉搏 70 次/分", window.text("#reading-detail"));
        assertEquals("血压正常高值", window.text("#reading-category"));
        assertTrue(window.text("#reading-advice").startsWith("这次血压略高于理想水平"));
        assertEquals("单次测量结果不能作为诊断。如有疑问，请咨询医生。", window.text("#not-a-diagnosis"));
        assertTrue(styleClasses("#screen-health-result").contains("level-high-normal"));
        assertFalse(visible("#reading-flags"), "no flags on a clean reading");
        assertTrue(visible("#trend"));

        // and when they look at their trend
        robot.clickOn("#trend");

        // then both readings are on the chart, one line each for systolic and diastolic
        window.waitForScreen(Screen.HEALTH_TREND);
        List<List<Number>> lines = window.onFx(() -> {
            @SuppressWarnings("unchecked")
            LineChart<Number, Number> chart = (LineChart<Number, Number>) window.scene().lookup("#trend-chart");
            List<List<Number>> values = new ArrayList<>();
            for (XYChart.Series<Number, Number> series : chart.getData()) {
                values.add(series.getData().stream().map(XYChart.Data::getYValue).toList());
            }
            return values;
        });
        assertEquals(List.of(List.of(118.0, 128.0), List.of(76.0, 82.0)), lines);
        assertEquals("再测量几次后，这里会显示您的变化趋势。", window.text("#trend-words"), "two readings are no trend yet");
        assertTouchTargets();
    }

    @Test
    void a_crisis_reading_shows_seek_care_now_with_the_duty_phone_and_120_in_red() throws Exception {
        window = KioskOnScreen.open(dataDir, "health.duty-phone = 021-5888 1234");
        robot.clickOn("#health");
        window.waitForScreen(Screen.HEALTH_CONSENT);
        robot.clickOn("#consent-anonymous");
        window.waitForScreen(Screen.HEALTH_MEASURING);

        // when
        ble(window, READING_185_100);

        // then
        window.waitForScreen(Screen.HEALTH_CRISIS);
        assertEquals("请立即就医", window.text(".crisis-title"));
        assertEquals("185/100 mmHg（毫米汞柱）", window.text("#crisis-reading"));
        assertEquals("021-5888 1234", window.text("#duty-phone"));
        assertTrue(visible("#duty-phone"));
        assertEquals("120", window.text("#emergency-phone"));
        assertTouchTargets();

        // and in English, whose words are longer, everything still fits
        KioskAssembly.await(window.kiosk().tap(KioskFlow.LANGUAGE_PREFIX + "en"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Please seek care now".equals(window.text(".crisis-title")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTouchTargets();
    }

    @Test
    void without_a_duty_phone_the_crisis_screen_shows_120_alone() throws Exception {
        window = KioskOnScreen.open(dataDir);
        robot.clickOn("#health");
        window.waitForScreen(Screen.HEALTH_CONSENT);
        robot.clickOn("#consent-anonymous");
        window.waitForScreen(Screen.HEALTH_MEASURING);

        ble(window, READING_185_100);

        window.waitForScreen(Screen.HEALTH_CRISIS);
        assertFalse(visible("#duty-phone"));
        assertTrue(visible("#emergency-phone"));
    }

    @Test
    void a_reading_without_saving_offers_no_trend_and_a_flag_is_explained_with_measure_again() throws Exception {
        window = KioskOnScreen.open(dataDir);
        robot.clickOn("#health");
        window.waitForScreen(Screen.HEALTH_CONSENT);
        robot.clickOn("#consent-anonymous");
        window.waitForScreen(Screen.HEALTH_MEASURING);

        ble(window, READING_142_88_IRREGULAR);

        window.waitForScreen(Screen.HEALTH_RESULT);
        assertEquals("142/88", window.text("#reading-value"));
        assertEquals("单纯收缩期高血压范围", window.text("#reading-category"));
        assertTrue(styleClasses("#screen-health-result").contains("level-grade-1"), "coloured by its grade");
        assertFalse(visible("#trend"), "nothing kept, no trend");
        assertTrue(visible("#reading-flags"));
        String flags = allText();
        assertTrue(flags.contains("这次测量可能不太准确，请休息几分钟后再测一次："), flags);
        assertTrue(flags.contains("测到脉搏不规律。请休息后再测；如果经常出现，请告诉医生。"), flags);
        assertTrue(visible("#not-a-diagnosis"));
        assertTouchTargets();
    }

    @Test
    void the_most_a_result_can_have_to_say_leaves_every_button_on_the_screen() throws Exception {
        // given English, whose words are the longest, and a reading with three flags
        window = KioskOnScreen.open(dataDir);
        KioskAssembly.await(window.kiosk().tap(KioskFlow.LANGUAGE_PREFIX + "en"));
        robot.clickOn("#health");
        window.waitForScreen(Screen.HEALTH_CONSENT);
        robot.clickOn("#consent-keep");
        window.waitForScreen(Screen.HEALTH_IDENTIFY);
        window.scanWithScanner(window.pass(VisitorCategory.RESIDENT));
        window.waitForScreen(Screen.HEALTH_MEASURING);

        // when
        ble(window, "2A35 14 8E 00 58 00 6A 00 4C 00 07 00");

        // then the words give up some size, and scroll rather than push the buttons away
        window.waitForScreen(Screen.HEALTH_RESULT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> styleClasses("#screen-health-result").contains("dense"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, window.onFx(() -> window.scene().getRoot().lookupAll(".flag-line").size()));
        assertTrue(visible("#trend"));
        assertTouchTargets();
    }

    @Test
    void a_reading_the_cuff_got_wrong_is_refused_in_plain_words_with_measure_again() throws Exception {
        window = KioskOnScreen.open(dataDir);
        robot.clickOn("#health");
        window.waitForScreen(Screen.HEALTH_CONSENT);
        robot.clickOn("#consent-anonymous");
        window.waitForScreen(Screen.HEALTH_MEASURING);

        ble(window, READING_IMPLAUSIBLE);

        window.waitForScreen(Screen.HEALTH_RESULT);
        assertEquals("这次读数无法使用", window.text("#screen-health-result .health-title"));
        assertEquals("这次读数不可能正确，没有保存。请按图示准备好，再测一次。", window.text("#reading-refusal"));
        assertFalse(visible("#reading-assessed"));
        assertFalse(visible("#trend"));
        assertTrue(styleClasses("#screen-health-result").contains("level-refused"));
        robot.clickOn("#measure-again");
        window.waitForScreen(Screen.HEALTH_MEASURING);
    }

    @Test
    void no_reading_in_time_says_so_and_measure_again_returns_to_the_guidance() throws Exception {
        window = KioskOnScreen.open(dataDir);
        robot.clickOn("#health");
        window.waitForScreen(Screen.HEALTH_CONSENT);
        robot.clickOn("#consent-anonymous");
        window.waitForScreen(Screen.HEALTH_MEASURING);

        KioskAssembly.await(window.kiosk().advanceClock(Duration.ofMinutes(3)));

        window.waitForScreen(Screen.HEALTH_TIMEOUT);
        assertEquals("没有收到测量结果", window.text(".health-title"));
        assertTouchTargets();
        robot.clickOn("#measure-again");
        window.waitForScreen(Screen.HEALTH_MEASURING);
    }

    @Test
    void a_resident_deletes_their_readings_after_scanning_their_pass_and_confirming() throws Exception {
        // given two kept readings
        window = KioskOnScreen.open(dataDir);
        String pass = window.pass(VisitorCategory.RESIDENT);
        measureKeeping(window, robot, pass, READING_118_76);
        robot.clickOn("#measure-again");
        window.waitForScreen(Screen.HEALTH_MEASURING);
        ble(window, READING_128_82);
        window.waitForScreen(Screen.HEALTH_RESULT);
        robot.clickOn("#home");
        window.waitForScreen(Screen.HOME);
        KioskAssembly.await(window.kiosk().advanceClock(Duration.ofSeconds(3)));

        // when a pass that cannot be used is scanned first, then theirs
        robot.clickOn("#health");
        window.waitForScreen(Screen.HEALTH_CONSENT);
        robot.clickOn("#delete-my-data");
        window.waitForScreen(Screen.HEALTH_DELETE);
        assertFalse(visible("#health-delete-refused"));
        window.scanWithScanner(window.expiredPass(VisitorCategory.RESIDENT));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visible("#health-delete-refused"));
        window.scanWithScanner(pass);
        window.waitForScreen(Screen.HEALTH_DELETE_CONFIRM);
        assertEquals("删除您的全部测量记录？", window.text(".health-title"));
        assertEquals("不删除", window.text("#home"));
        assertTouchTargets();
        robot.clickOn("#confirm-delete");

        // then
        window.waitForScreen(Screen.HEALTH_DELETED);
        assertEquals("已删除您的2条测量记录。", window.text("#screen-health-deleted .health-message"));
    }

    @Test
    void every_health_screen_is_in_large_type_even_without_the_large_text_theme() throws Exception {
        window = KioskOnScreen.open(dataDir);
        assertEquals(30.0, fontSize("#walk-in"), "home keeps the normal theme");

        robot.clickOn("#health");
        window.waitForScreen(Screen.HEALTH_CONSENT);

        assertEquals(36.0, fontSize("#consent-keep"));
        assertTrue(fontSize(".health-title") >= 52, "title");
        assertTrue(fontSize(".consent-fact") >= 30, "what is kept, for how long");
        assertTouchTargets();
    }

    /** From home: health, keep my history, the pass, a reading; waits for the result. */
    static void measureKeeping(KioskOnScreen window, FxRobot robot, String pass, String reading) throws Exception {
        robot.clickOn("#health");
        window.waitForScreen(Screen.HEALTH_CONSENT);
        robot.clickOn("#consent-keep");
        window.waitForScreen(Screen.HEALTH_IDENTIFY);
        window.scanWithScanner(pass);
        window.waitForScreen(Screen.HEALTH_MEASURING);
        ble(window, reading);
        window.waitForScreen(Screen.HEALTH_RESULT);
    }

    /** The simulated cuff sends {@code notification}, as {@code ble} does in headless mode. */
    static void ble(KioskOnScreen window, String notification) {
        BleNotification frame = BleNotification.parse(notification);
        KioskAssembly.await(window.kiosk().simulate(devices -> devices.ble(frame)));
    }

    private boolean visible(String selector) throws Exception {
        return window.onFx(() -> {
            Node node = window.scene().lookup(selector);
            while (node != null) {
                if (!node.isVisible()) {
                    return false;
                }
                node = node.getParent();
            }
            return window.scene().lookup(selector) != null;
        });
    }

    private List<String> styleClasses(String selector) throws Exception {
        return window.onFx(() -> List.copyOf(window.scene().lookup(selector).getStyleClass()));
    }

    private double fontSize(String selector) throws Exception {
        return window.onFx(() -> ((Labeled) window.scene().lookup(selector)).getFont().getSize());
    }

    /** Every text on the current screen, one a line. */
    private String allText() throws Exception {
        return window.onFx(() -> {
            StringBuilder text = new StringBuilder();
            for (Node node : window.scene().getRoot().lookupAll(".label")) {
                if (node instanceof Labeled labeled && node.isVisible()) {
                    text.append(labeled.getText()).append('\n');
                }
            }
            return text.toString();
        });
    }

    /** Every button shown is a kiosk button (its id is its tap id), at least 15 mm each way, and on the screen. */
    private void assertTouchTargets() throws Exception {
        List<String> problems = window.onFx(() -> {
            List<String> found = new ArrayList<>();
            for (Node node : window.scene().getRoot().lookupAll(".touch-button")) {
                if (!node.isVisible() || !node.isManaged()) {
                    continue;
                }
                if (!TAP_IDS.contains(node.getId())) {
                    found.add("unknown button id " + node.getId());
                }
                double width = node.getBoundsInLocal().getWidth();
                double height = node.getBoundsInLocal().getHeight();
                if (width < TOUCH_TARGET || height < TOUCH_TARGET) {
                    found.add(node.getId() + " is " + width + "×" + height);
                }
                Bounds inWindow = node.localToScene(node.getBoundsInLocal());
                if (inWindow.getMinX() < 0 || inWindow.getMinY() < 0 || inWindow.getMaxX() > KioskWindow.WIDTH
                        || inWindow.getMaxY() > KioskWindow.HEIGHT) {
                    found.add(node.getId() + " is not wholly on the screen: " + inWindow);
                }
            }
            return found;
        });
        assertEquals(List.of(), problems);
    }
}
