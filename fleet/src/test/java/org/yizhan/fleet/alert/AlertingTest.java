package org.yizhan.fleet.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.fleet.KioskMessages.birth;
import static org.yizhan.fleet.KioskMessages.device;
import static org.yizhan.fleet.KioskMessages.event;
import static org.yizhan.fleet.KioskMessages.fine;
import static org.yizhan.fleet.KioskMessages.health;
import static org.yizhan.fleet.KioskMessages.online;
import static org.yizhan.fleet.KioskMessages.readings;
import static org.yizhan.fleet.KioskMessages.scanner;
import static org.yizhan.fleet.KioskMessages.will;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.fleet.TestClock;
import org.yizhan.fleet.status.ConditionThresholds;
import org.yizhan.fleet.status.KioskConditions;
import org.yizhan.fleet.status.KioskFacts;
import org.yizhan.fleet.view.Alert;
import org.yizhan.protocol.birth.DeviceInfo;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.health.DeviceStatus;
import org.yizhan.protocol.health.SystemReadings;
import org.yizhan.protocol.message.DeviceState;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.topic.KioskId;

class AlertingTest {

    private static final KioskId KIOSK = KioskId.parse("pujin/kiosk-1");
    private static final Instant T0 = Instant.parse("2026-03-02T08:15:00Z");

    private final TestClock clock = new TestClock(T0);
    private final KioskConditions conditions = new KioskConditions(clock, ConditionThresholds.DEFAULTS);
    private final List<AlertChange> changes = new ArrayList<>();
    private final Alerting alerting = new Alerting(new AlertRules(AlertSettings.DEFAULTS, conditions),
            new AlertBook(List.of(), 0), changes::add);
    private KioskFacts facts = KioskFacts.first(KIOSK, T0, T0.minusSeconds(3600))
            .withState(online(100, T0), T0)
            .withBirth(birth(100, "0.1.0", T0, scanner(DeviceState.CONNECTED)))
            .withHealth(health(T0, fine(), 0), T0);

    @AfterEach
    void close() {
        alerting.close();
    }

    /** A new health, judged now, as ingest does on every message. */
    private void report(UnaryOperator<KioskFacts> change) {
        facts = change.apply(facts);
        alerting.evaluate(facts, conditions.judge(facts), clock.instant());
    }

    private void healthNow(SystemReadings system, long outbox,
            DeviceStatus... devices) {
        Instant now = clock.instant();
        report(f -> f.withHealth(health(now, system, outbox, devices), now));
    }

    private void tick() {
        alerting.evaluate(facts, conditions.judge(facts), clock.instant());
    }

    @Test
    void a_hot_cpu_raises_once_clears_when_cool_and_is_acknowledged_by_a_maintainer() {
        // when the CPU is hot for three health messages
        healthNow(readings(82.0, false, 50), 0);
        clock.advance(Duration.ofSeconds(30));
        healthNow(readings(84.5, false, 50), 0);
        clock.advance(Duration.ofSeconds(30));
        healthNow(readings(83.0, false, 50), 0);

        // then one alert, with the measured value
        assertEquals(1, changes.size());
        Alert raised = changes.get(0).alert();
        assertEquals(AlertChange.Kind.RAISED, changes.get(0).kind());
        assertEquals("cpu-hot", raised.rule());
        assertEquals("CPU 82.0 °C (limit 80 °C)", raised.message());
        assertEquals(T0, raised.raised());
        assertEquals(List.of(raised), alerting.alerts(false));

        // when it cools down
        clock.advance(Duration.ofSeconds(30));
        healthNow(fine(), 0);

        // then the alert is cleared, but still open
        Alert cleared = changes.get(1).alert();
        assertEquals(AlertChange.Kind.CLEARED, changes.get(1).kind());
        assertEquals(T0.plusSeconds(90), cleared.cleared());
        assertTrue(cleared.open());

        // when a maintainer acknowledges it
        clock.advance(Duration.ofMinutes(10));
        Alert acknowledged = alerting.acknowledge(raised.id(), "wang.li", clock.instant()).orElseThrow();

        // then it is no longer open, and listed only with the acknowledged ones
        assertEquals("wang.li", acknowledged.acknowledgedBy());
        assertEquals(clock.instant(), acknowledged.acknowledged());
        assertFalse(acknowledged.open());
        assertEquals(List.of(), alerting.alerts(false));
        assertEquals(List.of(acknowledged), alerting.alerts(true));
        assertEquals(AlertChange.Kind.ACKNOWLEDGED, changes.get(2).kind());
        // acknowledging again changes nothing
        assertEquals(acknowledged, alerting.acknowledge(raised.id(), "zhang.wei", clock.instant()).orElseThrow());
        assertEquals(3, changes.size());
    }

