package org.yizhan.fleet.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.yizhan.fleet.KioskMessages.birth;
import static org.yizhan.fleet.KioskMessages.device;
import static org.yizhan.fleet.KioskMessages.door;
import static org.yizhan.fleet.KioskMessages.envelope;
import static org.yizhan.fleet.KioskMessages.fine;
import static org.yizhan.fleet.KioskMessages.health;
import static org.yizhan.fleet.KioskMessages.online;
import static org.yizhan.fleet.KioskMessages.readings;
import static org.yizhan.fleet.KioskMessages.scanner;
import static org.yizhan.fleet.KioskMessages.will;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.fleet.TestClock;
import org.yizhan.fleet.view.KioskCondition;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.message.DeviceState;
import org.yizhan.protocol.topic.KioskId;

class KioskConditionsTest {

    private static final KioskId KIOSK = KioskId.parse("pujin/kiosk-1");
    private static final Instant T0 = Instant.parse("2026-03-02T08:15:00Z");

    private final TestClock clock = new TestClock(T0);
    private final KioskConditions conditions = new KioskConditions(clock, ConditionThresholds.DEFAULTS);

    private KioskFacts reporting() {
        return KioskFacts.first(KIOSK, T0, T0.minusSeconds(3600))
                .withState(online(1772439300, T0), T0)
                .withBirth(birth(1772439300, "0.1.0", T0, scanner(DeviceState.CONNECTED), door()))
                .withHealth(health(T0, fine(), 0), T0);
    }

    @Test
    void a_kiosk_reporting_well_is_online_without_reasons() {
        KioskJudgement judgement = conditions.judge(reporting());

        assertEquals(KioskCondition.ONLINE, judgement.condition());
        assertEquals(List.of(), judgement.reasons());
        assertNull(judgement.lostSince());
    }

    @Test
    void a_silent_kiosk_is_lost_after_two_health_intervals_and_not_before() {
        // given a health every 30 s, the last at T0
        KioskFacts facts = reporting();

        // then just before 60 s it is still online, at 60 s lost
        clock.advance(Duration.ofSeconds(59).plusMillis(999));
        assertEquals(KioskCondition.ONLINE, conditions.judge(facts).condition());
        clock.advance(Duration.ofMillis(1));
        KioskJudgement lost = conditions.judge(facts);
        assertEquals(KioskCondition.LOST, lost.condition());
        assertEquals(List.of("no health since 2026-03-02T08:15:00Z (2 intervals of 30 s)"), lost.reasons());
        assertEquals(T0.plusSeconds(60), lost.lostSince());
    }

    @Test
    void the_interval_comes_from_the_birth_before_any_health() {
        // given a birth announcing 120 s and an online state, no health yet
        KioskFacts facts = KioskFacts.first(KIOSK, T0, T0.minusSeconds(3600))
                .withState(online(5, T0), T0)
                .withBirth(new Birth(envelope(T0), 5, "0.1.0",
                        "17", "Debian", null, "aarch64", null, null, null, null, 120, List.of()));

        clock.advance(Duration.ofSeconds(239));
        assertEquals(KioskCondition.ONLINE, conditions.judge(facts).condition());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(KioskCondition.LOST, conditions.judge(facts).condition());
    }

    @Test
    void a_console_that_just_started_gives_every_kiosk_two_intervals_to_speak() {
        // given a kiosk whose last health the console stored an hour ago, and a console started now
        KioskFacts facts = reporting().watchingSince(T0.plusSeconds(3600));
        clock.set(T0.plusSeconds(3600 + 30));

        assertEquals(KioskCondition.ONLINE, conditions.judge(facts).condition());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(KioskCondition.LOST, conditions.judge(facts).condition());
    }

    @Test
    void an_offline_state_is_lost_at_once_with_its_reason() {
        KioskFacts facts = reporting().withState(will(1772439300, T0), T0.plusSeconds(10));
        clock.advance(Duration.ofSeconds(11));

        KioskJudgement judgement = conditions.judge(facts);

        assertEquals(KioskCondition.LOST, judgement.condition());
        assertEquals(List.of("offline since 2026-03-02T08:15:10Z (connection-lost)"), judgement.reasons());
        assertEquals(T0.plusSeconds(10), judgement.lostSince());
    }

    @Test
    void each_degradation_is_a_reason_with_its_measured_value() {
        // given a hot, under-volted Pi with a full disk and no scanner
        KioskFacts facts = reporting().withHealth(health(T0, readings(82.04, true, 7.46), 0,
                device("scanner", DeviceState.ABSENT, T0), device("door", DeviceState.CONNECTED, T0)), T0);

        KioskJudgement judgement = conditions.judge(facts);

        assertEquals(KioskCondition.DEGRADED, judgement.condition());
        assertEquals(List.of("scanner absent: USB device removed", "data disk 7.5 % free", "CPU 82.0 °C",
                "under-voltage now"), judgement.reasons());
    }

    @Test
    void the_lines_are_drawn_where_the_thresholds_say() {
        // 79.9 °C and exactly 10 % free are fine; 80.0 °C is hot
        assertEquals(KioskCondition.ONLINE, conditions.judge(reporting()
                .withHealth(health(T0, readings(79.9, false, 10.0), 0), T0)).condition());
        assertEquals(List.of("CPU 80.0 °C"), conditions.judge(reporting()
                .withHealth(health(T0, readings(80.0, false, 10.0), 0), T0)).reasons());
    }

    @Test
    void an_outbox_rising_over_three_health_messages_is_growing_but_a_few_events_are_not() {
        KioskFacts blip = reporting().withHealth(health(T0, fine(), 1), T0).withHealth(health(T0, fine(), 2), T0);
        assertEquals(List.of(0L, 1L, 2L), blip.outboxHistory());
        assertEquals(KioskCondition.ONLINE, conditions.judge(blip).condition());

        KioskFacts growing = blip.withHealth(health(T0, fine(), 12), T0).withHealth(health(T0, fine(), 40), T0);
        assertEquals(List.of("outbox growing: 2 → 12 → 40 rows"), conditions.judge(growing).reasons());

        KioskFacts steadyButDeep = growing.withHealth(health(T0, fine(), 1500), T0)
                .withHealth(health(T0, fine(), 1500), T0);
        assertEquals(List.of("outbox 1500 rows (limit 1000)"), conditions.judge(steadyButDeep).reasons());
    }

    @Test
    void lost_wins_over_degraded() {
        KioskFacts hot = reporting().withHealth(health(T0, readings(90, false, 50), 0), T0);
        clock.advance(Duration.ofMinutes(5));

        KioskJudgement judgement = conditions.judge(hot);

        assertEquals(KioskCondition.LOST, judgement.condition());
        assertEquals(1, judgement.reasons().size());
    }

    @Test
    void before_any_health_the_births_devices_tell_what_is_absent() {
        KioskFacts facts = KioskFacts.first(KIOSK, T0, T0).withState(online(7, T0), T0)
                .withBirth(birth(7, "0.1.0", T0, scanner(DeviceState.ABSENT)));

        assertEquals(List.of("scanner absent"), conditions.judge(facts).reasons());
    }
}
