package org.yizhan.launcher.fleetsim;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.yizhan.fleetsim.FleetSimulation;
import org.yizhan.fleetsim.Progress;
import org.yizhan.fleetsim.SimulationSettings;
import org.yizhan.fleetsim.SimulationSummary;
import org.yizhan.fleetsim.mqtt.HiveMqKioskConnector;
import org.yizhan.launcher.StopSignal;
import org.yizhan.protocol.ShortDuration;
import org.yizhan.provisioning.cli.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code yizhan fleet-sim}: simulated kiosks for testing the fleet console at scale ({@link FleetSimulation}), each
 * with its own MQTT connection and Last Will, publishing the real contract.
 *
 * <p><b>Output.</b> On stderr one line at the start, then a progress line every 10 s (connected kiosks, messages a
 * second over the last 10 s, failures, crashes, kills, and any new reason a connect failed). On stdout the
 * summary once the run ends (after {@code --duration}, or on Ctrl-C or SIGTERM): what was published, what failed, and
 * the exact footfall the broker acknowledged; {@code --summary FILE} writes it as JSON too.
 *
 * <p><b>Stopping.</b> At the end every kiosk publishes its offline state (reason {@code shutdown}) and disconnects
 * normally, so the broker sends no will; killed kiosks stay lost. A signal stops the run the same way and the JVM
 * exits once the summary is printed (status 130 after Ctrl-C).
 *
 * <p><b>Exit status.</b> 0 when the run ended and at least one kiosk connected; 1 when none ever did (the summary
 * says why) or the summary file could not be written; 2 for usage errors, each naming its option.
 */
@Command(name = "fleet-sim", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulates kiosks for the fleet console: each has its own MQTT connection and Last Will and"
                + " publishes state, birth, health, footfall and events as a kiosk does. Prints progress every 10 s"
                + " on stderr and, at the end (--duration, Ctrl-C), a summary of what was sent on stdout.",
        footer = {"", "Each kiosk is one TCP connection, so one open file here and one at the broker: this process's"
                + " open-file limit (ulimit -n) must exceed --kiosks, and so must the broker's (mosquitto: its own"
                + " ulimit -n, and max_connections when set); for 12600 kiosks, e.g. ulimit -n 20000 before both."
                + " Connects go out in waves of --connect-window, so the broker is not flooded.",
            "", "Exit status: 0 ok, 1 no kiosk connected (or the summary file was not written), 2 usage error."})
