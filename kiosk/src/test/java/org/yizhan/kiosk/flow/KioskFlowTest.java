package org.yizhan.kiosk.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.devices.buzzer.BeepPattern;
import org.yizhan.devices.buzzer.SimulatedBuzzer;
import org.yizhan.devices.door.SimulatedDoorRelay;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.light.LightPattern;
import org.yizhan.devices.light.SimulatedStatusLight;
import org.yizhan.devices.status.DeviceStatusBoard;
import org.yizhan.kiosk.checkin.CheckInPolicy;
import org.yizhan.kiosk.checkin.CheckInService;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.time.KioskClock;
import org.yizhan.kiosk.visitlog.SqliteVisitLog;
import org.yizhan.provisioning.pass.PassIssuer;
import org.yizhan.provisioning.pass.PassSigningKey;
import org.yizhan.provisioning.pass.PassVerifier;
import org.yizhan.provisioning.pass.RevocationList;
import org.yizhan.provisioning.pass.VisitorCategory;

/** The flow's promises to the physical kiosk: light and buzzer follow results, failures never look green. */
class KioskFlowTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ScheduledExecutorService kioskThread = Executors.newSingleThreadScheduledExecutor();
    private final SimulatedStatusLight light = new SimulatedStatusLight();
    private final SimulatedBuzzer buzzer = new SimulatedBuzzer();
    private final SimulatedDoorRelay door = new SimulatedDoorRelay(Duration.ofSeconds(5), GpioTime.shared(),
            new DeviceStatusBoard(Clock.systemUTC()));
    private final List<KioskEvent> events = new CopyOnWriteArrayList<>();
    private final PassSigningKey key = PassSigningKey.generate();
    private SqliteVisitLog visitLog;
    private KioskFlow flow;

    @BeforeEach
    void kiosk() throws Exception {
        visitLog = SqliteVisitLog.open(dir.resolve("kiosk.db"));
        KioskClock clock = new KioskClock(NOW, kioskThread);
        PassVerifier verifier = new PassVerifier(key.trustedKeys(), RevocationList.empty(), NOW, Duration.ofMinutes(2));
        CheckInService checkIn = new CheckInService(verifier, visitLog, clock::now,
                new CheckInPolicy(Duration.ofMinutes(10), Purpose.REST));
        KioskEvents bus = new KioskEvents();
        bus.subscribe(events::add);
        flow = new KioskFlow(checkIn, clock, KioskSignals.of(Optional.of(light), Optional.of(buzzer), Optional.of(door)),
                new FlowTimings(Duration.ofSeconds(8), Duration.ofSeconds(30), Duration.ofSeconds(3),
                        Duration.ofSeconds(60)), Language.ZH, bus);
        onKioskThread(flow::start);
    }

    @AfterEach
    void stop() {
        door.close();
        kioskThread.shutdownNow();
        visitLog.close();
    }

    private void onKioskThread(Runnable work) throws Exception {
        kioskThread.submit(work).get(10, TimeUnit.SECONDS);
    }

    private String pass() {
        return new PassIssuer(key, NOW).issue("v-1", VisitorCategory.RESIDENT, "demo", Duration.ofDays(1));
    }

    @Test
    void an_accepted_pass_turns_the_light_green_with_one_beep_and_opens_the_door() throws Exception {
        onKioskThread(() -> flow.scan(pass()));

        assertEquals(Screen.WELCOME, flow.screen().screen());
        assertEquals(LightPattern.OK, light.current());
        assertEquals(List.of(BeepPattern.SHORT), buzzer.played());
        assertTrue(door.isOpen(), "door released");
    }

    @Test
    void a_rejected_pass_turns_the_light_red_with_two_beeps() throws Exception {
        onKioskThread(() -> flow.scan("not a pass"));

        assertEquals(Screen.REJECTED, flow.screen().screen());
        assertEquals(LightPattern.ERROR, light.current());
        assertEquals(List.of(BeepPattern.DOUBLE), buzzer.played());
        assertFalse(door.isOpen(), "door stays locked");
    }

    @Test
    void a_visit_that_cannot_be_recorded_is_never_shown_as_accepted() throws Exception {
        visitLog.close();

        onKioskThread(() -> flow.scan(pass()));

        assertEquals(Screen.OUT_OF_ORDER, flow.screen().screen());
        assertEquals(LightPattern.ERROR, light.current());
        assertTrue(events.stream().noneMatch(e -> e instanceof KioskEvent.CheckedIn), events.toString());
        assertTrue(events.stream().anyMatch(e -> e instanceof KioskEvent.Failure f
                && f.message().startsWith("check-in could not be recorded")), events.toString());
    }

    @Test
    void the_light_goes_back_to_idle_with_the_home_screen() throws Exception {
        onKioskThread(() -> flow.scan(pass()));
        onKioskThread(() -> flow.tap(KioskFlow.HOME));

        assertEquals(Screen.HOME, flow.screen().screen());
        assertEquals(LightPattern.IDLE, light.current());
    }
}
