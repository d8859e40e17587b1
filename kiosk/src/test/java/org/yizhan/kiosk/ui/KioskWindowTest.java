package org.yizhan.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.control.Labeled;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Font;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Notice;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.visitlog.VisitStats;
import org.yizhan.provisioning.pass.VisitorCategory;

/** The real window on a real kiosk, clicked and scanned through TestFX on headless Monocle. */
class KioskWindowTest {

    private final FxRobot robot = new FxRobot();

    @TempDir
    Path dataDir;

    private KioskOnScreen window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        window = KioskOnScreen.open(dataDir);
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void a_pass_scanned_with_the_scanner_shows_the_welcome_screen_with_the_visitor_s_category() throws Exception {
        // given
        String pass = window.pass(VisitorCategory.RIDER);

        // when
        window.scanWithScanner(pass);

        // then
        window.waitForScreen(Screen.WELCOME);
        assertEquals("欢迎您，骑手", window.text("#screen-welcome .result-title"));
        assertTrue(window.onFx(() -> window.scene().lookup("#purpose-rest").getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("selected"))), "the default purpose is marked as chosen");
        assertEquals(1, visits().total());
    }

    @Test
    void checking_in_without_a_pass_and_choosing_a_purpose_shows_thanks() throws Exception {
        // when
        robot.clickOn("#walk-in");
        window.waitForScreen(Screen.WALK_IN);
        robot.clickOn("#purpose-charge");

        // then
        window.waitForScreen(Screen.THANKS);
        assertEquals("已登记：充电", window.text("#screen-thanks .result-message"));
        assertEquals(Map.of("charge", 1L), visits().byPurpose());
    }

    @Test
    void a_tampered_pass_shows_the_rejected_screen_in_plain_words() throws Exception {
        // given a pass with one character of its signature changed
        String pass = window.pass(VisitorCategory.RESIDENT);
        int middleOfSignature = pass.lastIndexOf('.') + (pass.length() - pass.lastIndexOf('.')) / 2;
        char original = pass.charAt(middleOfSignature);
        String tampered = pass.substring(0, middleOfSignature) + (original == 'A' ? 'B' : 'A')
                + pass.substring(middleOfSignature + 1);

        // when
        window.scanWithScanner(tampered);

        // then
        window.waitForScreen(Screen.REJECTED);
        assertEquals("此通行码无效，请到服务台重新办理", window.text("#screen-rejected .result-message"));
        assertEquals(0, visits().total());
    }

    @Test
    void a_notice_from_the_maintainers_shows_on_the_home_screen_until_its_time() throws Exception {
        // given
        Instant until = window.kiosk().time().instant().plus(Duration.ofHours(1));

        // when
        KioskAssembly.await(window.kiosk().showNotice(new Notice("今晚卫生间维修", "Toilets closed tonight", until)));

        // then
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.onFx(
                () -> window.scene().lookup("#home-notice").isVisible()));
        assertEquals("今晚卫生间维修\nToilets closed tonight", window.text("#home-notice"));

        // and when its time is up
        KioskAssembly.await(window.kiosk().advanceClock(Duration.ofMinutes(61)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.onFx(
                () -> !window.scene().lookup("#home-notice").isVisible()));
    }

    @Test
    void the_back_button_returns_home_at_once() throws Exception {
        // given
        window.scanWithScanner("https://example.com/not-a-pass");
        window.waitForScreen(Screen.REJECTED);
        assertEquals("这不是驿站通行码，请出示驿站通行码", window.text("#screen-rejected .result-message"));

        // when
        robot.clickOn("#home");

        // then
        window.waitForScreen(Screen.HOME);
    }

    @Test
    void the_language_button_switches_the_words_live() throws Exception {
        // when
        robot.clickOn("#lang-en");

        // then
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Please scan your pass".equals(window.text(".home-prompt")));
        assertEquals("Check in without a pass", window.text("#walk-in"));
        assertEquals("请扫描您的通行码", window.text(".home-prompt-other"));
    }

    @Test
    void a_scan_is_taken_on_a_screen_with_buttons_and_the_scanner_s_enter_presses_none() throws Exception {
        // given the walk-in screen, reached by touch, with a purpose button holding the focus somehow
        robot.clickOn("#walk-in");
        window.waitForScreen(Screen.WALK_IN);
        window.onFx(() -> {
            window.scene().lookup("#purpose-rest").requestFocus();
            return null;
        });

        // when a courier scans meanwhile
        window.scanWithScanner(window.pass(VisitorCategory.COURIER));

        // then the scan counts, and the scanner's Enter did not press the button (that would be a walk-in)
        window.waitForScreen(Screen.WELCOME);
        assertEquals("欢迎您，快递员", window.text("#screen-welcome .result-title"));
        assertEquals(Map.of("courier", 1L), visits().byCategory());
    }

    @Test
    void the_window_draws_with_the_first_installed_chinese_face() throws Exception {
        String expected = KioskWindow.fontFamily(window.onFx(Font::getFamilies));

        assertEquals(expected, window.onFx(() -> ((Labeled) window.scene().lookup(".home-prompt")).getFont().getFamily()));
    }

    @Test
    void holding_the_header_for_three_seconds_opens_the_maintenance_screen_and_a_short_tap_does_not()
            throws Exception {
        // given a short tap on the header, and then the time of a long press gone by
        robot.clickOn("#header");
        WaitForAsyncUtils.sleep(3500, TimeUnit.MILLISECONDS);
        assertTrue(window.onFx(() -> window.scene().getRoot().getStyleClass().contains("on-home")),
                "a short tap leaves the home screen");

        // when a maintainer holds the header
        robot.moveTo("#header").press(MouseButton.PRIMARY);
        try {
            WaitForAsyncUtils.sleep(3300, TimeUnit.MILLISECONDS);
        } finally {
            robot.release(MouseButton.PRIMARY);
        }

        // then
        window.waitForScreen(Screen.MAINTENANCE);
        assertEquals("设备状态", window.text(".maintenance-title"));
    }

    @Test
    void the_maintenance_screen_lists_every_device_and_shows_a_scanner_unplugged_meanwhile_as_absent()
            throws Exception {
        // given the maintenance screen
        KioskAssembly.await(window.kiosk().tap(KioskFlow.MAINTENANCE));
        window.waitForScreen(Screen.MAINTENANCE);
        List<String> devices = List.of("light", "buzzer", "door", "entry", "help", "scanner", "bp-monitor", "scale",
                "thermometer", "system", "voice");
        assertEquals(devices.size(), window.onFx(() -> window.scene().getRoot().lookupAll(".device-card").size()));
        for (String device : devices) {
            assertEquals("已连接", window.text("#device-" + device + " .device-state"), device);
        }
        assertEquals("全部设备工作正常", window.text(".maintenance-summary"));

        // when the scanner is unplugged while the screen is shown
        KioskAssembly.await(window.kiosk().simulate(simulation -> simulation.unplug("scanner")));

        // then its card says so, in a word and a badge as well as a colour
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "未连接".equals(window.text("#device-scanner .device-state")));
        assertEquals("最近错误：unplugged (simulated)", window.text("#device-scanner .device-error"));
        assertTrue(window.onFx(() -> window.scene().lookup("#device-scanner").getPseudoClassStates()
                .contains(PseudoClass.getPseudoClass("absent"))));
        assertEquals("1 台设备需要处理", window.text(".maintenance-summary"));
        assertEquals("已连接", window.text("#device-light .device-state"));
    }

    @Test
    void the_maintenance_screen_counts_today_s_visits() throws Exception {
        // given a walk-in
        robot.clickOn("#walk-in");
        window.waitForScreen(Screen.WALK_IN);
        robot.clickOn("#purpose-rest");
        window.waitForScreen(Screen.THANKS);
        robot.clickOn("#home");
        window.waitForScreen(Screen.HOME);

        // when
        KioskAssembly.await(window.kiosk().tap(KioskFlow.MAINTENANCE));

        // then
        window.waitForScreen(Screen.MAINTENANCE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "今日来访 1 人次".equals(window.text(".maintenance-visits")));
        assertEquals("终端 kiosk-1 · 站点 demo", window.text(".maintenance-fact"));
    }

    private VisitStats visits() {
        return window.kiosk().visitLog().stats(Instant.now(), ZoneId.systemDefault());
    }
}
