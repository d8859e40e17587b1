package org.yizhan.launcher.bench;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yizhan.fleetsim.SimulationSettings;
import org.yizhan.protocol.ShortDuration;
import org.yizhan.provisioning.cli.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code yizhan bench fleet [--kiosks 1000,5000,12600]}: the fleet console's ingest under N simulated kiosks on a
 * real mosquitto, one table row per N ({@link FleetBenchmark}): how long the kiosks took to be listed, messages a
 * second, status freshness (p50, p99, max) against the target of 2 s at p99, commit latency, the CPU of the
 * console, mosquitto and the kiosks, the console's memory, and whether its footfall equals what the kiosks sent.
 * Works in a fresh temporary directory, deleted afterwards.
 *
 * <p>Needs {@code mosquitto} installed, and an open-file limit ({@code ulimit -n}) above the largest N: every kiosk
 * is a socket in mosquitto and one in the kiosks' JVM, and both inherit this process's limit. Exit status: 0 when
 * every size ran, 1 when one could not (mosquitto missing, the limit too low, a process that failed), 2 for usage
 * errors.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the fleet console's back end against N simulated kiosks on a mosquitto of its own"
                + " (127.0.0.1) and prints, per N: time to list every kiosk, ingest rate, status freshness, commit"
                + " latency, CPU and memory, and whether the console's footfall equals what the kiosks sent.",
        footer = {"", "Needs mosquitto (apt-get install mosquitto) and ulimit -n above the largest N (e.g. ulimit -n"
                + " 20000 for 12600 kiosks) in the shell that runs it.",
            "", "Exit status: 0 every size ran, 1 one could not, 2 usage error."})
