package org.yizhan.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.launcher.KioskProcess.Line;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.codec.Decoding;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.footfall.FootfallLedger;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.state.Presence;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.KioskTopic;
import org.yizhan.protocol.topic.TopicKind;
import org.yizhan.provisioning.demo.DemoSite;
import org.yizhan.provisioning.pass.PassIssuer;
import org.yizhan.provisioning.pass.PassSigningKey;
import org.yizhan.provisioning.pass.VisitorCategory;
import org.yizhan.testsupport.mqtt.Loopback;
import org.yizhan.testsupport.mqtt.MosquittoProcess;
import org.yizhan.testsupport.mqtt.MqttWatcher;
import org.yizhan.testsupport.mqtt.MqttWatcher.Received;

/**
 * Issue 4's "done when" 1 and 2, end to end: a real {@code mosquitto} on 127.0.0.1, headless simulated kiosks in
 * JVMs of their own configured for it, and the fleet's view of {@code yizhan/#} as {@code mosquitto_sub} would
 * show it. It proves that
 * <ol>
 *   <li>a kiosk that connects publishes a retained online {@code state} and a retained {@code birth} with the
 *       same birth sequence; {@code flush} sends a {@code footfall} bucket with the counts of the check-ins and
 *       leaves the outbox empty; after SIGKILL mosquitto publishes the kiosk's will (offline,
 *       {@code connection-lost}, that birth sequence) — at once, because the kernel closes the dead process's
 *       socket, not after the keep-alive; the kiosk restarted on the same data comes online with a higher birth
 *       sequence, and sends {@code health} every {@code telemetry.health-interval} (10 s);</li>
 *   <li>check-ins scanned while mosquitto is stopped reach the fleet once it is back on the same port, marked
 *       {@code "replayed": true}, and the fleet's dedupe rule ({@link FootfallLedger}: the highest revision per
 *       bucket) counts every check-in of the kiosk exactly once — the 100 of the outage (couriers, a category
 *       nothing else uses) and the 3 before it, which may share their bucket.</li>
 * </ol>
 * Skips itself when mosquitto is not installed; every process it starts is ended by its handle.
 */
@Tag("interop")
class TelemetryMosquittoIT {

    private static final KioskId KIOSK = new KioskId(DemoSite.SITE_ID, "kiosk-1");
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    /** A kiosk JVM starts, opens its database and connects: slower on a busy CI machine. */
    private static final Duration START_PATIENCE = Duration.ofSeconds(30);
    private static final Duration HEALTH_INTERVAL = Duration.ofSeconds(10);
    /** How much earlier than the interval a health may come: the scheduler's and the network's jitter. */
    private static final Duration HEALTH_SLACK = Duration.ofSeconds(1);
    private static final int OUTAGE_CHECK_INS = 100;

