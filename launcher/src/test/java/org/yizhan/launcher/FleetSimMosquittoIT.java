package org.yizhan.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.FleetBackend;
import org.yizhan.fleet.FleetBackendSettings;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.ingest.IngestSettings;
import org.yizhan.fleet.ingest.IngestStatistics;
import org.yizhan.fleet.view.FootfallQuery;
import org.yizhan.fleet.view.FootfallRow;
import org.yizhan.fleet.view.KioskCondition;
import org.yizhan.fleet.view.KioskFilter;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.fleetsim.FleetSimulation;
import org.yizhan.fleetsim.SimulationSettings;
import org.yizhan.fleetsim.SimulationSummary;
import org.yizhan.fleetsim.UnacknowledgedBucket;
import org.yizhan.fleetsim.mqtt.HiveMqKioskConnector;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.testsupport.mqtt.Loopback;
import org.yizhan.testsupport.mqtt.MosquittoProcess;
import org.yizhan.testsupport.mqtt.TcpRelay;

/**
 * The fleet console's "done when" 2, end to end: {@code fleet-sim}'s 200 kiosks and the console's back end on a real
 * {@code mosquitto} (127.0.0.1, persistence on), with a broker restart in the middle of the run. It proves that
 * <ul>
 *   <li>the console lists all 200 kiosks, and flags exactly the 10 killed ones lost, within two health intervals
 *       of the kill (by their wills), and still after the restart, when every other kiosk is back;</li>
 *   <li>the kiosks and the console reconnect by themselves after mosquitto is stopped and started again on the
 *       same port; the console's persistent session and the retained states survive the restart;</li>
 *   <li>footfall resent after the restart is absorbed as duplicates: for every kiosk the console's check-ins,
 *       entries and measurements over the run's buckets equal exactly what the simulator says mosquitto
 *       acknowledged — nothing lost, nothing counted twice.</li>
 * </ul>
 * The kiosks reach mosquitto through a {@link TcpRelay}, which holds mosquitto's replies for a moment before the
 * restart: footfall mosquitto took and passed on is then unacknowledged when its connection dies, so the kiosks
 * send it again, as they would after losing PUBACKs with the connection. The console connects directly.
 * Skips itself when mosquitto is not installed; every process it starts is ended by its handle.
 */
@Tag("interop")
class FleetSimMosquittoIT {

    private static final int KIOSKS = 200;
    private static final int KILLED = 10;
    private static final Duration HEALTH_INTERVAL = Duration.ofSeconds(3);
    /** A 15-minute bucket closes every 2 s: the run covers hours of footfall, and revisions of it. */
    private static final Duration BUCKET_EVERY = Duration.ofSeconds(2);
    private static final Duration KILL_AFTER = Duration.ofSeconds(8);
    /** Footfall messages mosquitto must have passed on while its replies were held. */
    private static final int HELD_FOOTFALL = 20;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Kept when the test fails: mosquitto.log and the console's database are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final Opened opened = new Opened();
    private MosquittoProcess mosquitto;
    private TcpRelay network;
    private FleetBackend console;

    @BeforeEach
    void startMosquittoTheNetworkAndTheConsole() throws Exception {
        Path program = MosquittoProcess.installedOrSkip("mosquitto", "the fleet simulator's mosquitto test");
        int port = Loopback.freePort();
        mosquitto = open(MosquittoProcess.withPersistence(program, dir.resolve("broker"), port));
        network = open(new TcpRelay(port).listen());
        // a persistent session under a stable id, acknowledging after the commit, as yizhan fleet connects
        FleetConnectionSettings broker = FleetConnectionSettings.anonymous(mosquitto.url(), "yizhan-console-it")
                .withPersistentSession(FleetConnectionSettings.DEFAULT_SESSION_EXPIRY);
        console = open(FleetBackend.start(FleetBackendSettings.of(broker, dir.resolve("console"))
                .withIngest(IngestSettings.DEFAULTS.withReconnect(Duration.ofMillis(100), Duration.ofSeconds(1))
                        .withTick(Duration.ofMillis(500)))));
        await("the console to subscribe", console::statistics, IngestStatistics::connected, PATIENCE);
    }