public final class FleetBenchCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    /** The console's target: a kiosk's status visible within 2 s of its message, at p99, for 12,600 kiosks. */
    static final Duration FRESHNESS_TARGET = Duration.ofSeconds(2);
    /** Files a process keeps open beside the kiosks' sockets: jars, logs, pipes, the database. */
    static final long FILES_BESIDE_KIOSKS = 200;
    /** The table's columns; times in milliseconds. */
    private static final String ROW = "%7s %10s %9s %8s  %-22s %-23s %10s  %-28s %12s  %s";

    static final String HEADER = String.format(ROW, "kiosks", "listed in", "not lost", "msg/s", "visible p50/p99/max",
            "end to end p50/p99/max", "commit p99", "CPU % console/mosquitto/sim", "heap/RSS MB", "footfall");

    @Spec
    private CommandSpec spec;

    @Option(names = "--kiosks", paramLabel = "N", split = ",", defaultValue = "1000,5000,12600",
            description = "Fleet sizes, one run each (default: ${DEFAULT-VALUE}).")
    private List<Integer> kiosks;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "After every kiosk is listed, before measuring (default: ${DEFAULT-VALUE}).")
    private Duration warmup;

    @Option(names = "--measure", paramLabel = "DURATION", defaultValue = "120s", converter = DurationConverter.class,
            description = "The measured window (default: ${DEFAULT-VALUE}).")
    private Duration measure;

    @Option(names = "--health-interval", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Between two health messages of a kiosk (default: ${DEFAULT-VALUE}, a kiosk's own).")
    private Duration healthInterval;

    @Option(names = "--bucket-every", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "Real time per 15-minute footfall bucket (default: ${DEFAULT-VALUE}). Every kiosk sends a"
                    + " closed bucket within 5 s, as at a quarter hour; 15m gives the real clock's rate, but a window"
                    + " may then hold no bucket at all.")
    private Duration bucketEvery;

    @Option(names = "--mosquitto", paramLabel = "PATH",
            description = "The mosquitto program (default: the installed one).")
    private Path mosquitto;

    @Option(names = "--max-queued", paramLabel = "N", defaultValue = "100000",
            description = "mosquitto's max_queued_messages (default: ${DEFAULT-VALUE}). Its own default, 1000,"
                    + " drops QoS 1 messages for the console when it falls that far behind, as at the kiosks' connect"
                    + " burst.")
    private int maxQueued;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "The simulation's seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        validate();
        Optional<Path> program = mosquitto != null ? Optional.of(mosquitto).filter(Files::isExecutable)
                : BenchMosquitto.installed();
        if (program.isEmpty()) {
            err.println("bench fleet: " + (mosquitto != null ? "no mosquitto program at " + mosquitto
                    : "mosquitto is not installed (apt-get install mosquitto); or give --mosquitto PATH"));
            return EXIT_FAILED;
        }
        int largest = Collections.max(kiosks);
        OptionalLong limit = openFileLimit();
        Optional<String> tooFew = limit.isPresent()
                ? openFilesProblem(largest, limit.getAsLong(), hardOpenFileLimit()) : Optional.empty();
        if (tooFew.isPresent()) {
            err.println("bench fleet: " + tooFew.get());
            return EXIT_FAILED;
        }
        // Read by logback when the first logger is made: the console's info lines would bury the figures.
        System.setProperty("yizhan.log.level", "WARN");

        int cores = Runtime.getRuntime().availableProcessors();
        out.printf("fleet console ingest: %s (%s), Java %s, %d cores, ulimit -n %s%n", BenchMosquitto.version(
                program.get()), program.get(), System.getProperty("java.version"), cores,
                limit.isPresent() ? Long.toString(limit.getAsLong()) : "unknown");
        out.printf("  per size: a fresh mosquitto on 127.0.0.1 (persistence on, max_queued_messages %d), the"
                + " console's back end in this JVM (SQLite, persistent session), the kiosks in a JVM of their own;%n"
                + "  health every %s, a 15-minute footfall bucket closing every %s; warm-up %s, window %s;%n"
                + "  times in ms, over every message of the window: visible, from the MQTT client's delivery to the"
                + " view showing it; end to end, from the kiosk making it; commit, QoS 1 messages from delivery to"
                + " their PUBACK after the commit;%n"
                + "  CPU: process CPU time over the window in %% of one core (%d cores: %d %% at most)%n",
                maxQueued, ShortDuration.format(healthInterval), ShortDuration.format(bucketEvery),
                ShortDuration.format(warmup), ShortDuration.format(measure), cores, 100 * cores);
        out.println(HEADER);
        out.flush();

        FleetBenchmark.Settings settings = new FleetBenchmark.Settings(program.get(), maxQueued, healthInterval,
                bucketEvery, warmup, measure, seed);
        Path work = Files.createTempDirectory("yizhan-bench-fleet");
        StringBuilder details = new StringBuilder();
        int exit = EXIT_OK;
        try {
            FleetBenchmark benchmark = new FleetBenchmark(settings, work, err);
            for (int n : kiosks) {
                FleetBenchmark.Result result;
                try {
                    result = benchmark.run(n);
                } catch (IllegalStateException | IOException e) {
                    err.println("bench fleet: " + n + " kiosks: " + e.getMessage());
                    exit = EXIT_FAILED;
                    break;
                }
                out.println(row(result));
                out.flush();
                details.append(details(result)).append('\n');
            }
            out.print(details);
            out.flush();
            return exit;
        } finally {
            deleteTree(work);
        }
    }

    /** One line of the table under {@link #HEADER}. */
    static String row(FleetBenchmark.Result result) {
        String visible = spread(result.visible());
        String endToEnd = spread(result.endToEnd().all());
        FleetBenchmark.CpuShares cpu = result.cpu();
        String shares = String.format("%s / %s / %s", percent(cpu.console()), percent(cpu.mosquitto()),
                percent(cpu.kiosks()));
        String memory = String.format("%d / %s", result.liveHeapBytes() / (1024 * 1024),
                result.residentKb() > 0 ? Long.toString(result.residentKb() / 1024) : "?");
        String listedIn = result.connectTime() == null ? "not all"
                : String.format("%.1f s", result.connectTime().toMillis() / 1000.0);
        return String.format(ROW, result.kiosks(), listedIn, result.notLost(),
                String.format("%.1f", result.messagesPerSecond()), visible, endToEnd,
                result.acknowledged() == null ? "-" : ms(result.acknowledged().p99()), shares, memory,
                result.footfall());
    }

    /** What the row leaves out: the rate by kind, the writer's queue, copies, mosquitto's drops, the target. */
    static String details(FleetBenchmark.Result result) {
        String rates = result.messages().entrySet().stream()
                .map(kind -> String.format("%s %.1f/s", kind.getKey(), result.perSecond(kind.getValue())))
                .collect(Collectors.joining(", "));
        String target = result.visible() == null ? "no visible p99"
                : String.format("visible p99 %.4fx of the %d s target", result.visible().p99()
                        / FRESHNESS_TARGET.toMillis(), FRESHNESS_TARGET.toSeconds());
        FleetBenchmark.EndToEnd endToEnd = result.endToEnd();
        return String.format("%7d kiosks: %s; listed %d; %s; end-to-end p99 health %s ms, QoS 1 %s ms; the"
                        + " console's own p99s (latest 4096 messages, worst poll): visible %s ms, committed %s ms;"
                        + " store queue at most %d; duplicates absorbed %d; mosquitto dropped messages: %s",
                result.kiosks(), rates.isEmpty() ? "no messages" : rates, result.listed(), target,
                endToEnd.qos0() == null ? "-" : ms(endToEnd.qos0().p99()),
                endToEnd.qos1() == null ? "-" : ms(endToEnd.qos1().p99()),
                ms(result.consoleVisible()), ms(result.consolePersisted()), result.queueDepthMax(),
                result.duplicates(), result.droppingSpells() == 0 ? "never" : "in " + result.droppingSpells()
                        + (result.droppingSpells() == 1 ? " spell" : " spells"));
    }

    /**
     * Why {@code kiosks} kiosks cannot run under an open-file limit of {@code limit} (mosquitto and the kiosks' JVM
     * inherit it); empty when they can.
     *
     * @param hard the hard limit, which a shell may raise its own to; empty when unknown
     */
    static Optional<String> openFilesProblem(int kiosks, long limit, OptionalLong hard) {
        long needed = kiosks + FILES_BESIDE_KIOSKS;
        if (limit >= needed) {
            return Optional.empty();
        }
        long suggested = (needed + 999) / 1000 * 1000;
        String raise = hard.isPresent() && hard.getAsLong() < needed
                ? "; the hard limit is " + hard.getAsLong() + ", so raise that first (as root, or in"
                        + " /etc/security/limits.conf)"
                : "";
        return Optional.of(kiosks + " kiosks need " + needed + " open files in mosquitto and in the kiosks' JVM,"
                + " which inherit this process's limit of " + limit + ": raise it in this shell (ulimit -n "
                + suggested + ") and run again" + raise);
    }

    private void validate() {
        for (int n : kiosks) {
            if (n < 1 || n > SimulationSettings.MAX_KIOSKS) {
                throw new ParameterException(spec.commandLine(), "--kiosks: each must be 1 to "
                        + SimulationSettings.MAX_KIOSKS + ", not " + n);
            }
        }
        if (maxQueued < 0) {
            throw new ParameterException(spec.commandLine(), "--max-queued: must be 0 (no limit) or more, not "
                    + maxQueued);
        }
        if (warmup.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--warmup: must not be negative");
        }
        if (measure.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new ParameterException(spec.commandLine(), "--measure: must be at least 10s, not "
                    + ShortDuration.format(measure));
        }
        if (healthInterval.toMillis() % 1000 != 0 || healthInterval.isZero() || healthInterval.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--health-interval: must be whole seconds, at least 1s");
        }
        if (bucketEvery.compareTo(Duration.ofSeconds(1)) < 0 || bucketEvery.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new ParameterException(spec.commandLine(), "--bucket-every: must be 1s to 15m, not "
                    + ShortDuration.format(bucketEvery));
        }
    }

    private static OptionalLong openFileLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            return OptionalLong.of(unix.getMaxFileDescriptorCount());
        }
        return OptionalLong.empty();
    }

    /** The hard limit from {@code /proc/self/limits}: "Max open files  SOFT  HARD  files". */
    private static OptionalLong hardOpenFileLimit() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/limits"))) {
            return lines.filter(line -> line.startsWith("Max open files"))
                    .map(line -> line.substring("Max open files".length()).trim().split("\\s+"))
                    .filter(fields -> fields.length >= 2 && fields[1].matches("\\d+"))
                    .mapToLong(fields -> Long.parseLong(fields[1]))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static String ms(Duration duration) {
        return ms(duration.toNanos() / 1e6);
    }

    private static String ms(double ms) {
        return ms < 10 ? String.format("%.2f", ms) : ms < 100 ? String.format("%.1f", ms) : String.format("%.0f", ms);
    }

    /** p50 / p99 / max in milliseconds. */
    private static String spread(Percentiles times) {
        return times == null ? "-" : ms(times.p50()) + " / " + ms(times.p99()) + " / " + ms(times.max());
    }

    private static String percent(double share) {
        return share < 0 ? "?" : String.format("%.1f", share);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
