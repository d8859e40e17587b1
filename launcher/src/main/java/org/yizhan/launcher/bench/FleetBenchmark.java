package org.yizhan.launcher.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.yizhan.fleet.FleetBackend;
import org.yizhan.fleet.FleetBackendSettings;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.ingest.IngestStatistics;
import org.yizhan.fleet.mqtt.PahoFleetConnection;
import org.yizhan.fleet.view.FleetOverview;
import org.yizhan.fleet.view.FleetView;
import org.yizhan.fleet.view.FootfallQuery;
import org.yizhan.fleet.view.FootfallRow;
import org.yizhan.fleetsim.SimulationSummary;
import org.yizhan.fleetsim.UnacknowledgedBucket;
import org.yizhan.protocol.ShortDuration;
import org.yizhan.protocol.footfall.FootfallCounts;

/**
 * One fleet size of {@code yizhan bench fleet}: a fresh mosquitto ({@link BenchMosquitto}), the console's back end
 * in this JVM (SQLite in a temporary directory, the persistent session {@code yizhan fleet} uses), and N simulated
 * kiosks in a JVM of their own ({@code yizhan fleet-sim}), so that this JVM's CPU time is the console's alone.
 *
 * <p><b>Phases.</b> Connect: from starting the kiosks' JVM until the console lists all N kiosks. Warm-up: every
 * kiosk's health settles into its interval. The window: counts and CPU times are read at its start and end, every
 * message is timed ({@link IngestTimer}), and the console's own figures (over its latest 4,096 messages) are polled
 * every 2 s, with the depth of its store's queue. Then the kiosks stop cleanly (SIGTERM) and the console's footfall
 * is compared, kiosk by kiosk, with what the simulator says mosquitto acknowledged.
 *
 * <p>Every process it starts is stopped through its handle, also when a phase fails.
 */
final class FleetBenchmark {

    private static final Duration CONSOLE_PATIENCE = Duration.ofSeconds(30);
    private static final Duration CONNECT_PATIENCE = Duration.ofMinutes(10);
    /** The kiosks' clean stop: their outboxes drain (10 s at most), then every one says goodbye. */
    private static final Duration STOP_PATIENCE = Duration.ofMinutes(3);
    private static final Duration CATCH_UP_PATIENCE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /**
     * How every fleet size is run.
     *
     * @param mosquitto      the program
     * @param maxQueued      mosquitto's {@code max_queued_messages}
     * @param healthInterval between two health messages of a kiosk
     * @param bucketEvery    the real time one 15-minute footfall bucket takes
     * @param warmup         after all kiosks are listed, before the window
     * @param window         the measured time
     * @param seed           the simulation's
     */
    record Settings(Path mosquitto, int maxQueued, Duration healthInterval, Duration bucketEvery, Duration warmup,
            Duration window, long seed) {
    }

    /**
     * CPU time over the window as a share of one core, in percent (200 is both cores of a 2-core machine); -1 when
     * the system does not say.
     */
    record CpuShares(double console, double mosquitto, double kiosks) {
    }