    /** Kept when the test fails: mosquitto.log and the kiosks' logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final PayloadCodec codec = new PayloadCodec();
    private final Opened opened = new Opened();
    private MosquittoProcess mosquitto;
    private MqttWatcher fleet;
    private PassIssuer issuer;
    private Path data;
    private Path config;
    private int kiosksStarted;
    private int passesIssued;

    @BeforeEach
    void startMosquittoAndTheFleet() throws Exception {
        Path program = MosquittoProcess.installedOrSkip("mosquitto", "the kiosk-to-mosquitto interop test");
        mosquitto = open(MosquittoProcess.withPersistence(program, dir.resolve("broker"), Loopback.freePort()));
        // Retain as published: a retained state is recognisable also when it arrives live. A session that outlives
        // mosquitto's restart: nothing published between the restart and the reconnect is missed.
        fleet = open(MqttWatcher.to(mosquitto.url()).retainAsPublished().keepingSession().watch("yizhan/#"));
        data = Files.createDirectories(dir.resolve("kiosk-data"));
        issuer = new PassIssuer(PassSigningKey.read(DemoSite.ensure(data).signingKeyFile()), Clock.systemUTC());
        config = Files.writeString(dir.resolve("kiosk.properties"), """
                mqtt.url = %s
                telemetry.health-interval = %ds
                # back soon after mosquitto is
                mqtt.reconnect-min = 100ms
                mqtt.reconnect-max = 500ms
                """.formatted(mosquitto.url(), HEALTH_INTERVAL.toSeconds()));
    }

    @AfterEach
    void stopEverything() throws Exception {
        opened.close();
    }

    @Test
    void the_fleet_sees_presence_footfall_and_health_and_counts_each_check_in_once_across_a_broker_outage()
            throws Exception {
        KioskProcess restarted = presenceFootfallTheWillAndHealth();
        checkInsDuringAnOutageArriveReplayedAndCountOnce(restarted);
    }

    /** Done when 1. Returns the restarted kiosk, still running. */
    private KioskProcess presenceFootfallTheWillAndHealth() throws Exception {
        // when a kiosk starts
        int fromStart = fleet.mark();
        KioskProcess first = startKiosk();

        // then it is online, retained, and its retained birth has the same birth sequence
        Received online = fleet.await(fromStart, state(Presence.ONLINE), PATIENCE, "the first kiosk's online state");
        assertTrue(online.retained(), "state is published retained: " + online.text());
        long firstBirthSeq = decode(online, KioskState.class).birthSeq();
        Received birth = fleet.await(fromStart, on(TopicKind.BIRTH), PATIENCE, "the first kiosk's birth");
        assertTrue(birth.retained(), "birth is published retained: " + birth.text());
        assertEquals(firstBirthSeq, decode(birth, Birth.class).birthSeq(), birth.text());

        // when two riders and a resident check in, and the kiosk flushes
        checkIn(first, VisitorCategory.RIDER, 2);
        checkIn(first, VisitorCategory.RESIDENT, 1);
        int fromFlush = fleet.mark();
        int beforeFlush = first.mark();
        // A flush ends with an outbox line before the next command is read; the tap's screen marks that point, so
        // the last outbox line before it is the flush's own.
        first.send("flush", "tap lang-en");
        Line flushed = first.await(beforeFlush, line -> line.is("screen", "language", "en"), PATIENCE,
                "the screen in English that follows the flush");

        // then the fleet receives a bucket with those counts, sent live, and nothing waits in the outbox
        FootfallCounts counted = awaitFootfall(3, "a footfall bucket with the 3 check-ins");
        assertEquals(Map.of("resident", 1L, "rider", 2L), counted.checkInsByCategory());
        for (Received footfall : fleet.received().since(fromFlush, on(TopicKind.FOOTFALL))) {
            assertFalse(decode(footfall, Footfall.class).envelope().replayed(), "sent live: " + footfall.text());
        }
        assertEquals(0, lastReportedPending(first, beforeFlush, flushed.index()), "outbox depth after the flush");

        // when the kiosk is killed: SIGKILL, no goodbye
        int fromKill = fleet.mark();
        first.kill();

        // then mosquitto publishes its will: offline, connection lost, retained, with the same birth sequence
        Received will = fleet.await(fromKill, state(Presence.OFFLINE), PATIENCE, "the first kiosk's will");
        assertTrue(will.retained(), "the will is retained: " + will.text());
        KioskState offline = decode(will, KioskState.class);
        assertEquals(firstBirthSeq, offline.birthSeq(), will.text());
        assertEquals(KioskState.CONNECTION_LOST, offline.reason(), will.text());

        // when it starts again on the same data
        int fromRestart = fleet.mark();
        KioskProcess second = startKiosk();

        // then it is online with a higher birth sequence
        Received again = fleet.await(fromRestart, state(Presence.ONLINE), PATIENCE, "the restarted kiosk's online state");
        long secondBirthSeq = decode(again, KioskState.class).birthSeq();
        assertTrue(secondBirthSeq > firstBirthSeq, "birth sequence " + secondBirthSeq + " after " + firstBirthSeq);
        Received rebirth = fleet.await(fromRestart, on(TopicKind.BIRTH), PATIENCE, "the restarted kiosk's birth");
        assertEquals(secondBirthSeq, decode(rebirth, Birth.class).birthSeq(), rebirth.text());

        // and health comes every interval: one on connecting, then one per interval since the kiosk started
        List<Received> health = fleet.await(again.index(), on(TopicKind.HEALTH), 3,
                HEALTH_INTERVAL.multipliedBy(2).plus(PATIENCE), "three health messages after the restart");
        for (Received h : health) {
            assertEquals(HEALTH_INTERVAL.toSeconds(), decode(h, Health.class).intervalSeconds(), h.text());
        }
        Duration apart = Duration.ofNanos(health.get(2).arrivedNanos() - health.get(1).arrivedNanos());
        assertTrue(apart.compareTo(HEALTH_INTERVAL.minus(HEALTH_SLACK)) >= 0,
                "two scheduled health messages " + apart.toMillis() + " ms apart, not about " + HEALTH_INTERVAL);
        return second;
    }