    @AfterEach
    void stopEverything() throws Exception {
        opened.close();
    }

    @Test
    void two_hundred_kiosks_are_listed_the_killed_ones_lost_and_footfall_counted_once_across_a_broker_restart()
            throws Exception {
        // given 200 kiosks at 20 sites, 10 of which are killed after 8 s
        SimulationSettings settings = SimulationSettings.builder(KIOSKS).sitePrefix("it").sites(20)
                .healthInterval(HEALTH_INTERVAL).bucketEvery(BUCKET_EVERY).checkInsPerKioskHour(40)
                .revisedShare(0.3).kill(KILLED, KILL_AFTER).seed(2026).build();
        FleetSimulation simulation = FleetSimulation.start(settings, HiveMqKioskConnector.to(network.url()));
        Set<KioskId> fleet = Set.copyOf(simulation.kiosks());
        boolean stopped = false;
        try {
            // then the console lists every one of them
            await("all " + KIOSKS + " kiosks listed", this::listed, ids -> ids.equals(fleet), PATIENCE);

            // when the kill has happened, the killed kiosks are lost within two health intervals, the others not
            await("the kill", () -> simulation.progress().killed(), count -> count == KILLED, PATIENCE);
            Set<KioskId> killed = await("exactly " + KILLED + " kiosks lost", this::lost,
                    ids -> ids.size() == KILLED && listed().equals(fleet), HEALTH_INTERVAL.multipliedBy(2));

            // when mosquitto, with footfall in flight and its acknowledgements held back, restarts on its port
            long footfallBefore = footfallReceived();
            network.holdReplies();
            await("footfall passed on while mosquitto's replies are held", this::footfallReceived,
                    received -> received >= footfallBefore + HELD_FOOTFALL, PATIENCE);
            mosquitto.stop();
            network.cut();
            network.releaseReplies();
            mosquitto.start();

            // then the console and every kiosk that was not killed come back, and only the killed stay lost
            await("the console resubscribed", console::statistics, s -> s.connected() && s.connects() >= 2,
                    PATIENCE);
            await("the " + (KIOSKS - KILLED) + " surviving kiosks reconnected", () -> simulation.progress()
                    .connected(), connected -> connected == KIOSKS - KILLED, PATIENCE);
            await("only the killed kiosks lost", this::lost, killed::equals, PATIENCE);

            // when the run goes on for a few more buckets, and stops
            long footfallAfterRestart = footfallReceived();
            await("footfall of new buckets after the restart", this::footfallReceived,
                    received -> received >= footfallAfterRestart + 2L * (KIOSKS - KILLED), PATIENCE);
            SimulationSummary summary = simulation.stop();
            stopped = true;

            // then the simulator says: every kiosk connected, the survivors again after the restart, those killed
            assertEquals(KIOSKS, summary.everConnected(), summary.lines().toString());
            assertTrue(summary.connects() >= 2L * KIOSKS - KILLED, summary.lines().toString());
            assertEquals(killed, summary.killed().stream().map(KioskId::parse).collect(Collectors.toSet()));
            assertTrue(summary.publishFailures().get("footfall") > 0,
                    "footfall unacknowledged at the restart and sent again: " + summary.publishFailures());

            // and the console counts, kiosk by kiosk, exactly the footfall mosquitto acknowledged
            Map<String, KioskTotals> sent = sentByKiosk(summary);
            assertTrue(sent.values().stream().mapToLong(KioskTotals::checkIns).sum() > 0, "visitors checked in");
            await("the console's footfall equal to the simulator's", () -> countedByKiosk(summary, sent.keySet()),
                    sent::equals, PATIENCE);

            // and the copies that arrived were absorbed, none of them a conflict
            IngestStatistics statistics = console.statistics();
            assertTrue(statistics.duplicatesAbsorbed() > 0, "duplicates absorbed: " + statistics);
            assertEquals(0, statistics.footfallConflicts(), statistics.toString());
            assertEquals(0, statistics.malformed(), statistics.toString());
            assertEquals(0, statistics.itemsDropped(), statistics.toString());
        } finally {
            if (!stopped) {
                simulation.stop();
            }
        }
    }

