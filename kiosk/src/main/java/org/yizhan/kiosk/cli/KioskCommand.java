package org.yizhan.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Callable;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.config.KioskConfig;
import org.yizhan.kiosk.config.KioskConfigException;
import org.yizhan.kiosk.config.KioskConfigFile;
import org.yizhan.kiosk.devices.DeviceMode;
import org.yizhan.kiosk.enrolment.KioskEnrolment;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.headless.HeadlessEnrolment;
import org.yizhan.kiosk.headless.HeadlessKiosk;
import org.yizhan.kiosk.systemd.SystemdNotifier;
import org.yizhan.kiosk.ui.Display;
import org.yizhan.kiosk.ui.KioskWindow;
import org.yizhan.kiosk.visitlog.SqliteVisitLog;
import org.yizhan.kiosk.visitlog.VisitLog;
import org.yizhan.kiosk.visitlog.VisitStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yizhan kiosk}: runs the kiosk in its window or headless, and reports on its visit log. */
@Command(name = "kiosk", mixinStandardHelpOptions = true, subcommands = KioskCommand.Stats.class,
        description = {"Runs the kiosk in its touchscreen window, or headless from stdin.",
            "With --headless: commands on stdin, one JSON event per line on stdout (docs/headless.md)."})
public final class KioskCommand implements Callable<Integer> {

    /**
     * The exit status after the fleet's {@code restart} command (EX_TEMPFAIL): the kiosk ended on purpose and
     * wants to be started again, which systemd's {@code Restart=always} does.
     */
    public static final int RESTART_EXIT_STATUS = 75;

    @Spec
    private CommandSpec spec;

    @Mixin
    private Location location;

    @Option(names = "--headless", description = "No window: commands on stdin, one JSON event per line on stdout.")
    private boolean headless;

    @Option(names = "--simulate", description = "Simulated twins of every peripheral instead of the real ones"
            + " (the headless ble, gpio, unplug and plug commands drive them).")
    private boolean simulate;

    @Option(names = "--fleet-keys", paramLabel = "FILE",
            description = "The fleet's trusted-command-keys.jwks a blank kiosk checks its enrolment code with;"
                    + " default: beside the --config file.")
    private Path fleetKeys;

    @Override
    public Integer call() throws Exception {
        if (!headless && !Display.available()) {
            spec.commandLine().getErr().println("kiosk: no display to open the window on; use --headless");
            return 2;
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (KioskEnrolment.needed(location.configFile)) {
            KioskEnrolment enrolment;
            try {
                enrolment = new KioskEnrolment(location.configFile,
                        fleetKeys != null ? fleetKeys : KioskEnrolment.defaultFleetKeys(location.configFile),
                        Clock.systemUTC());
            } catch (IllegalStateException e) {
                throw new KioskConfigException(e.getMessage());
            }
            boolean enrolled = headless ? new HeadlessEnrolment(enrolment, out).run(in).isPresent()
                    : KioskWindow.enrol(enrolment).isPresent();
            if (!enrolled) {
                return 0;
            }
        }
        KioskConfig config = location.config();
        try (KioskAssembly kiosk = KioskAssembly.create(config,
                simulate ? DeviceMode.SIMULATED : DeviceMode.REAL, Clock.systemUTC())) {
            // On a thread of its own: the request arrives on the telemetry's threads, which closing stops.
            Optional<SystemdNotifier> systemd = SystemdNotifier.fromEnvironment(System.getenv());
            kiosk.restartRequested().thenRunAsync(() -> {
                systemd.ifPresent(SystemdNotifier::stopping);
                kiosk.close();
                System.exit(RESTART_EXIT_STATUS);
            }, task -> new Thread(task, "restart").start());
            // Ready once the kiosk runs; the pings come from its own thread, so a stuck kiosk stops them.
            AtomicBoolean notified = new AtomicBoolean();
            systemd.ifPresent(notifier -> kiosk.subscribe(event -> {
                if (event instanceof KioskEvent.Ready && notified.compareAndSet(false, true)) {
                    notifier.ready();
                    kiosk.heartbeat(notifier.watchdogInterval(), notifier::watchdog);
                }
            }));
            try {
                if (headless) {
                    new HeadlessKiosk(kiosk, out).run(in);
                    return 0;
                }
                return KioskWindow.run(kiosk);
            } finally {
                systemd.ifPresent(SystemdNotifier::stopping);
            }
        }
    }

    /** Where the kiosk keeps its data and how it is configured; shared by the kiosk's commands. */
    static final class Location {

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "var",
                description = "Data directory: visit log, demo site keys (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--config", paramLabel = "FILE", description = "Kiosk configuration file (key = value).")
        Path configFile;

        KioskConfig config() {
            return KioskConfigFile.load(configFile, dataDir.toAbsolutePath().normalize());
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Prints visit counts as JSON: total, today, by category, by purpose.")
    static final class Stats implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private Location location;

        @Override
        public Integer call() throws Exception {
            KioskConfig config = location.config();
            Path db = config.visitLogFile();
            if (!Files.exists(db)) {
                spec.commandLine().getErr().println("stats: no visit log at " + db + "; has a kiosk run with --data "
                        + location.dataDir + "?");
                return 1;
            }
            VisitStats stats;
            try (VisitLog log = SqliteVisitLog.open(db)) {
                stats = log.stats(Clock.systemUTC().instant(), config.zone());
            }
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
            spec.commandLine().getOut().println(json.writeValueAsString(stats));
            return 0;
        }
    }
}