    /**
     * What one fleet size measured.
     *
     * @param kiosks          simulated kiosks
     * @param connectTime     from starting the kiosks until the console listed them all; null when it never did
     * @param listed          kiosks the console knew at the end of the window
     * @param notLost         of those, how many were online or degraded then
     * @param window          the window's real length
     * @param messages        messages the console received in the window, by topic kind
     * @param visible         from the client library's delivery to the view answering with the message, for every
     *                        message of the window; null when none arrived
     * @param endToEnd        from the kiosk making the message to the view answering with it: every message of
     *                        the window, then QoS 0 (health) and QoS 1 (the rest) apart; null when none arrived
     * @param acknowledged    from delivery to the PUBACK after the commit, for every QoS 1 message of the window;
     *                        null when none arrived
     * @param consoleVisible  the console's own visible p99 (its latest 4,096 messages), the highest polled
     * @param consolePersisted the console's own delivery-to-commit p99 (all kinds), the highest polled
     * @param cpu             CPU time of the three processes over the window
     * @param liveHeapBytes   this JVM's heap in use after a full collection at the window's end
     * @param residentKb      this JVM's resident memory at the window's end (0 when unknown)
     * @param queueDepthMax   the most items seen waiting for the console's store writer
     * @param duplicates      footfall and events the console absorbed as copies, over the whole run
     * @param droppingSpells  spells in which mosquitto dropped messages for a full queue, over the whole run
     * @param footfall        "exact" when every kiosk's footfall equals the simulator's, or what differs
     */
    record Result(int kiosks, Duration connectTime, int listed, int notLost, Duration window,
            Map<String, Long> messages, Percentiles visible, EndToEnd endToEnd, Percentiles acknowledged,
            Duration consoleVisible,
            Duration consolePersisted, CpuShares cpu,
            long liveHeapBytes, long residentKb, int queueDepthMax, long duplicates, long droppingSpells,
            String footfall) {

        double perSecond(long count) {
            return count * 1e9 / window.toNanos();
        }

        double messagesPerSecond() {
            return perSecond(messages.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    /** End-to-end figures: all messages, QoS 0, QoS 1; each null when there were none. */
    record EndToEnd(Percentiles all, Percentiles qos0, Percentiles qos1) {
    }

    private final Settings settings;
    private final Path work;
    private final PrintWriter progress;

    /** @param progress where each phase is announced (stderr), so a long run shows where it is */
    FleetBenchmark(Settings settings, Path work, PrintWriter progress) {
        this.settings = settings;
        this.work = work;
        this.progress = progress;
    }

    Result run(int kiosks) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve(kiosks + "-kiosks"));
        List<Runnable> stops = Collections.synchronizedList(new ArrayList<>());
        // a Ctrl-C of the bench alone must not leave mosquitto or the kiosks' JVM behind
        Thread hook = new Thread(() -> List.copyOf(stops).forEach(Runnable::run), "bench-fleet-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (BenchMosquitto mosquitto = BenchMosquitto.start(settings.mosquitto(), dir.resolve("mosquitto"),
                settings.maxQueued())) {
            stops.add(() -> mosquitto.handle().destroy());
            FleetConnectionSettings broker = FleetConnectionSettings.anonymous(mosquitto.url(), "yizhan-bench-console")
                    .withPersistentSession(FleetConnectionSettings.DEFAULT_SESSION_EXPIRY);
            IngestTimer timer = new IngestTimer(PahoFleetConnection::connect);
            try (FleetBackend console = FleetBackend.start(FleetBackendSettings.of(broker, dir.resolve("console")),
                    timer)) {
                awaitSubscribed(console);
                Path summaryFile = dir.resolve("fleet-sim-summary.json");
                Process sim = startKiosks(kiosks, mosquitto.url(), dir, summaryFile);
                stops.add(() -> sim.destroyForcibly());
                try {
                    return measure(kiosks, console, timer, mosquitto, sim, dir, summaryFile);
                } finally {
                    sim.destroyForcibly();
                }
            }
        } finally {
            removeHook(hook);
        }
    }

