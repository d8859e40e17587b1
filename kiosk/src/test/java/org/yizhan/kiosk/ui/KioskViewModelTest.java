package org.yizhan.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.config.KioskConfigFile;
import org.yizhan.kiosk.devices.DeviceMode;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.flow.Language;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.flow.ScreenState;
import org.yizhan.kiosk.ui.scan.KeyboardWedge;

/** The view model without a screen: events are applied on the calling thread through a direct executor. */
class KioskViewModelTest {

    private static final Executor DIRECT = Runnable::run;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-03T13:07:09Z"), ZoneId.of("Asia/Shanghai"));

    private final RecordingInput kiosk = new RecordingInput();
    private final KioskViewModel model =
            new KioskViewModel("测试驿站", Language.ZH, kiosk, CLOCK, DIRECT, new KeyboardWedge());

    @Test
    void shows_home_in_the_configured_language_before_the_kiosk_speaks() {
        assertEquals(ScreenState.of(Screen.HOME, Language.ZH), model.screenProperty().get());
        assertEquals("请扫描您的通行码", model.text("home.prompt").get());
        assertFalse(model.readyProperty().get());
    }

    @Test
    void a_screen_shown_event_updates_the_current_screen() {
        // given
        ScreenState welcome = new ScreenState(Screen.WELCOME, Language.ZH, "rider", null, Purpose.REST);

        // when
        model.onEvent(new KioskEvent.ScreenShown(welcome));

        // then
        assertEquals(welcome, model.screenProperty().get());
        assertEquals("欢迎您，骑手", model.welcomeTitle().get());
        assertEquals(Purpose.REST, model.recordedPurpose().get());
    }

    @Test
    void events_reach_the_properties_only_through_the_ui_executor() {
        // given a UI thread that has not run yet
        List<Runnable> queued = new ArrayList<>();
        KioskViewModel queuedModel = new KioskViewModel("s", Language.ZH, kiosk, CLOCK, queued::add, new KeyboardWedge());

        // when
        queuedModel.onEvent(new KioskEvent.ScreenShown(ScreenState.of(Screen.WALK_IN, Language.ZH)));

        // then nothing changed until the UI thread runs the update
        assertEquals(Screen.HOME, queuedModel.screenProperty().get().screen());
        queued.forEach(Runnable::run);
        assertEquals(Screen.WALK_IN, queuedModel.screenProperty().get().screen());
    }

    @Test
    void a_language_change_in_the_screen_state_changes_every_text_live() {
        // given texts bound while the screen is Chinese
        var prompt = model.text("home.prompt");
        var other = model.textInOtherLanguage("home.prompt");
        assertEquals("Please scan your pass", other.get());

        // when the flow switches to English
        model.onEvent(new KioskEvent.ScreenShown(ScreenState.of(Screen.HOME, Language.EN)));

        // then
        assertEquals("Please scan your pass", prompt.get());
        assertEquals("请扫描您的通行码", other.get());
    }

    @Test
    void the_rejected_screen_explains_the_reason_in_plain_words() {
        model.onEvent(new KioskEvent.ScreenShown(new ScreenState(Screen.REJECTED, Language.ZH, null, "expired", null)));
        assertEquals("此通行码已过期，请到服务台更新", model.rejection().get());

        model.onEvent(new KioskEvent.ScreenShown(new ScreenState(Screen.REJECTED, Language.EN, null, "expired", null)));
        assertEquals("This pass has expired. Please renew it at the service desk.", model.rejection().get());
    }

    @Test
    void a_rejection_code_the_window_does_not_know_still_gets_words() {
        model.onEvent(new KioskEvent.ScreenShown(
                new ScreenState(Screen.REJECTED, Language.ZH, null, "some-new-code", null)));

        assertEquals("无法使用此通行码，请到服务台咨询", model.rejection().get());
    }

    @Test
    void thanks_names_the_recorded_purpose() {
        model.onEvent(new KioskEvent.ScreenShown(
                new ScreenState(Screen.THANKS, Language.ZH, "walk-in", null, Purpose.CHARGE)));

        assertEquals("已登记：充电", model.thanks().get());
        assertEquals("无码访客", model.categoryName().get());
    }

    @Test
    void ready_follows_the_kiosk() {
        model.onEvent(new KioskEvent.Ready());

        assertTrue(model.readyProperty().get());
    }

    @Test
    void taps_are_forwarded_to_the_kiosk_with_the_flow_s_button_ids() {
        // when
        model.checkInWithoutPass();
        model.choosePurpose(Purpose.HEALTH);
        model.chooseLanguage(Language.EN);
        model.goHome();

        // then
        assertEquals(List.of("tap walk-in", "tap purpose-health", "tap lang-en", "tap home"), kiosk.inputs());
    }

    @Test
    void a_fast_burst_of_keystrokes_is_forwarded_as_one_scan() {
        // given a scanner typing 2 ms a character
        long t = 0;
        for (char c : "QR-TOKEN-42".toCharArray()) {
            model.keyTyped(String.valueOf(c), t += 2_000_000);
        }

        // when
        model.keyTyped("\r", t + 2_000_000);

        // then
        assertEquals(List.of("scan QR-TOKEN-42"), kiosk.inputs());
    }

    @Test
    void slow_typing_is_not_forwarded() {
        long t = 0;
        for (char c : "1234\r".toCharArray()) {
            model.keyTyped(String.valueOf(c), t += 300_000_000);
        }

        assertEquals(List.of(), kiosk.inputs());
    }

    @Test
    void the_clock_shows_kiosk_local_date_and_time_in_the_screen_language() {
        model.tick();
        assertEquals("2025年6月3日 星期二", model.date().get());
        assertEquals("21:07:09", model.time().get());

        model.onEvent(new KioskEvent.ScreenShown(ScreenState.of(Screen.HOME, Language.EN)));
        assertEquals("Tuesday 3 June 2025", model.date().get());
    }

    @Test
    void the_model_mirrors_a_real_kiosk_from_its_events(@TempDir Path dataDir) {
        // given a real kiosk on the demo site
        try (KioskAssembly real = KioskAssembly.create(KioskConfigFile.load(null, dataDir), DeviceMode.SIMULATED,
                Clock.systemUTC())) {
            KioskViewModel mirror = KioskViewModel.attach(real, DIRECT);

            // when it starts and a visitor taps "without a pass"
            KioskAssembly.await(real.start());
            assertTrue(mirror.readyProperty().get());
            mirror.checkInWithoutPass();
            mirror.choosePurpose(Purpose.OTHER);
            // inputs run in order on the kiosk thread: once this no-op is done, both taps are
            KioskAssembly.await(real.advanceClock(Duration.ZERO));

            // then the model followed the flow to thanks
            assertEquals(Screen.THANKS, mirror.screenProperty().get().screen());
            assertEquals(Purpose.OTHER, mirror.recordedPurpose().get());
            assertNull(mirror.screenProperty().get().reason());
        }
    }

    /** The kiosk's inputs, as "scan …" and "tap …" lines in order. */
    private static final class RecordingInput implements KioskInput {

        private final ConcurrentLinkedQueue<String> inputs = new ConcurrentLinkedQueue<>();

        @Override
        public CompletableFuture<Void> scan(String text) {
            inputs.add("scan " + text);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> tap(String button) {
            inputs.add("tap " + button);
            return CompletableFuture.completedFuture(null);
        }

        List<String> inputs() {
            return List.copyOf(inputs);
        }
    }
}
