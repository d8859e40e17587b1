package org.yizhan.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.config.KioskConfigFile;
import org.yizhan.kiosk.devices.DeviceMode;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Language;
import org.yizhan.kiosk.flow.Screen;
import org.yizhan.kiosk.flow.ScreenState;
import org.yizhan.kiosk.ui.maintenance.DeviceRow;
import org.yizhan.kiosk.ui.maintenance.MaintenanceViewModel;
import org.yizhan.kiosk.ui.scan.KeyboardWedge;

/** The view model without a screen: events are applied on the calling thread through a direct executor. */
class KioskViewModelTest {

    private static final Executor DIRECT = Runnable::run;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-03T13:07:09Z"), ZoneId.of("Asia/Shanghai"));
    private static final KioskIdentity IDENTITY = new KioskIdentity("pujin", "测试驿站", "window-2", "1.4.0");

    private final RecordingInput kiosk = new RecordingInput();
    private final KioskViewModel model =
            new KioskViewModel(IDENTITY, Language.ZH, kiosk, CLOCK, DIRECT, new KeyboardWedge());

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
        KioskViewModel queuedModel = new KioskViewModel(IDENTITY, Language.ZH, kiosk, CLOCK, queued::add,
                new KeyboardWedge());

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
            assertEquals(11, mirror.maintenance().devices().size(), "every device, from the kiosk's events");
        }
    }

    @Test
    void a_model_attached_to_a_running_kiosk_knows_its_devices_from_the_snapshot(@TempDir Path dataDir) {
        // given a kiosk already running, whose devices' first events went out before the model was there
        try (KioskAssembly real = KioskAssembly.create(KioskConfigFile.load(null, dataDir), DeviceMode.SIMULATED,
                Clock.systemUTC())) {
            KioskAssembly.await(real.start());
            KioskAssembly.await(real.simulate(devices -> devices.unplug("door")));

            // when
            KioskViewModel late = KioskViewModel.attach(real, DIRECT);

            // then
            MaintenanceViewModel maintenance = late.maintenance();
            assertEquals(11, maintenance.devices().size());
            assertEquals("door", maintenance.devices().get(0).device());
            assertEquals(DeviceState.ABSENT, maintenance.devices().get(0).state().get());
            assertEquals(1, maintenance.needingAttentionProperty().get());
        }
    }

    @Test
    void device_events_list_each_device_once_and_change_its_row_in_place() {
        // given
        model.onEvent(changed("light", DeviceState.CONNECTED, null, "2025-06-03T12:00:00Z"));
        model.onEvent(changed("scanner", DeviceState.CONNECTED, null, "2025-06-03T12:00:01Z"));
        DeviceRow scanner = rows().get(1);

        // when
        model.onEvent(changed("scanner", DeviceState.DEGRADED, "garbage on the line", "2025-06-03T12:30:00Z"));

        // then
        assertEquals(2, rows().size());
        assertSame(scanner, rows().get(0), "the same row, now first: it needs attention");
        assertEquals("异常", scanner.stateWord().get());
        assertEquals("最近错误：garbage on the line", scanner.lastError().get());
        assertEquals(1, model.maintenance().needingAttentionProperty().get());
        assertEquals("1 台设备需要处理", model.maintenance().summary().get());
    }

    @Test
    void devices_needing_attention_come_first_and_go_back_to_their_place_when_connected_again() {
        // given four devices in the order they reported
        for (String device : List.of("light", "buzzer", "door", "scanner")) {
            model.onEvent(changed(device, DeviceState.CONNECTED, null, "2025-06-03T12:00:00Z"));
        }

        // when the scanner and then the buzzer fail
        model.onEvent(changed("scanner", DeviceState.ABSENT, "unplugged", "2025-06-03T12:10:00Z"));
        model.onEvent(changed("buzzer", DeviceState.DEGRADED, "no answer", "2025-06-03T12:20:00Z"));

        // then the failing ones lead, each group in reporting order
        assertEquals(List.of("buzzer", "scanner", "light", "door"), deviceNames());

        // and when the scanner is plugged back, it returns to its place
        model.onEvent(changed("scanner", DeviceState.CONNECTED, "unplugged", "2025-06-03T12:40:00Z"));
        assertEquals(List.of("buzzer", "light", "door", "scanner"), deviceNames());
        assertEquals("最近错误：unplugged", rows().get(3).lastError().get(), "the last error stays for the maintainer");
    }

    @Test
    void a_snapshot_fills_in_only_the_devices_no_event_has_told_about() {
        // given an event newer than the snapshot that is still on its way
        model.onEvent(changed("scanner", DeviceState.ABSENT, "unplugged", "2025-06-03T12:10:00Z"));

        // when
        model.devicesKnown(List.of(status("light", DeviceState.CONNECTED, null, "2025-06-03T12:00:00Z"),
                status("scanner", DeviceState.CONNECTED, null, "2025-06-03T12:00:00Z")));

        // then
        assertEquals(List.of("scanner", "light"), deviceNames());
        assertEquals(DeviceState.ABSENT, rows().get(0).state().get());
    }

    @Test
    void device_statuses_reach_the_rows_only_through_the_ui_executor() {
        // given a UI thread that has not run yet
        List<Runnable> queued = new ArrayList<>();
        KioskViewModel queuedModel = new KioskViewModel(IDENTITY, Language.ZH, kiosk, CLOCK, queued::add,
                new KeyboardWedge());

        // when
        queuedModel.devicesKnown(List.of(status("light", DeviceState.CONNECTED, null, "2025-06-03T12:00:00Z")));
        queuedModel.onEvent(changed("scanner", DeviceState.ABSENT, "unplugged", "2025-06-03T12:10:00Z"));

        // then
        assertEquals(0, queuedModel.maintenance().devices().size());
        queued.forEach(Runnable::run);
        assertEquals(2, queuedModel.maintenance().devices().size());
    }

    @Test
    void a_device_s_state_is_told_in_words_with_since_when_and_for_how_long_in_the_screen_language() {
        // given kiosk time 21:07:09 in Shanghai, and a cuff degraded since 17:55 local time
        model.tick();
        model.onEvent(changed("bp-monitor", DeviceState.DEGRADED, "malformed 2A35 frame", "2025-06-03T09:55:00Z"));
        DeviceRow cuff = rows().get(0);

        // then
        assertEquals("血压计", cuff.name().get());
        assertEquals("bp-monitor", cuff.configuredName().get());
        assertEquals("异常", cuff.stateWord().get());
        assertEquals("自 17:55 起，已持续3小时12分钟", cuff.since().get());
        assertEquals("最近错误：malformed 2A35 frame", cuff.lastError().get());

        // when the window switches to English
        model.onEvent(new KioskEvent.ScreenShown(ScreenState.of(Screen.HOME, Language.EN)));

        // then
        assertEquals("Blood pressure monitor", cuff.name().get());
        assertEquals("Degraded", cuff.stateWord().get());
        assertEquals("since 17:55, for 3 h 12 min", cuff.since().get());
        assertEquals("Last error: malformed 2A35 frame", cuff.lastError().get());
    }

    @Test
    void how_long_a_state_has_lasted_reads_in_minutes_hours_or_days() {
        // given kiosk time 2025-06-03 21:07:09 in Shanghai
        model.tick();

        // when
        model.onEvent(changed("light", DeviceState.CONNECTED, null, "2025-06-03T13:07:00Z"));
        model.onEvent(changed("door", DeviceState.CONNECTED, null, "2025-06-03T12:50:00Z"));
        model.onEvent(changed("entry", DeviceState.CONNECTED, null, "2025-06-01T10:00:00Z"));
        model.onEvent(changed("help", DeviceState.CONNECTED, null, "2024-12-31T04:00:00Z"));
        // a state the window's once-a-second clock has not caught up with yet
        model.onEvent(changed("buzzer", DeviceState.CONNECTED, null, "2025-06-03T13:07:10Z"));

        // then
        assertEquals(List.of("自 21:07 起，已持续不到1分钟", "自 20:50 起，已持续17分钟", "自 6月1日 18:00 起，已持续2天3小时",
                "自 2024年12月31日 12:00 起，已持续154天9小时", "自 21:07 起，已持续不到1分钟"),
                rows().stream().map(row -> row.since().get()).toList());
    }

    @Test
    void a_device_the_window_has_no_words_for_is_shown_by_its_configured_name() {
        model.onEvent(changed("cuff-2", DeviceState.CONNECTED, null, "2025-06-03T12:00:00Z"));

        assertEquals("cuff-2", rows().get(0).name().get());
        assertEquals("", rows().get(0).configuredName().get(), "not the same name twice");
        assertEquals("", rows().get(0).lastError().get());
    }

    @Test
    void the_maintenance_screen_tells_which_kiosk_this_is_and_reads_today_s_visits_when_shown() {
        // given
        MaintenanceViewModel maintenance = model.maintenance();
        assertEquals("终端 window-2 · 站点 pujin", maintenance.kiosk().get());
        assertEquals("版本 1.4.0", maintenance.version().get());
        assertEquals("今日来访 —", maintenance.visitsTodayText().get());
        assertEquals("全部设备工作正常", maintenance.summary().get());

        // when
        model.onEvent(new KioskEvent.ScreenShown(ScreenState.of(Screen.MAINTENANCE, Language.ZH)));
        kiosk.visitReads.get(0).complete(37L);

        // then
        assertEquals("今日来访 37 人次", maintenance.visitsTodayText().get());
    }

    @Test
    void of_two_reads_of_today_s_visits_in_flight_only_the_later_is_shown() {
        // given the maintenance screen shown, then shown again in English before the first read answered
        model.onEvent(new KioskEvent.ScreenShown(ScreenState.of(Screen.MAINTENANCE, Language.ZH)));
        model.onEvent(new KioskEvent.ScreenShown(ScreenState.of(Screen.MAINTENANCE, Language.EN)));

        // when the reads answer in the wrong order
        kiosk.visitReads.get(1).complete(12L);
        kiosk.visitReads.get(0).complete(11L);

        // then
        assertEquals("Visits today: 12", model.maintenance().visitsTodayText().get());
    }

    @Test
    void a_failed_read_of_today_s_visits_shows_the_count_as_unknown() {
        // given an earlier count
        model.onEvent(new KioskEvent.ScreenShown(ScreenState.of(Screen.MAINTENANCE, Language.ZH)));
        kiosk.visitReads.get(0).complete(5L);

        // when
        model.onEvent(new KioskEvent.ScreenShown(ScreenState.of(Screen.MAINTENANCE, Language.ZH)));
        kiosk.visitReads.get(1).completeExceptionally(new IllegalStateException("stats: the visit log is closed"));

        // then
        assertEquals("今日来访 —", model.maintenance().visitsTodayText().get());
    }

    @Test
    void a_development_build_says_so_instead_of_a_version() {
        KioskViewModel development = new KioskViewModel(new KioskIdentity("demo", "驿站", "kiosk-1", null),
                Language.EN, kiosk, CLOCK, DIRECT, new KeyboardWedge());

        assertEquals("Development build", development.maintenance().version().get());
    }

    @Test
    void the_maintainer_s_gesture_opens_the_maintenance_screen_only_from_home() {
        // when held on home
        model.openMaintenance();

        // and held again on the welcome screen, in the middle of a visit
        model.onEvent(new KioskEvent.ScreenShown(new ScreenState(Screen.WELCOME, Language.ZH, "rider", null,
                Purpose.REST)));
        model.openMaintenance();

        // then only the first reached the kiosk
        assertEquals(List.of("tap " + KioskFlow.MAINTENANCE), kiosk.inputs());
    }

    private List<DeviceRow> rows() {
        return model.maintenance().devices();
    }

    private List<String> deviceNames() {
        return rows().stream().map(DeviceRow::device).toList();
    }

    private static KioskEvent.DeviceChanged changed(String device, DeviceState state, String error, String since) {
        return new KioskEvent.DeviceChanged(status(device, state, error, since));
    }

    private static DeviceStatus status(String device, DeviceState state, String error, String since) {
        return new DeviceStatus(device, state, error, Instant.parse(since));
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

        /** Every read of today's visits asked for, in order; the test completes them. */
        final List<CompletableFuture<Long>> visitReads = new ArrayList<>();

        @Override
        public CompletableFuture<Long> visitsToday() {
            CompletableFuture<Long> read = new CompletableFuture<>();
            visitReads.add(read);
            return read;
        }

        List<String> inputs() {
            return List.copyOf(inputs);
        }
    }
}
