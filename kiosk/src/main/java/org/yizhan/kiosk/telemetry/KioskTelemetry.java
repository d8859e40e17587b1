package org.yizhan.kiosk.telemetry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.system.SystemProbe;
import org.yizhan.devices.system.SystemProblem;
import org.yizhan.devices.system.SystemReport;
import org.yizhan.kiosk.checkin.CheckInOutcome;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.telemetry.mqtt.PahoMqttTransport;
import org.yizhan.kiosk.telemetry.outbox.OutboxPublisher;
import org.yizhan.kiosk.telemetry.outbox.PublisherOptions;
import org.yizhan.kiosk.telemetry.outbox.SqliteOutbox;
import org.yizhan.kiosk.visitlog.SqliteVisitLog;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.birth.DeviceInfo;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.command.CommandVerifier;
import org.yizhan.protocol.command.TrustedCommandKeys;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.homeassistant.DiscoveryMessage;
import org.yizhan.protocol.homeassistant.HomeAssistantDiscovery;
import org.yizhan.protocol.message.DeviceState;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.TopicKind;
import org.yizhan.protocol.topic.Topics;

/**
 * Everything the kiosk tells the fleet, and the fleet's commands: the broker connection ({@link MqttTransport}),
 * the outbox and its publisher, {@code health} every interval, {@code events} for device changes, system
 * problems and the help button, footfall for entries and measurements (visits are counted by the visit log
 * itself), and Home Assistant discovery when configured. See docs/mqtt.md for the contract.
 *
 * <p><b>The kiosk never waits for it.</b> Kiosk events are handed to the telemetry's own thread
 * ({@code telemetry}); what must survive a power cut is written to the outbox there, and the publisher and the
 * transport have threads of their own. A check-in is durable (and counted) before its event reaches this
 * class, whether or not a broker is reachable.
 *
 * <p><b>Reported back</b> through {@link TelemetryHost#report}: {@link KioskEvent.BrokerConnection} when the
 * connection comes up or goes down (once per change; the first failed attempt counts as down),
 * {@link KioskEvent.OutboxPending} when the number of waiting messages changed (checked every second), {@link KioskEvent.CommandAnswered} for every command.
 *
 * <p>Threading: every public method may be called from any thread.
 */
