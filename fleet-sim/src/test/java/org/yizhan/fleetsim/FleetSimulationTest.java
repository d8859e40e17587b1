package org.yizhan.fleetsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleetsim.mqtt.HiveMqKioskConnector;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.state.KioskPresence;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.TopicKind;
import org.yizhan.testsupport.mqtt.EmbeddedTestBroker;
import org.yizhan.testsupport.mqtt.MqttWatcher;

/**
 * Simulated kiosks against a real broker (embedded HiveMQ on 127.0.0.1), watched by a plain subscriber the way the
 * fleet console subscribes: what arrives must be the contract, and its footfall must add up to the summary exactly.
 * Each test uses sites of its own, so the retained messages of one do not meet the other.
 */
class FleetSimulationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static EmbeddedTestBroker broker;

    @BeforeAll
    static void startBroker() throws IOException {
        broker = EmbeddedTestBroker.start(dir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void twenty_kiosks_announce_themselves_report_health_and_send_footfall_that_adds_up_to_the_summary()
            throws Exception {
        // given a console's subscription, and 20 kiosks with 1 s health and a 15-minute bucket every 400 ms
        SimulationSettings settings = SimulationSettings.builder(20).sitePrefix("totals").sites(4)
                .healthInterval(Duration.ofSeconds(1)).bucketEvery(Duration.ofMillis(400))
                .checkInsPerKioskHour(40).revisedShare(0.3).seed(7).build();
        try (MqttWatcher console = MqttWatcher.to(broker.url()).retainAsPublished().watch("yizhan/v1/#")) {

            // when they run until every kiosk sent health and footfall came from every one
            FleetSimulation simulation = FleetSimulation.start(settings, HiveMqKioskConnector.to(broker.url()));
            List<KioskId> kiosks = simulation.kiosks();
            await(console, "totals", seen -> seen.kiosksSending(TopicKind.HEALTH).size() == 20
                    && seen.kiosksSending(TopicKind.FOOTFALL).size() == 20 && seen.sawARevision(),
                    "health and footfall from all 20 kiosks, and a revised bucket");
            SimulationSummary summary = simulation.stop();

            // then every kiosk announced itself once, retained, with the birth sequence of its online state
            SeenByConsole seen = await(console, "totals", view -> view.footfall(null)
                    .equals(summary.footfall().totals()), "the footfall of the summary");
            assertEquals(List.of(), seen.problems(), "every topic parses and every payload decodes");
            assertEquals(Set.copyOf(kiosks), seen.kiosksSending(TopicKind.BIRTH));
            for (KioskId kiosk : kiosks) {
                List<Birth> births = seen.messages(kiosk, Birth.class);
                List<KioskState> states = seen.messages(kiosk, KioskState.class);
                assertEquals(1, births.size(), kiosk + " births");
                assertTrue(states.get(0).online(), kiosk + " is first online");
                assertEquals(states.get(0).birthSeq(), births.get(0).birthSeq(), kiosk + " birth and state agree");
                assertEquals(1, births.get(0).healthIntervalSeconds());
                assertFalse(births.get(0).devices().isEmpty());
            }
            assertTrue(seen.all(TopicKind.BIRTH).stream().allMatch(SeenByConsole.Seen::retained), "births retained");
            assertTrue(seen.all(TopicKind.STATE).stream().allMatch(SeenByConsole.Seen::retained), "states retained");
            assertFalse(seen.all(TopicKind.HEALTH).stream().anyMatch(SeenByConsole.Seen::retained),
                    "health is never retained");
            assertTrue(seen.all(TopicKind.HEALTH).stream()
                    .allMatch(s -> ((Health) s.message()).intervalSeconds() == 1));

            // and the summary says what the console saw: every footfall bucket at its highest revision, exactly
            assertEquals(20, summary.kiosks());
            assertEquals(20, summary.connected());
            assertEquals(List.of(), summary.footfall().unacknowledged());
            assertEquals(Map.of("state", 0L, "birth", 0L, "health", 0L, "footfall", 0L, "events", 0L),
                    summary.publishFailures());
            assertEquals(20L, summary.published().get("birth"));
            assertTrue(summary.footfall().revised() > 0, "some buckets were revised");
            assertTrue(summary.footfall().totals().checkIns() > 0, "visitors checked in");
            assertEquals(seen.footfall(null), summary.footfall().totals());
            for (SimulationSummary.KioskFootfall kiosk : summary.footfall().byKiosk()) {
                FootfallCounts counted = seen.footfall(KioskId.parse(kiosk.kiosk()));
                assertEquals(counted.checkIns(), kiosk.checkIns(), kiosk.kiosk());
                assertEquals(counted.entriesSensed(), kiosk.entriesSensed(), kiosk.kiosk());
            }
            assertTrue(seen.bucketStarts().stream().allMatch(start -> !start.isBefore(
                    summary.footfall().firstBucketStart()) && start.isBefore(summary.footfall().bucketsEnd())),
                    "every bucket lies in the range the summary names");
        }

        // and after the clean stop every kiosk's retained state says shutdown: no will was sent
        try (MqttWatcher later = MqttWatcher.watching(broker.url(), "yizhan/v1/+/+/state")) {
            SeenByConsole retained = await(later, "totals", view -> view.all(TopicKind.STATE).size() == 20,
                    "20 retained states");
            for (SeenByConsole.Seen state : retained.all(TopicKind.STATE)) {
                assertEquals(KioskState.SHUTDOWN, ((KioskState) state.message()).reason(), state.kiosk().toString());
            }
        }
    }

    @Test
    void killed_kiosks_leave_their_will_behind_and_crashed_kiosks_come_back_with_a_higher_birth_sequence()
            throws Exception {
        // given 20 kiosks that crash every few seconds and come back after 300 ms, 5 of which are killed after 2 s
        SimulationSettings settings = SimulationSettings.builder(20).sitePrefix("crashes").sites(2)
                .healthInterval(Duration.ofSeconds(1)).bucketEvery(Duration.ofMillis(500))
                .checkInsPerKioskHour(40).crashes(1200, Duration.ofMillis(300)).kill(5, Duration.ofSeconds(2))
                .seed(11).build();
        try (MqttWatcher console = MqttWatcher.watching(broker.url(), "yizhan/v1/#")) {

            // when they run until the kill happened and a crashed kiosk was seen to come back
            FleetSimulation simulation = FleetSimulation.start(settings, HiveMqKioskConnector.to(broker.url()));
            await(console, "crashes", seen -> simulation.progress().killed() == 5 && !cameBack(seen).isEmpty(),
                    "five kiosks killed and one crashed kiosk back");
            SimulationSummary summary = simulation.stop();
            Set<KioskId> killed = new HashSet<>();
            summary.killed().forEach(k -> killed.add(KioskId.parse(k)));

            // then each killed kiosk's last word is its will: offline, connection lost, its last connection's number
            SeenByConsole seen = await(console, "crashes", view -> killed.stream().allMatch(k -> {
                KioskState last = presence(view, k);
                return last != null && !last.online();
            }), "the wills of the killed kiosks");
            assertEquals(List.of(), seen.problems(), "every topic parses and every payload decodes");
            assertEquals(5, killed.size());
            for (KioskId kiosk : killed) {
                List<KioskState> states = seen.messages(kiosk, KioskState.class);
                KioskState will = states.get(states.size() - 1);
                KioskState lastOnline = states.stream().filter(KioskState::online).reduce((a, b) -> b).orElseThrow();
                assertEquals(KioskState.CONNECTION_LOST, will.reason(), kiosk + " ended with its will");
                assertEquals(lastOnline.birthSeq(), will.birthSeq(), kiosk + " will belongs to its last connection");
                assertEquals(presence(seen, kiosk), will, kiosk + " is offline to a console");
            }

            // and a crashed kiosk's will is followed by a new online state and birth of a higher birth sequence
            KioskId back = cameBack(seen).get(0);
            List<KioskState> states = seen.messages(back, KioskState.class);
            KioskState will = states.stream().filter(s -> KioskState.CONNECTION_LOST.equals(s.reason())).findFirst()
                    .orElseThrow();
            KioskState again = states.get(states.indexOf(will) + 1);
            assertTrue(again.online() && again.birthSeq() > will.birthSeq(), back + ": " + states);
            assertTrue(seen.messages(back, Birth.class).stream().anyMatch(b -> b.birthSeq() == again.birthSeq()),
                    back + " sent a birth for its new connection");
            assertTrue(summary.crashes() >= 1);
            assertEquals(5, summary.killed().size());

            // and footfall adds up for every kiosk that has nothing unacknowledged, which is most of them
            Set<String> unsure = new HashSet<>();
            summary.footfall().unacknowledged().forEach(b -> unsure.add(b.kiosk()));
            List<String> compared = new ArrayList<>();
            for (SimulationSummary.KioskFootfall kiosk : summary.footfall().byKiosk()) {
                if (!unsure.contains(kiosk.kiosk())) {
                    FootfallCounts counted = seen.footfall(KioskId.parse(kiosk.kiosk()));
                    assertEquals(counted.checkIns(), kiosk.checkIns(), kiosk.kiosk());
                    assertEquals(counted.entriesSensed(), kiosk.entriesSensed(), kiosk.kiosk());
                    assertEquals(SimulationSummary.measurements(counted), kiosk.measurements(), kiosk.kiosk());
                    compared.add(kiosk.kiosk());
                }
            }
            assertTrue(compared.size() >= 10, "compared " + compared + "; unsure " + unsure);
            // and what the summary says was never sent, no console has
            for (UnacknowledgedBucket bucket : summary.footfall().unacknowledged()) {
                if (bucket.reason().startsWith("never sent")) {
                    assertTrue(seen.keptRevision(KioskId.parse(bucket.kiosk()), bucket.bucketStart())
                            < bucket.revision(), bucket.toString());
                }
            }
        }
    }

    /** Kiosks seen offline by their will and then online again with a higher birth sequence. */
    private static List<KioskId> cameBack(SeenByConsole seen) {
        List<KioskId> back = new ArrayList<>();
        for (SeenByConsole.Seen s : seen.all(TopicKind.STATE)) {
            KioskState will = (KioskState) s.message();
            if (KioskState.CONNECTION_LOST.equals(will.reason()) && !back.contains(s.kiosk())
                    && seen.messages(s.kiosk(), KioskState.class).stream()
                            .anyMatch(later -> later.online() && later.birthSeq() > will.birthSeq())) {
                back.add(s.kiosk());
            }
        }
        return back;
    }

    /** A kiosk's presence as a console works it out: every state applied in arrival order. */
    private static KioskState presence(SeenByConsole seen, KioskId kiosk) {
        KioskState current = null;
        for (KioskState state : seen.messages(kiosk, KioskState.class)) {
            current = KioskPresence.apply(current, state);
        }
        return current;
    }

    /** What the watcher received of the sites {@code {sitePrefix}-…}, once {@code done} holds for it. */
    private static SeenByConsole await(MqttWatcher watcher, String sitePrefix, Predicate<SeenByConsole> done,
            String what) throws InterruptedException {
        SeenByConsole view = new SeenByConsole(sitePrefix);
        watcher.received().awaitUntil(received -> done.test(view.update(received)), PATIENCE, what);
        return view;
    }
}