    @Test
    void a_cause_back_before_anyone_acknowledged_reopens_the_same_alert() {
        healthNow(readings(85, false, 50), 0);
        healthNow(fine(), 0);
        healthNow(readings(86, false, 50), 0);

        assertEquals(List.of(AlertChange.Kind.RAISED, AlertChange.Kind.CLEARED, AlertChange.Kind.REOPENED),
                changes.stream().map(AlertChange::kind).toList());
        assertEquals(1, alerting.alerts(true).size());
        assertNull(alerting.alerts(false).get(0).cleared());
    }

    @Test
    void an_acknowledged_cause_that_lasts_is_not_raised_again_until_it_returns() {
        healthNow(readings(85, false, 50), 0);
        long first = changes.get(0).alert().id();
        alerting.acknowledge(first, "wang.li", clock.instant());

        healthNow(readings(85, false, 50), 0);
        assertEquals(List.of(), alerting.alerts(false));

        healthNow(fine(), 0);
        healthNow(readings(90, false, 50), 0);
        Alert second = alerting.alerts(false).get(0);
        assertTrue(second.id() > first);
        assertEquals("CPU 90.0 °C (limit 80 °C)", second.message());
    }

    @Test
    void a_lost_kiosk_raises_after_the_configured_minutes_on_a_tick_and_clears_when_back() {
        // given the last health at T0: lost from T0 + 60 s
        clock.advance(Duration.ofSeconds(60));
        tick();
        assertEquals(List.of(), changes);

        // when it has been lost for 5 minutes
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        tick();
        assertEquals(List.of(), changes);
        clock.advance(Duration.ofMillis(1));
        tick();

        // then
        Alert lost = changes.get(0).alert();
        assertEquals("lost", lost.rule());
        assertEquals("lost since 2026-03-02T08:16:00Z: no health since 2026-03-02T08:15:00Z (2 intervals of 30 s)",
                lost.message());
        tick();
        assertEquals(1, changes.size());

        // when it reports again
        healthNow(fine(), 0);
        assertEquals(AlertChange.Kind.CLEARED, changes.get(1).kind());
    }

    @Test
    void an_offline_will_counts_from_its_arrival() {
        clock.advance(Duration.ofSeconds(10));
        Instant at = clock.instant();
        report(f -> f.withState(will(100, T0), at));
        clock.advance(Duration.ofMinutes(5));
        tick();

        assertEquals("lost since 2026-03-02T08:15:10Z: offline since 2026-03-02T08:15:10Z (connection-lost)",
                changes.get(0).alert().message());
    }

    @Test
    void under_voltage_disk_outbox_and_scanner_each_raise_their_own_alert_once() {
        healthNow(readings(50, true, 8.5), 20, device("scanner", DeviceState.ABSENT, T0));
        healthNow(readings(50, true, 8.5), 40, device("scanner", DeviceState.ABSENT, T0));
        healthNow(readings(50, true, 8.5), 60, device("scanner", DeviceState.ABSENT, T0));

        Map<String, String> raised = new TreeMap<>();
        changes.forEach(c -> raised.put(c.alert().rule(), c.alert().message()));
        assertEquals(Map.of(
                "under-voltage", "under-voltage now (supply below 4.63 V)",
                "disk-full", "data disk 91.5 % used (limit 90 %)",
                "outbox-growing", "outbox growing: 0 → 20 → 40 rows",
                "scanner-absent", "scanner absent since 2026-03-02T08:15:00Z: USB device removed"), raised);
        assertEquals(4, changes.size());

        healthNow(fine(), 0, device("scanner", DeviceState.CONNECTED, T0));
        assertEquals(8, changes.size());
        assertTrue(changes.subList(4, 8).stream().allMatch(c -> c.kind() == AlertChange.Kind.CLEARED));
    }