    private Result measure(int kiosks, FleetBackend console, IngestTimer timer, BenchMosquitto mosquitto,
            Process sim, Path dir, Path summaryFile) throws IOException, InterruptedException {
        long started = System.nanoTime();
        say("%d kiosks: connecting", kiosks);
        Duration connectTime = awaitListed(kiosks, console, sim, dir, started);
        say("%d kiosks: %s; warming up for %s", kiosks, connectTime == null
                ? "only " + console.statistics().kiosks() + " listed after " + ShortDuration.format(CONNECT_PATIENCE)
                : "all listed after " + seconds(connectTime), ShortDuration.format(settings.warmup()));
        sleepWhileAlive(sim, dir, settings.warmup());

        say("%d kiosks: measuring for %s", kiosks, ShortDuration.format(settings.window()));
        IngestStatistics first = console.statistics();
        Duration consoleCpu0 = cpu(ProcessHandle.current());
        Duration mosquittoCpu0 = cpu(mosquitto.handle());
        Duration simCpu0 = cpu(sim.toHandle());
        long windowStart = System.nanoTime();
        timer.record(true);
        long windowEnd = windowStart + settings.window().toNanos();
        Duration consoleVisible = Duration.ZERO;
        Duration consolePersisted = Duration.ZERO;
        int queueDepthMax = 0;
        IngestStatistics last = first;
        while (System.nanoTime() - windowEnd < 0) {
            sleepWhileAlive(sim, dir, Duration.ofNanos(Math.min(POLL.toNanos(), windowEnd - System.nanoTime())));
            last = console.statistics();
            consoleVisible = longer(consoleVisible, last.visible().p99());
            consolePersisted = longer(consolePersisted, last.persisted().p99());
            queueDepthMax = Math.max(queueDepthMax, last.queueDepth());
        }
        timer.record(false);
        Duration window = Duration.ofNanos(System.nanoTime() - windowStart);
        CpuShares cpu = new CpuShares(share(consoleCpu0, cpu(ProcessHandle.current()), window),
                share(mosquittoCpu0, cpu(mosquitto.handle()), window), share(simCpu0, cpu(sim.toHandle()), window));
        Map<String, Long> messages = new LinkedHashMap<>();
        for (Map.Entry<String, Long> kind : last.messagesByKind().entrySet()) {
            long count = kind.getValue() - first.messagesByKind().getOrDefault(kind.getKey(), 0L);
            if (count > 0) {
                messages.put(kind.getKey(), count);
            }
        }
        FleetOverview overview = console.view().overview();
        System.gc();
        long liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long resident = ColdStartBenchmark.residentKb(ProcessHandle.current().pid());

        say("%d kiosks: stopping them", kiosks);
        SimulationSummary summary = stopKiosks(sim, dir, summaryFile);
        String footfall = awaitFootfall(console.view(), summary);
        IngestStatistics end = console.statistics();
        return new Result(kiosks, connectTime, overview.total(), overview.online() + overview.degraded(), window,
                messages, percentiles(timer.visible()), endToEnd(timer), percentiles(timer.acknowledged()),
                consoleVisible, consolePersisted, cpu, liveHeap, resident, queueDepthMax, end.duplicatesAbsorbed(),
                mosquitto.droppingSpells(), footfall);
    }