public final class FleetSimCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    /** How long a signal waits for the clean stop and the summary before the JVM exits anyway. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(120);
    /** Files the JVM itself keeps open beside the kiosks' sockets: jars, logs, the event loop's pipes. */
    private static final long FILES_BESIDE_KIOSKS = 200;

    private volatile StopSignal signal;

    @Spec
    private CommandSpec spec;

    @Option(names = "--broker", paramLabel = "URL", required = true,
            description = "The broker: tcp://HOST[:PORT] or ssl://HOST[:PORT] (the JDK's CAs are trusted).")
    private String broker;

    @Option(names = "--kiosks", paramLabel = "N", required = true,
            description = "How many kiosks, 1 to 100000.")
    private int kiosks;

    @Option(names = "--sites", paramLabel = "N",
            description = "Over how many sites (default: one per 10 kiosks); ids are PREFIX-001/kiosk-01 and so on.")
    private Integer sites;

    @Option(names = "--site-prefix", paramLabel = "PREFIX", defaultValue = "sim",
            description = "The sites' names start with it (default: ${DEFAULT-VALUE}).")
    private String sitePrefix;

    @Option(names = "--rate", paramLabel = "CHECKINS_PER_KIOSK_HOUR", defaultValue = "12",
            description = "Mean check-ins per kiosk and hour of bucket time (default: ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--health-interval", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Between two health messages of a kiosk, whole seconds (default: ${DEFAULT-VALUE}).")
    private Duration healthInterval;

    @Option(names = "--bucket-minutes", paramLabel = "N", defaultValue = "15",
            description = "Footfall bucket length, a divisor of 60 (default: ${DEFAULT-VALUE}).")
    private int bucketMinutes;

    @Option(names = "--bucket-every", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Close a bucket every DURATION of real time, so footfall shows within seconds; bucket"
                    + " starts then run ahead of the clock (default: buckets close on the clock's own boundaries).")
    private Duration bucketEvery;

    @Option(names = "--events-rate", paramLabel = "PER_KIOSK_HOUR", defaultValue = "1",
            description = "Occasional events (help button, rejected scans) per kiosk and hour (default: "
                    + "${DEFAULT-VALUE}).")
    private double eventsRate;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to run (default: until Ctrl-C).")
    private Duration duration;

    @Option(names = "--crash-rate", paramLabel = "PER_KIOSK_HOUR", defaultValue = "0",
            description = "Crashes per kiosk and hour: the connection is dropped without DISCONNECT (the broker"
                    + " sends the will) and made again after --crash-pause with a higher birth sequence (default: 0).")
    private double crashRate;

    @Option(names = "--crash-pause", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "How long a crashed kiosk stays away, ±20%% (default: ${DEFAULT-VALUE}).")
    private Duration crashPause;

    @Option(names = "--kill", paramLabel = "K", defaultValue = "0",
            description = "Kill K connected kiosks for good at --kill-after: dropped without DISCONNECT, never back.")
    private int kill;

    @Option(names = "--kill-after", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "When to kill them, after the start (default: ${DEFAULT-VALUE}).")
    private Duration killAfter;

    @Option(names = "--username", paramLabel = "USER",
            description = "The kiosks' broker user; {site} and {kiosk} in it become each kiosk's, e.g. {site}.{kiosk}.")
    private String username;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file holding the password (UTF-8, one line); {site} and {kiosk} in it are replaced too.")
    private Path passwordFile;

    @Option(names = "--seed", paramLabel = "S",
            description = "Repeats a run: the same kiosks and the same counts in each bucket (default: a random"
                    + " one, printed).")
    private Long seed;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Also write the summary as JSON to FILE, to compare with the console's totals.")
    private Path summaryFile;

    @Option(names = "--connect-window", paramLabel = "N", defaultValue = "200",
            description = "At most N connects in flight at once (default: ${DEFAULT-VALUE}).")
    private int connectWindow;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SimulationSettings settings = settings();
        HiveMqKioskConnector connector;
        try {
            connector = HiveMqKioskConnector.to(broker);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--broker: " + e.getMessage());
        }
        warnAboutOpenFiles(err, settings.kiosks());
        err.println("fleet-sim: " + settings.kiosks() + " kiosks at " + settings.sites()
                + (settings.sites() == 1 ? " site (" : " sites (") + sitePrefix + "-…) against " + broker + ", seed "
                + settings.seed() + "; health every "
                + ShortDuration.format(settings.healthInterval()) + "; " + settings.bucketMinutes() + "-minute buckets "
                + (settings.acceleratedBuckets() ? "every " + ShortDuration.format(settings.bucketEvery())
                        + " (accelerated)" : "on the clock")
                + (duration == null ? "; until Ctrl-C" : "; for " + ShortDuration.format(duration)));
        err.flush();

        // Registered before the start, so a Ctrl-C at any moment still ends with the clean stop and the summary.
        try (StopSignal stopSignal = StopSignal.install("fleet-sim-stop", STOP_WAIT)) {
            signal = stopSignal;
            FleetSimulation simulation = FleetSimulation.start(settings, connector);
            runUntilStopped(simulation, err);
            SimulationSummary summary = simulation.stop();
            summary.lines().forEach(out::println);
            out.flush();
            int exit = summary.everConnected() == 0 ? EXIT_FAILED : EXIT_OK;
            if (summaryFile != null) {
                try {
                    summary.write(summaryFile);
                } catch (IOException e) {
                    err.println("fleet-sim: cannot write the summary to " + summaryFile + ": " + e.getMessage());
                    exit = EXIT_FAILED;
                }
            }
            if (summary.everConnected() == 0) {
                err.println("fleet-sim: no kiosk connected to " + broker + "; the summary says why");
            }
            return exit;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Stops the run as a signal would; returns at once. */
    void stop() {
        StopSignal current = signal;
        if (current != null) {
            current.request();
        }
    }

    private void runUntilStopped(FleetSimulation simulation, PrintWriter err) throws InterruptedException {
        long start = System.nanoTime();
        long end = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        long nextProgress = start + PROGRESS_EVERY.toNanos();
        long publishedBefore = 0;
        long before = start;
        Set<String> reasonsShown = new HashSet<>();
        while (true) {
            long now = System.nanoTime();
            long wait = Math.min(end, nextProgress) - now;
            if (wait > 0 && signal.await(wait, TimeUnit.NANOSECONDS)) {
                return;
            }
            now = System.nanoTime();
            if (now - end >= 0) {
                return;
            }
            if (now - nextProgress >= 0) {
                Progress progress = simulation.progress();
                double perSecond = (progress.published() - publishedBefore) * 1e9 / (now - before);
                err.println(progressLine(progress, perSecond, reasonsShown));
                err.flush();
                publishedBefore = progress.published();
                before = now;
                nextProgress += PROGRESS_EVERY.toNanos();
            }
        }
    }

    private static String progressLine(Progress progress, double perSecond, Set<String> reasonsShown) {
        String newReasons = progress.connectFailures().keySet().stream().filter(reasonsShown::add)
                .collect(Collectors.joining("; "));
        return String.format("fleet-sim: %s connected %d/%d, %.1f messages/s (%d in all), %d publish failures, "
                        + "%d connect failures%s, %d crashes, %d killed",
                ShortDuration.format(progress.elapsed().withNanos(0)), progress.connected(), progress.kiosks(),
                perSecond, progress.published(), progress.publishFailures(), progress.connectFailuresInAll(),
                newReasons.isEmpty() ? "" : " (" + newReasons + ")", progress.crashes(), progress.killed());
    }

    private SimulationSettings settings() {
        SimulationSettings.Builder builder = SimulationSettings.builder(kiosks)
                .sitePrefix(sitePrefix)
                .checkInsPerKioskHour(rate)
                .healthInterval(healthInterval)
                .bucketMinutes(bucketMinutes)
                .bucketEvery(bucketEvery)
                .eventsPerKioskHour(eventsRate)
                .crashes(crashRate, crashPause)
                .kill(kill, killAfter)
                .credentials(username, readPassword())
                .seed(seed == null ? new SecureRandom().nextLong() : seed)
                .connectWindow(connectWindow);
        if (sites != null) {
            builder.sites(sites);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            // the settings name themselves as the options do, without the dashes
            throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
    }

    private String readPassword() {
        if (passwordFile == null) {
            return null;
        }
        try {
            // editors and echo add a final newline that is not part of the password
            return Files.readString(passwordFile, StandardCharsets.UTF_8).replaceFirst("\r?\n$", "");
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--password-file: cannot read " + passwordFile + ": "
                    + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
        }
    }

    /** Each kiosk holds a socket: warn before the run when this process may not open that many files. */
    private static void warnAboutOpenFiles(PrintWriter err, int kiosks) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            long limit = unix.getMaxFileDescriptorCount();
            if (kiosks + FILES_BESIDE_KIOSKS > limit) {
                err.println("fleet-sim: warning: this process may open " + limit + " files (ulimit -n) and needs one"
                        + " per kiosk; raise it to at least " + (kiosks + FILES_BESIDE_KIOSKS)
                        + " or some kiosks will not connect");
            }
        }
    }
}