    @Test
    void the_scanner_is_whatever_device_the_birth_calls_a_qr_scanner() {
        report(f -> f.withBirth(birth(100, "0.1.0", T0,
                new DeviceInfo("front-reader", "qr-scanner:serial", DeviceState.CONNECTED))));
        healthNow(fine(), 0, device("front-reader", DeviceState.ABSENT, T0));

        assertEquals("scanner-absent", changes.get(0).alert().rule());
    }

    @Test
    void a_crisis_reading_and_a_help_press_raise_one_open_alert_each_until_acknowledged() {
        Event crisis = event(Event.CRISIS_READING, Severity.ERROR, T0, Map.of("grade", "grade-3"));
        alerting.onEvent(KIOSK, crisis, T0);
        alerting.onEvent(KIOSK, event(Event.CRISIS_READING, Severity.ERROR, T0.plusSeconds(5), Map.of()), T0);
        alerting.onEvent(KIOSK, event(Event.HELP_BUTTON, Severity.WARNING, T0, Map.of("press", "short")), T0);

        assertEquals(2, changes.size());
        Alert crisisAlert = changes.get(0).alert();
        assertEquals("crisis reading (grade-3) at 2026-03-02T08:15:00Z", crisisAlert.message());
        assertNull(crisisAlert.cleared());
        assertEquals("help button pressed (short) at 2026-03-02T08:15:00Z", changes.get(1).alert().message());

        alerting.acknowledge(crisisAlert.id(), "wang.li", T0.plusSeconds(60));
        alerting.onEvent(KIOSK, event(Event.CRISIS_READING, Severity.ERROR, T0.plusSeconds(90), Map.of()), T0);
        assertEquals(2, alerting.alerts(false).size());
    }

    @Test
    void a_replayed_help_press_says_it_came_late() {
        Event old = event(Event.HELP_BUTTON, Severity.WARNING, T0, Map.of("press", "long"));
        Envelope replayed = old.envelope().asReplayed();
        alerting.onEvent(KIOSK, new Event(replayed, old.kind(), old.severity(), old.message(), null, old.details()),
                T0.plusSeconds(3600));

        assertEquals("help button pressed (long) at 2026-03-02T08:15:00Z, sent late after an outage",
                changes.get(0).alert().message());
    }

    @Test
    void a_rule_that_is_off_raises_nothing() {
        try (Alerting quiet = new Alerting(new AlertRules(new AlertSettings(Duration.ofMinutes(5), 80, 90,
                Set.of(AlertRule.CPU_HOT), Map.of(), Duration.ofSeconds(5)), conditions),
                new AlertBook(List.of(), 0), changes::add)) {
            facts = facts.withHealth(health(T0, readings(95, false, 50), 0), T0);
            quiet.evaluate(facts, conditions.judge(facts), T0);
        }
        assertEquals(List.of(), changes);
    }

    @Test
    void new_ids_continue_after_the_stored_ones_and_stored_alerts_keep_their_rule() {
        Alert stored = new Alert(41, "cpu-hot", KIOSK, "CPU 81.0 °C (limit 80 °C)", T0.minusSeconds(600), null, null,
                null);
        try (Alerting restarted = new Alerting(new AlertRules(AlertSettings.DEFAULTS, conditions),
                new AlertBook(List.of(stored), 41), changes::add)) {
            facts = facts.withHealth(health(T0, readings(85, false, 50), 0), T0);
            restarted.evaluate(facts, conditions.judge(facts), T0);
            assertEquals(List.of(), changes);

            restarted.onEvent(KIOSK, event(Event.HELP_BUTTON, Severity.WARNING, T0, Map.of()), T0);
            assertNotNull(changes.get(0));
            assertEquals(42, changes.get(0).alert().id());
        }
    }
}