    private Process startKiosks(int kiosks, String url, Path dir, Path summaryFile) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.yizhan.launcher.Yizhan", "fleet-sim",
                "--broker", url, "--kiosks", Integer.toString(kiosks), "--site-prefix", "bench",
                "--health-interval", ShortDuration.format(settings.healthInterval()),
                "--bucket-every", ShortDuration.format(settings.bucketEvery()),
                "--seed", Long.toString(settings.seed()), "--summary", summaryFile.toString());
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve("fleet-sim.out").toFile())
                .redirectError(dir.resolve("fleet-sim.err").toFile())
                .start();
    }

    private static void awaitSubscribed(FleetBackend console) throws InterruptedException {
        long deadline = System.nanoTime() + CONSOLE_PATIENCE.toNanos();
        while (!console.statistics().connected()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the console did not subscribe within "
                        + ShortDuration.format(CONSOLE_PATIENCE));
            }
            Thread.sleep(50);
        }
    }

    /** The time until the console listed every kiosk, or null when it did not within the patience. */
    private static Duration awaitListed(int kiosks, FleetBackend console, Process sim, Path dir, long started)
            throws InterruptedException {
        long deadline = started + CONNECT_PATIENCE.toNanos();
        while (console.statistics().kiosks() < kiosks) {
            if (System.nanoTime() - deadline > 0) {
                return null;
            }
            requireAlive(sim, dir);
            Thread.sleep(100);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static SimulationSummary stopKiosks(Process sim, Path dir, Path summaryFile)
            throws IOException, InterruptedException {
        requireAlive(sim, dir);
        sim.destroy();
        if (!sim.waitFor(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            sim.destroyForcibly();
            throw new IllegalStateException("the simulated kiosks did not stop within "
                    + ShortDuration.format(STOP_PATIENCE) + "; their log: " + tail(dir.resolve("fleet-sim.err")));
        }
        if (!Files.exists(summaryFile)) {
            throw new IllegalStateException("the simulated kiosks wrote no summary (exit " + sim.exitValue()
                    + "); their log: " + tail(dir.resolve("fleet-sim.err")));
        }
        return SimulationSummary.read(summaryFile);
    }

    /** Waits until the console's footfall equals the simulator's, kiosk by kiosk; says how it compares. */
    private static String awaitFootfall(FleetView view, SimulationSummary summary) throws InterruptedException {
        SimulationSummary.FootfallSent footfall = summary.footfall();
        if (!footfall.firstBucketStart().isBefore(footfall.bucketsEnd())) {
            return "no bucket closed";
        }
        Set<String> uncertain = new TreeSet<>();
        for (UnacknowledgedBucket bucket : footfall.unacknowledged()) {
            if (!bucket.reason().startsWith("never sent")) {
                uncertain.add(bucket.kiosk());
            }
        }
        Map<String, FootfallFigures> sent = new TreeMap<>();
        for (SimulationSummary.KioskFootfall kiosk : footfall.byKiosk()) {
            if (!uncertain.contains(kiosk.kiosk())) {
                sent.put(kiosk.kiosk(), new FootfallFigures(kiosk.checkIns(), kiosk.entriesSensed(),
                        kiosk.measurements()));
            }
        }
        long deadline = System.nanoTime() + CATCH_UP_PATIENCE.toNanos();
        while (true) {
            Map<String, FootfallFigures> counted = counted(view, footfall, sent.keySet());
            if (counted.equals(sent)) {
                return "exact" + (uncertain.isEmpty() ? "" : " (" + uncertain.size() + " kiosks with a bucket in"
                        + " flight at the stop left out)");
            }
            if (System.nanoTime() - deadline > 0) {
                long differ = sent.keySet().stream().filter(k -> !sent.get(k).equals(counted.get(k))).count();
                long sentCheckIns = sent.values().stream().mapToLong(FootfallFigures::checkIns).sum();
                long countedCheckIns = counted.values().stream().mapToLong(FootfallFigures::checkIns).sum();
                return "DIFFERS for " + differ + " kiosks (check-ins sent " + sentCheckIns + ", counted "
                        + countedCheckIns + ")";
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static Map<String, FootfallFigures> counted(FleetView view, SimulationSummary.FootfallSent footfall,
            Set<String> kiosks) {
        List<FootfallRow> rows = view.footfall(new FootfallQuery(null, null, footfall.firstBucketStart(),
                footfall.bucketsEnd(), FootfallQuery.Period.DAY, ZONE));
        Map<String, FootfallFigures> counted = new TreeMap<>();
        for (FootfallRow row : rows) {
            String kiosk = row.kiosk().toString();
            if (kiosks.contains(kiosk)) {
                counted.merge(kiosk, FootfallFigures.of(row.counts()), FootfallFigures::plus);
            }
        }
        return counted;
    }

    private static void sleepWhileAlive(Process sim, Path dir, Duration time) throws InterruptedException {
        long end = System.nanoTime() + time.toNanos();
        for (long left = time.toNanos(); left > 0; left = end - System.nanoTime()) {
            requireAlive(sim, dir);
            Thread.sleep(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 1000)));
        }
    }

    private static void requireAlive(Process sim, Path dir) {
        if (!sim.isAlive()) {
            throw new IllegalStateException("the simulated kiosks ended early (exit " + sim.exitValue()
                    + "); their log: " + tail(dir.resolve("fleet-sim.err")));
        }
    }

    private void say(String format, Object... arguments) {
        progress.println("bench fleet: " + String.format(format, arguments));
        progress.flush();
    }

    private static EndToEnd endToEnd(IngestTimer timer) {
        long[] qos0 = timer.endToEnd(0);
        long[] qos1 = timer.endToEnd(1);
        long[] all = Arrays.copyOf(qos0, qos0.length + qos1.length);
        System.arraycopy(qos1, 0, all, qos0.length, qos1.length);
        return new EndToEnd(percentiles(all), percentiles(qos0), percentiles(qos1));
    }

    private static Percentiles percentiles(long[] nanos) {
        return nanos.length == 0 ? null : Percentiles.ofNanos(nanos);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(null);
    }

    private static double share(Duration before, Duration after, Duration window) {
        if (before == null || after == null) {
            return -1;
        }
        return 100.0 * after.minus(before).toNanos() / window.toNanos();
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(none: " + e.getMessage() + ")";
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it stops what is left
        }
    }

    /** The footfall figures the simulator's summary gives per kiosk. */
    private record FootfallFigures(long checkIns, long entriesSensed, long measurements) {

        static FootfallFigures of(FootfallCounts counts) {
            return new FootfallFigures(counts.checkIns(), counts.entriesSensed(),
                    counts.measurementsByKind().values().stream().mapToLong(Long::longValue).sum());
        }

        FootfallFigures plus(FootfallFigures other) {
            return new FootfallFigures(checkIns + other.checkIns, entriesSensed + other.entriesSensed,
                    measurements + other.measurements);
        }
    }
}