public final class KioskTelemetry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KioskTelemetry.class);
    private static final Duration PENDING_CHECK = Duration.ofSeconds(1);
    /** The event kind that records a "delete my data", without saying whose. */
    static final String HEALTH_DATA_DELETED = "health-data-deleted";
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(45);

    private final TelemetryConfig config;
    private final KioskId kiosk;
    private final Topics topics;
    private final String siteName;
    private final ZoneId zone;
    private final Clock clock;
    private final TelemetryHost host;
    private final String appVersion;
    private final Platform platform;
    private final SqliteVisitLog visitLog;
    private final SqliteOutbox outbox;
    private final SqliteTelemetryState state;
    private final OutboxPublisher publisher;
    private final MqttTransport transport;
    private final RecentLogLines logLines;
    private final FleetCommands commands;
    private final PayloadCodec codec = new PayloadCodec();
    private final ScheduledThreadPoolExecutor thread;

    // Written on the telemetry thread; also read by the transport's thread for the birth.
    private volatile Duration healthInterval;
    private volatile Instant startedAt;

    // Confined to the telemetry thread.
    private ScheduledFuture<?> healthTask;
    private Instant lastCheckIn;
    private long lastPending = -1;
    private Boolean reportedConnected;
    private final Map<String, DeviceState> deviceStates = new HashMap<>();
    private final Set<SystemProblem.Kind> systemProblems = EnumSet.noneOf(SystemProblem.Kind.class);

    /**
     * Telemetry to the configured broker over MQTT ({@link PahoMqttTransport}); call {@link #start} once the
     * kiosk is running.
     *
     * @throws IllegalArgumentException when the configuration sets no broker, or a file it names (password,
     *                                  TLS, command keys) cannot be used; the message names the key
     */
    public static KioskTelemetry create(TelemetryConfig config, KioskId kiosk, String siteName, ZoneId zone,
            String appVersion, SqliteVisitLog visitLog, Clock clock, TelemetryHost host) {
        MqttConfig broker = config.broker().orElseThrow(
                () -> new IllegalArgumentException("mqtt.url: no broker configured, so there is no telemetry"));
        return new KioskTelemetry(config, kiosk, siteName, zone, appVersion, visitLog, clock, host,
                PublisherOptions.DEFAULT, Platform.current(), birth -> new PahoMqttTransport(broker, kiosk, birth));
    }

    KioskTelemetry(TelemetryConfig config, KioskId kiosk, String siteName, ZoneId zone, String appVersion,
            SqliteVisitLog visitLog, Clock clock, TelemetryHost host, PublisherOptions publishing, Platform platform,
            Function<KioskBirth, MqttTransport> transports) {
        this.config = Objects.requireNonNull(config, "config");
        this.kiosk = Objects.requireNonNull(kiosk, "kiosk");
        this.topics = Topics.of(kiosk);
        this.siteName = siteName;
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.host = Objects.requireNonNull(host, "host");
        this.appVersion = appVersion == null ? "development" : appVersion;
        this.platform = Objects.requireNonNull(platform, "platform");
        this.healthInterval = config.healthInterval();
        TrustedCommandKeys keys = commandKeys(config.commandKeys());
        this.visitLog = visitLog;
        this.outbox = SqliteOutbox.on(visitLog, clock, config.outboxLimits());
        this.state = new SqliteTelemetryState(visitLog, clock);
        this.transport = transports.apply(new Announcement());
        this.publisher = new OutboxPublisher(outbox, transport::publish, kiosk, clock, publishing);
        this.logLines = RecentLogLines.attach();
        this.commands = new FleetCommands(new CommandVerifier(keys, kiosk, state), transport, outbox, host,
                this::healthNow, logLines, clock);
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "telemetry");
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Records that the kiosk started, and starts connecting, publishing health and draining the outbox.
     * Call once the kiosk's devices have reported their first states.
     */
    public void start() {
        // Outbox rows keep milliseconds; a finer start would make what was made in its millisecond look older.
        startedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        onThread(() -> {
            host.deviceStatuses().forEach(s -> deviceStates.put(s.device(), HealthMessages.state(s)));
            // Remembered from before a restart, so health does not say "never" beside today's count.
            visitLog.latestVisitAt().ifPresent(at -> lastCheckIn = at);
            outbox.enqueue(envelope -> new Event(envelope, Event.APP_STARTED, Severity.INFO,
                    "Yizhan " + appVersion + " started", null, Map.of("version", appVersion)));
            scheduleHealth();
            thread.scheduleWithFixedDelay(this::checkPending, 0, PENDING_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        });
        transport.subscribeCommands(command -> onThread(() -> commands.handle(command)));
        transport.addConnectionListener(event -> onThread(() -> connectionChanged(event)));
        transport.start();
        publisher.start();
    }

    /** Takes a kiosk event; returns at once. */
    public void onKioskEvent(KioskEvent event) {
        if (event instanceof KioskEvent.CheckedIn checkedIn
                && checkedIn.outcome() instanceof CheckInOutcome.Accepted accepted) {
            Instant at = accepted.visit().at();
            onThread(() -> lastCheckIn = at);
        } else if (event instanceof KioskEvent.EntrySensed entry) {
            onThread(() -> outbox.countEntry(entry.at()));
        } else if (event instanceof KioskEvent.HelpRequested help) {
            onThread(() -> queue(Event.HELP_BUTTON, help.longPress() ? Severity.ERROR : Severity.WARNING,
                    help.longPress() ? "help button held: someone needs help urgently" : "help button pressed",
                    "help", Map.of("press", help.longPress() ? "long" : "short")));
        } else if (event instanceof KioskEvent.HealthAlert alert) {
            // For the staff on duty: what and how bad, never who.
            onThread(() -> queue(alert.kind(), Severity.ERROR,
                    "crisis blood pressure reading (" + alert.category() + "): someone at the kiosk needs care now",
                    null, alert.category() == null ? Map.of() : Map.of("grade", alert.category())));
        } else if (event instanceof KioskEvent.HealthDataDeleted deleted) {
            onThread(() -> queue(HEALTH_DATA_DELETED, Severity.INFO,
                    "a resident deleted their health data (" + deleted.readings() + " readings)", null,
                    Map.of("readings", deleted.readings())));
        } else if (event instanceof KioskEvent.DeviceChanged changed) {
            onThread(() -> {
                deviceChanged(changed.status());
                if (changed.status().device().equals(SystemProbe.DEVICE)) {
                    // The probe reports a new problem on the board at once; no need to wait for the next health.
                    host.systemReport().ifPresent(this::systemChanged);
                }
            });
        }
    }

    /**
     * Closes the current footfall bucket now and sends what waits (the headless {@code flush}). Completes when
     * the publisher has tried, with the number of messages still waiting, which the caller reports: no
     * {@link KioskEvent.OutboxPending} follows for it.
     */
    public CompletableFuture<Long> flush() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        onThread(() -> {
            try {
                outbox.closeCurrentBucket();
                publisher.drain().get(FLUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                log.warn("flush: the outbox was not drained: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // The caller reports the count (the headless flush prints it before its next command), so the
            // periodic check need not report it again.
            try {
                lastPending = outbox.depth().rows();
            } catch (RuntimeException e) {
                log.debug("outbox depth not read: {}", e.toString());
            }
            done.complete(lastPending);
        });
        return done;
    }

    /** Publishes health every {@code interval} from now on (the {@code telemetry.health-interval} setting). */
    public void changeHealthInterval(Duration interval) {
        onThread(() -> {
            healthInterval = interval;
            scheduleHealth();
        });
    }

    /** Whether the broker connection is up. */
    public boolean connected() {
        return transport.connected();
    }

    /** Publishes the offline state (a clean goodbye: the broker drops the will) and stops. */
    @Override
    public void close() {
        thread.shutdownNow();
        publisher.close();
        transport.close();
        logLines.close();
    }

    // ---- on the telemetry thread from here on ----

    private void connectionChanged(ConnectionEvent event) {
        if (event instanceof ConnectionEvent.Connected connected) {
            // Only a first attempt that succeeded spares what was made while connecting from "replayed".
            publisher.connected(reportedConnected == null ? startedAt : clock.instant());
            reportConnection(true, connected.broker());
            announceToHomeAssistant();
            publishHealth();
        } else if (event instanceof ConnectionEvent.Disconnected disconnected) {
            publisher.disconnected();
            reportConnection(false, disconnected.reason());
        } else if (event instanceof ConnectionEvent.AttemptFailed failed) {
            reportConnection(false, failed.reason());
        }
    }

    private void reportConnection(boolean connected, String detail) {
        if (reportedConnected == null || reportedConnected != connected) {
            reportedConnected = connected;
            host.report(new KioskEvent.BrokerConnection(connected, detail));
        }
    }

    private void scheduleHealth() {
        if (healthTask != null) {
            healthTask.cancel(false);
        }
        long every = healthInterval.toMillis();
        healthTask = thread.scheduleAtFixedRate(this::publishHealth, every, every, TimeUnit.MILLISECONDS);
    }

    private void publishHealth() {
        try {
            Health health = healthNow();
            host.systemReport().ifPresent(this::systemChanged);
            if (transport.connected()) {
                transport.publish(topics.health().toString(), codec.encode(health), TopicKind.HEALTH.qos(),
                        TopicKind.HEALTH.retained());
            }
        } catch (RuntimeException e) {
            // The next interval tries again; one missed health is what the fleet's two-interval rule allows for.
            log.warn("health not published: {}", e.toString());
        }
    }

    private Health healthNow() {
        SystemReport report = host.systemReport().orElse(null);
        return HealthMessages.health(outbox.nextEnvelope(), healthInterval, report == null ? null : report.health(),
                host.deviceStatuses(), outbox.depth(), lastCheckIn, host.checkInsToday());
    }

    private void checkPending() {
        try {
            long pending = outbox.depth().rows();
            if (pending != lastPending) {
                lastPending = pending;
                host.report(new KioskEvent.OutboxPending(pending));
            }
        } catch (RuntimeException e) {
            log.debug("outbox depth not read: {}", e.toString());
        }
    }

    private void deviceChanged(DeviceStatus status) {
        DeviceState now = HealthMessages.state(status);
        DeviceState before = deviceStates.put(status.device(), now);
        if (before == null || before == now) {
            // A device's first state is in the birth; a new error in the same state is in health.
            return;
        }
        Severity severity = switch (now) {
            case CONNECTED -> Severity.INFO;
            case DEGRADED -> Severity.WARNING;
            case ABSENT -> Severity.ERROR;
        };
        String message = status.device() + " is " + now.code()
                + (status.lastError() == null ? "" : ": " + status.lastError());
        Map<String, Object> details = new HashMap<>();
        details.put("state", now.code());
        if (status.lastError() != null) {
            details.put("error", status.lastError());
        }
        queue(Event.DEVICE_STATUS, severity, message, status.device(), details);
    }

    /** Raises an event for each system problem that was not there at the previous health. */
    private void systemChanged(SystemReport report) {
        Set<SystemProblem.Kind> current = EnumSet.noneOf(SystemProblem.Kind.class);
        for (SystemProblem problem : report.problems()) {
            current.add(problem.kind());
            if (!systemProblems.contains(problem.kind())) {
                queue(Event.SYSTEM_PROBLEM, problem.severity() == org.yizhan.devices.system.Severity.ERROR
                                ? Severity.ERROR : Severity.WARNING,
                        problem.text(), "system", Map.of("problem", problem.kind().code()));
            }
        }
        systemProblems.clear();
        systemProblems.addAll(current);
    }

    private void queue(String kind, Severity severity, String message, String device, Map<String, Object> details) {
        try {
            if (outbox.enqueue(envelope -> new Event(envelope, kind, severity, message, device, details))) {
                publisher.wake();
            }
        } catch (RuntimeException e) {
            log.warn("event {} not queued: {}", kind, e.toString());
        }
    }

    private void announceToHomeAssistant() {
        if (config.homeAssistantPrefix() == null) {
            return;
        }
        String name = (siteName == null ? kiosk.site() : siteName) + " " + kiosk.kiosk();
        List<DiscoveryMessage> messages = new HomeAssistantDiscovery(config.homeAssistantPrefix())
                .messages(kiosk, name, appVersion, (int) healthInterval.toSeconds());
        for (DiscoveryMessage message : messages) {
            transport.publish(message.topic(), message.payload().getBytes(StandardCharsets.UTF_8), 1, true)
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            log.warn("Home Assistant discovery {} not published: {}", message.topic(),
                                    failure.getMessage());
                        }
                    });
        }
    }

    private void onThread(Runnable work) {
        try {
            thread.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("telemetry work failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("telemetry closed; dropping late work");
        }
    }

    private static TrustedCommandKeys commandKeys(List<Path> files) {
        TrustedCommandKeys keys = TrustedCommandKeys.fromJwks("{\"keys\":[]}");
        for (Path file : files) {
            try {
                keys = keys.plus(TrustedCommandKeys.fromJwks(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalArgumentException("telemetry.command-keys: cannot read " + file + ": "
                        + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("telemetry.command-keys: " + file + ": " + e.getMessage(), e);
            }
        }
        return keys;
    }

    /** How the transport announces this kiosk on every connect. */
    private final class Announcement implements KioskBirth {

        @Override
        public long nextBirthSequence() {
            return state.nextBirthSequence();
        }

        @Override
        public org.yizhan.protocol.message.Envelope nextEnvelope() {
            return outbox.nextEnvelope();
        }

        @Override
        public byte[] birthPayload(long birthSeq) {
            Map<String, String> kinds = host.deviceKinds();
            List<DeviceInfo> devices = host.deviceStatuses().stream()
                    .map(s -> new DeviceInfo(s.device(), kinds.getOrDefault(s.device(), "other"),
                            HealthMessages.state(s)))
                    .toList();
            return codec.encode(new Birth(outbox.nextEnvelope(), birthSeq, appVersion,
                    System.getProperty("java.version"), platform.os(), platform.kernel(), platform.arch(),
                    platform.piModel(), platform.piSerial(), siteName, zone.getId(),
                    (int) healthInterval.toSeconds(), devices));
        }
    }
}