    /** Done when 2, on the running kiosk. */
    private void checkInsDuringAnOutageArriveReplayedAndCountOnce(KioskProcess kiosk) throws Exception {
        // given mosquitto stopped, and the kiosk noticed
        int fromOutage = kiosk.mark();
        mosquitto.stop();
        kiosk.await(fromOutage, line -> line.is("mqtt", "state", "disconnected"), PATIENCE,
                "the kiosk noticing that mosquitto is gone");

        // when 100 couriers check in and the kiosk flushes, with nowhere to send
        checkIn(kiosk, VisitorCategory.COURIER, OUTAGE_CHECK_INS);
        int fromFlush = kiosk.mark();
        kiosk.send("flush");
        kiosk.await(fromFlush, line -> line.is("outbox") && line.event().path("pending").asLong() > 0, PATIENCE,
                "the footfall bucket waiting in the outbox");

        // and mosquitto is back on the same port, and the kiosk flushes again once it has reconnected
        int fromComeback = fleet.mark();
        mosquitto.start();
        fleet.reconnect();
        Line connected = kiosk.await(fromFlush, line -> line.is("mqtt", "state", "connected"), PATIENCE,
                "the kiosk reconnecting to mosquitto");
        kiosk.send("flush");

        // then the outbox empties
        kiosk.await(connected.index(), line -> line.is("outbox", "pending", "0"), PATIENCE,
                "an empty outbox after the reconnect");

        // and the fleet counts every check-in of this kiosk exactly once: the outage's 100 and the 3 before
        FootfallCounts counted = awaitFootfall(OUTAGE_CHECK_INS + 3, "footfall counting all 103 check-ins");
        assertEquals(Map.of("courier", (long) OUTAGE_CHECK_INS, "resident", 1L, "rider", 2L),
                counted.checkInsByCategory());
        assertEquals(OUTAGE_CHECK_INS + 3, counted.checkIns());

        // and what waited through the outage says so
        List<Received> afterOutage = fleet.received().since(fromComeback, on(TopicKind.FOOTFALL));
        assertFalse(afterOutage.isEmpty(), "no footfall arrived after mosquitto came back");
        for (Received footfall : afterOutage) {
            assertTrue(decode(footfall, Footfall.class).envelope().replayed(), "replayed: " + footfall.text());
        }
    }

    /** Starts a kiosk on this test's data and configuration, and waits until it reports its broker connection. */
    private KioskProcess startKiosk() throws Exception {
        kiosksStarted++;
        KioskProcess kiosk = open(KioskProcess.start(data, config, dir.resolve("kiosk-" + kiosksStarted + ".log")));
        kiosk.await(0, line -> line.is("mqtt", "state", "connected"), START_PATIENCE,
                "kiosk " + kiosksStarted + " connecting to mosquitto");
        return kiosk;
    }

    /** Scans {@code count} new passes of {@code category} and waits until the kiosk has accepted them all. */
    private void checkIn(KioskProcess kiosk, VisitorCategory category, int count) throws InterruptedException {
        String[] scans = new String[count];
        for (int i = 0; i < count; i++) {
            scans[i] = "scan " + issuer.issue(category.code() + "-" + passesIssued++, category, DemoSite.SITE_ID,
                    Duration.ofDays(1));
        }
        int from = kiosk.mark();
        kiosk.send(scans);
        List<Line> decided = kiosk.await(from, line -> line.is("check-in"), count,
                PATIENCE.plus(Duration.ofMillis(100L * count)), count + " check-ins of " + category.code());
        for (Line line : decided) {
            assertTrue(line.is("check-in", "result", "accepted") && line.is("check-in", "category", category.code()),
                    line.text());
        }
    }

    /**
     * Waits until the footfall received so far counts at least {@code checkIns} by the fleet's rule, and returns
     * the totals of the kept buckets. A revision conflict fails at once.
     */
    private FootfallCounts awaitFootfall(long checkIns, String what) throws InterruptedException {
        List<Received> all = fleet.received().awaitUntil(received -> ledgerTotals(received).checkIns() >= checkIns,
                PATIENCE, what);
        return ledgerTotals(all);
    }

    private FootfallCounts ledgerTotals(List<Received> received) {
        FootfallLedger ledger = new FootfallLedger();
        for (Received message : received) {
            if (on(TopicKind.FOOTFALL).test(message)) {
                assertNotEquals(FootfallLedger.Outcome.CONFLICT, ledger.record(KIOSK, decode(message, Footfall.class)),
                        "a bucket's revision sent again with other counts: " + message.text());
            }
        }
        return ledger.totals(KIOSK, Instant.MIN, Instant.MAX);
    }

    /** The outbox depth the kiosk last reported from line {@code from} on and before line {@code before}. */
    private static long lastReportedPending(KioskProcess kiosk, int from, int before) {
        List<Line> reports = kiosk.since(from, line -> line.is("outbox") && line.index() < before);
        assertFalse(reports.isEmpty(), "the kiosk reported no outbox depth after the flush");
        return reports.get(reports.size() - 1).event().path("pending").asLong();
    }

    private static Predicate<Received> on(TopicKind kind) {
        String topic = KioskTopic.of(KIOSK, kind).toString();
        return received -> received.on(topic);
    }

    private Predicate<Received> state(Presence presence) {
        return on(TopicKind.STATE).and(received -> decode(received, KioskState.class).state() == presence);
    }

    private <T extends Message> T decode(Received received, Class<T> type) {
        Decoding<T> decoding = codec.decode(received.payload(), type);
        if (decoding instanceof Decoding.Failed<T> failed) {
            throw new AssertionError("not a valid " + type.getSimpleName() + " on " + received.topic() + " ("
                    + failed.reason() + "): " + received.text());
        }
        return decoding.decoded().orElseThrow();
    }

    private <T extends AutoCloseable> T open(T closeable) {
        return opened.add(closeable);
    }
}