    /**
     * Check-ins, entries and measurements per kiosk as the simulator reports them, for every kiosk whose footfall
     * is certain: a kiosk killed with a bucket in flight may or may not have reached the console, and is left out
     * (only a killed kiosk may be).
     */
    private static Map<String, KioskTotals> sentByKiosk(SimulationSummary summary) {
        Set<String> uncertain = new TreeSet<>();
        for (UnacknowledgedBucket bucket : summary.footfall().unacknowledged()) {
            if (!bucket.reason().startsWith("never sent")) {
                uncertain.add(bucket.kiosk());
            }
        }
        assertTrue(summary.killed().containsAll(uncertain), "unacknowledged footfall of kiosks that were not killed: "
                + summary.footfall().unacknowledged());
        Map<String, KioskTotals> sent = new TreeMap<>();
        for (SimulationSummary.KioskFootfall kiosk : summary.footfall().byKiosk()) {
            if (!uncertain.contains(kiosk.kiosk())) {
                sent.put(kiosk.kiosk(), new KioskTotals(kiosk.checkIns(), kiosk.entriesSensed(),
                        kiosk.measurements()));
            }
        }
        return sent;
    }

    /** The console's footfall over the run's buckets, per kiosk, for the kiosks the simulator's figures cover. */
    private Map<String, KioskTotals> countedByKiosk(SimulationSummary summary, Set<String> kiosks) {
        SimulationSummary.FootfallSent footfall = summary.footfall();
        List<FootfallRow> rows = console.view().footfall(new FootfallQuery(null, null, footfall.firstBucketStart(),
                footfall.bucketsEnd(), FootfallQuery.Period.DAY, ZONE));
        Map<String, KioskTotals> counted = new TreeMap<>();
        for (FootfallRow row : rows) {
            String kiosk = row.kiosk().toString();
            if (kiosks.contains(kiosk)) {
                counted.merge(kiosk, KioskTotals.of(row.counts()), KioskTotals::plus);
            }
        }
        return counted;
    }

    private Set<KioskId> listed() {
        return console.view().kiosks(KioskFilter.ALL).stream().map(KioskSummary::id).collect(Collectors.toSet());
    }

    private Set<KioskId> lost() {
        Set<KioskId> lost = new HashSet<>();
        for (KioskSummary kiosk : console.view().kiosks(KioskFilter.ALL)) {
            if (kiosk.condition() == KioskCondition.LOST) {
                lost.add(kiosk.id());
            }
        }
        return lost;
    }

    private long footfallReceived() {
        return console.statistics().messagesByKind().getOrDefault("footfall", 0L);
    }

    /** Polls {@code value} until it satisfies {@code done}, and returns it; fails with the last value seen. */
    private <T> T await(String what, Supplier<T> value, Predicate<T> done, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + patience.toSeconds() + " s for " + what + "; last seen: "
                        + describe(last) + "\nconsole: " + console.statistics());
            }
            Thread.sleep(100);
            last = value.get();
        }
        return last;
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }

    private <T extends AutoCloseable> T open(T closeable) {
        return opened.add(closeable);
    }

    /** The footfall figures the simulator's summary gives per kiosk. */
    private record KioskTotals(long checkIns, long entriesSensed, long measurements) {

        static KioskTotals of(FootfallCounts counts) {
            return new KioskTotals(counts.checkIns(), counts.entriesSensed(),
                    counts.measurementsByKind().values().stream().mapToLong(Long::longValue).sum());
        }

        KioskTotals plus(KioskTotals other) {
            return new KioskTotals(checkIns + other.checkIns, entriesSensed + other.entriesSensed,
                    measurements + other.measurements);
        }
    }
}
