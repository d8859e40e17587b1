package org.yizhan.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.gpio.GpioTime;
import org.yizhan.devices.health.FrameRejection;
import org.yizhan.devices.health.Measurement;
import org.yizhan.devices.health.MeasurementListener;
import org.yizhan.devices.help.HelpButtonListener;
import org.yizhan.devices.qr.QrScanListener;
import org.yizhan.devices.qr.ScanFilter;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;
import org.yizhan.devices.system.SystemProbeMonitor;
import org.yizhan.devices.system.SystemReport;
import org.yizhan.kiosk.checkin.CheckInService;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.config.KioskConfig;
import org.yizhan.kiosk.config.KioskVersion;
import org.yizhan.kiosk.config.RemoteSettings;
import org.yizhan.kiosk.devices.DeviceMode;
import org.yizhan.kiosk.devices.DeviceSimulation;
import org.yizhan.kiosk.devices.KioskDevices;
import org.yizhan.kiosk.flow.FlowTimings;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.flow.KioskEvents;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.flow.Language;
import org.yizhan.kiosk.flow.Notice;
import org.yizhan.kiosk.health.SqliteHealthRecords;
import org.yizhan.kiosk.telemetry.KioskTelemetry;
import org.yizhan.kiosk.telemetry.TelemetryHost;
import org.yizhan.kiosk.telemetry.outbox.SqliteOutbox;
import org.yizhan.kiosk.time.KioskClock;
import org.yizhan.kiosk.visitlog.SqliteVisitLog;
import org.yizhan.kiosk.visitlog.VisitLog;
import org.yizhan.protocol.ShortDuration;
import org.yizhan.protocol.command.SafeConfigKey;
import org.yizhan.provisioning.pass.PassVerifier;
import org.yizhan.provisioning.pass.RevocationList;
import org.yizhan.provisioning.pass.TrustedPassKeys;

/**
 * Builds a running kiosk from its configuration and devices: the visit log, pass verification, the
 * check-in flow, and the kiosk thread that runs them. The window and the headless mode both drive a
 * kiosk through this class and listen to its {@link #events()}.
 *
 * <p>Threading: all work happens on one kiosk thread. {@link #scan}, {@link #tap} and {@link
 * #advanceClock} may be called from any thread; they queue the input in arrival order and complete when
 * it has been handled and its events published.
 */
public final class KioskAssembly implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KioskAssembly.class);

    private final KioskConfig config;
    private final AtomicReference<Thread> kioskWorker = new AtomicReference<>();
    private final ScheduledThreadPoolExecutor kioskThread;
    private final KioskClock clock;
    private final SqliteVisitLog visitLog;
    private final CheckInService checkIn;
    private final KioskEvents events = new KioskEvents();
    private final DeviceStatusBoard board;
    private final KioskDevices devices;
    private final ScanFilter keyboardScans;
    private final KioskFlow flow;
    private final KioskTelemetry telemetry;
    private final HealthCheck health;
    private final CompletableFuture<Void> restartRequested = new CompletableFuture<>();
    private boolean started;

    private KioskAssembly(KioskConfig config, DeviceMode mode, Clock baseClock) {
        this.config = config;
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kiosk");
            t.setDaemon(true);
            kioskWorker.set(t);
            return t;
        });
        // Closing finishes queued inputs but not screen timeouts that would fire seconds later.
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        // The clock rearms its wake-up on every timer change; cancelled wake-ups must not pile up.
        thread.setRemoveOnCancelPolicy(true);
        this.kioskThread = thread;
        this.clock = new KioskClock(baseClock.withZone(config.zone()), kioskThread);
        this.board = new DeviceStatusBoard(clock.asClock());
        // Statuses reported while the devices are built come out as a snapshot at start, when listeners are there.
        this.board.subscribe(status -> onKiosk(() -> {
            if (started) {
                events.publish(new KioskEvent.DeviceChanged(status));
            }
        }));
        this.keyboardScans = new ScanFilter(clock.asClock(), ScanFilter.DEFAULT_REPEAT_WINDOW);
        try {
            this.visitLog = SqliteVisitLog.open(config.visitLogFile(), config.telemetry().bucketMinutes());
        } catch (RuntimeException e) {
            thread.shutdownNow();
            throw e;
        }
        KioskDevices built = null;
        KioskTelemetry connected = null;
        try {
            PassVerifier verifier = new PassVerifier(
                    TrustedPassKeys.read(config.trustedPassKeys()),
                    RevocationList.read(config.revocationList()),
                    clock.asClock(),
                    config.passClockSkew());
            this.checkIn = new CheckInService(verifier, visitLog, clock::now, config.checkIn());
            // Simulated devices time themselves on the kiosk clock, whose timers live on the kiosk thread.
            built = callOnKioskThread(() -> mode == DeviceMode.SIMULATED
                    ? KioskDevices.simulated(config.devices(), board,
                            GpioTime.of(clock.asClock(), (delay, task) -> clock.schedule(delay, task)::cancel),
                            clock.asClock())
                    : KioskDevices.real(config.devices(), board, clock.asClock()));
            this.devices = built;
            events.subscribe(devices.screenPrompts());
            this.health = new HealthCheck(SqliteHealthRecords.on(visitLog),
                    SqliteOutbox.on(visitLog, clock.asClock(), config.telemetry().outboxLimits()), verifier,
                    config.health().retention(), clock.asClock());
            this.flow = new KioskFlow(checkIn, clock, devices.signals(), config.timings(), config.language(), events,
                    health, config.health().timings());
            if (config.telemetry().broker().isPresent()) {
                connected = KioskTelemetry.create(config.telemetry(), config.kiosk(), config.siteName(),
                        config.zone(), KioskVersion.installed(), visitLog, clock.asClock(), new Host());
                events.subscribe(connected::onKioskEvent);
            }
            this.telemetry = connected;
        } catch (RuntimeException e) {
            if (connected != null) {
                connected.close();
            }
            if (built != null) {
                built.close();
            }
            thread.shutdownNow();
            visitLog.close();
            throw e;
        }
    }

    /**
     * A kiosk ready to {@link #start}, with real devices or their simulated twins; subscribe to its events
     * first to see it become ready.
     */
    public static KioskAssembly create(KioskConfig config, DeviceMode mode, Clock baseClock) {
        return new KioskAssembly(config, mode, baseClock);
    }

    public KioskConfig config() {
        return config;
    }

    /** Kiosk time, which {@link #advanceClock} moves on; the window's clock shows it. */
    public Clock time() {
        return clock.asClock();
    }

    public VisitLog visitLog() {
        return visitLog;
    }

    public void subscribe(Consumer<KioskEvent> listener) {
        events.subscribe(listener);
    }

    /**
     * Shows the home screen, then starts the devices: {@code screen} and {@code ready} come first, then each
     * device's first state, all before any input is taken.
     */
    public CompletableFuture<Void> start() {
        return onKioskThread(() -> {
            flow.start();
            started = true;
            board.snapshot().forEach(status -> events.publish(new KioskEvent.DeviceChanged(status)));
            if (telemetry != null) {
                telemetry.start();
            }
            purgeDaily();
            devices.start(new QrScanListener() {
                @Override
                public void scanned(String code) {
                    onKiosk(() -> flow.scan(code));
                }

                @Override
                public void refused(String reason) {
                    onKiosk(() -> flow.unreadable(reason));
                }
            }, at -> onKiosk(() -> events.publish(new KioskEvent.EntrySensed(at, devices.entries()))),
                    new HelpButtonListener() {
                        @Override
                        public void pressed(Instant at) {
                            onKiosk(() -> events.publish(new KioskEvent.HelpRequested(at, false)));
                        }

                        @Override
                        public void longPressed(Instant at) {
                            onKiosk(() -> events.publish(new KioskEvent.HelpRequested(at, true)));
                        }
                    },
                    device -> new MeasurementListener() {
                        @Override
                        public void measured(Measurement measurement) {
                            onKiosk(() -> {
                                events.publish(new KioskEvent.Measured(device, measurement));
                                flow.measured(measurement);
                            });
                        }

                        @Override
                        public void rejected(FrameRejection rejection) {
                            onKiosk(() -> {
                                events.publish(new KioskEvent.MeasurementRejected(device, rejection));
                                flow.readingRejected(rejection);
                            });
                        }
                    });
        });
    }

    /** The retention purge now, then every day of kiosk time (so {@code clock +181d} runs it too). */
    private void purgeDaily() {
        try {
            health.purge();
        } catch (RuntimeException e) {
            log.warn("the health retention purge failed; it runs again tomorrow", e);
        }
        clock.schedule(Duration.ofDays(1), this::purgeDaily);
    }

    /**
     * A code typed into the window by a keyboard-wedge scanner, or on a simulated kiosk, read by its
     * simulated scanner. Either way it passes the scan filter: a repeat within two seconds is one scan.
     */
    public CompletableFuture<Void> scan(String text) {
        return onKioskThread(() -> {
            Optional<DeviceSimulation> simulation = devices.simulation();
            if (simulation.isPresent()) {
                simulation.get().scan(text);
            } else {
                keyboardScans.deliver(text, new QrScanListener() {
                    @Override
                    public void scanned(String code) {
                        flow.scan(code);
                    }

                    @Override
                    public void refused(String reason) {
                        flow.unreadable(reason);
                    }
                });
            }
        });
    }

    /**
     * Runs {@code action} on the simulated devices, on the kiosk thread; fails with an {@link
     * IllegalStateException} on a kiosk with real devices.
     */
    public CompletableFuture<Void> simulate(Consumer<DeviceSimulation> action) {
        return onKioskThread(() -> action.accept(devices.simulation().orElseThrow(
                () -> new IllegalStateException("this kiosk has real devices; start it with --simulate"))));
    }

    /** Every device's latest status. */
    public List<DeviceStatus> deviceStatuses() {
        return board.snapshot();
    }

    /**
     * Runs {@code beat} on the kiosk's thread every {@code period} until the kiosk closes: a beat that stops
     * coming means that thread is stuck (the systemd watchdog is fed this way).
     */
    public void heartbeat(Duration period, Runnable beat) {
        kioskThread.scheduleAtFixedRate(beat, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    public CompletableFuture<Void> tap(String button) {
        return onKioskThread(() -> flow.tap(button));
    }

    public CompletableFuture<Void> advanceClock(Duration by) {
        return onKioskThread(() -> clock.advance(by));
    }

    /**
     * Closes the current footfall bucket and sends what waits for the broker (the headless {@code flush});
     * completes with the messages still waiting, or at once with 0 on a kiosk without a broker.
     */
    public CompletableFuture<Long> flushTelemetry() {
        return telemetry == null ? CompletableFuture.completedFuture(0L) : telemetry.flush();
    }

    /** Shows a maintainers' notice on the home screen until its time (the fleet's {@code notice} command). */
    public CompletableFuture<Void> showNotice(Notice notice) {
        return onKioskThread(() -> flow.showNotice(notice));
    }

    /** Whether this kiosk was configured with a broker. */
    public boolean hasTelemetry() {
        return telemetry != null;
    }

    /**
     * Completes when the fleet asked this kiosk to restart; whoever runs the kiosk then ends it, and the
     * service manager starts it again.
     */
    public CompletableFuture<Void> restartRequested() {
        return restartRequested;
    }

    /** Waits for {@code step} and rethrows what it threw, for callers that go one input at a time. */
    public static void await(CompletableFuture<Void> step) {
        try {
            step.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the kiosk was working", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private CompletableFuture<Void> onKioskThread(Runnable work) {
        return CompletableFuture.runAsync(work, kioskThread);
    }

    private <T> T callOnKioskThread(Supplier<T> work) {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(work, kioskThread);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the kiosk was starting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Runs device input on the kiosk thread: at once when already there (a simulated device driven by a
     * command), so its events come out before the command completes; queued otherwise (a real device's
     * own thread).
     */
    private void onKiosk(Runnable work) {
        if (Thread.currentThread() == kioskWorker.get()) {
            work.run();
        } else {
            try {
                kioskThread.execute(work);
            } catch (RejectedExecutionException e) {
                log.debug("device input after the kiosk closed is dropped");
            }
        }
    }

    /**
     * Finishes queued work, says goodbye to the broker (offline state), closes the devices (the door locks
     * first), then the visit log.
     */
    @Override
    public void close() {
        if (telemetry != null) {
            telemetry.close();
        }
        try {
            callOnKioskThread(() -> {
                devices.close();
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("closing the devices failed", e);
        }
        kioskThread.shutdown();
        try {
            kioskThread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        visitLog.close();
    }

    /** The kiosk as its telemetry sees it; actions run on the kiosk thread. */
    private final class Host implements TelemetryHost {

        @Override
        public List<DeviceStatus> deviceStatuses() {
            return board.snapshot();
        }

        @Override
        public Map<String, String> deviceKinds() {
            return devices.kinds();
        }

        @Override
        public Optional<SystemReport> systemReport() {
            return devices.systemMonitor().flatMap(SystemProbeMonitor::latest);
        }

        @Override
        public long checkInsToday() {
            return visitLog.stats(clock.now(), config.zone()).today();
        }

        @Override
        public CompletionStage<Void> showNotice(Notice notice) {
            return KioskAssembly.this.showNotice(notice);
        }

        @Override
        public CompletionStage<Void> applySetting(SafeConfigKey key, String value) {
            return onKioskThread(() -> {
                apply(key, value);
                RemoteSettings.put(config.remoteSettingsFile(), key.key(), value);
            });
        }

        @Override
        public void restart() {
            log.info("the fleet asked for a restart");
            restartRequested.complete(null);
        }

        @Override
        public void report(KioskEvent event) {
            onKiosk(() -> events.publish(event));
        }
    }

    /** A setting of the fleet's config-set, applied to the running kiosk; on the kiosk thread. */
    private void apply(SafeConfigKey key, String value) {
        FlowTimings t = flow.timings();
        switch (key) {
            case CHECKIN_RESULT_TIMEOUT -> flow.changeTimings(
                    new FlowTimings(ShortDuration.parse(value), t.walkIn(), t.thanks(), t.maintenance()));
            case CHECKIN_WALK_IN_TIMEOUT -> flow.changeTimings(
                    new FlowTimings(t.result(), ShortDuration.parse(value), t.thanks(), t.maintenance()));
            case CHECKIN_THANKS_TIMEOUT -> flow.changeTimings(
                    new FlowTimings(t.result(), t.walkIn(), ShortDuration.parse(value), t.maintenance()));
            case CHECKIN_DEFAULT_PURPOSE -> checkIn.changeDefaultPurpose(Purpose.fromCode(value).orElseThrow());
            case UI_LANGUAGE -> flow.changeDefaultLanguage(Language.fromCode(value).orElseThrow());
            case UI_LARGE_TEXT -> events.publish(new KioskEvent.LargeTextChanged(Boolean.parseBoolean(value)));
            case TELEMETRY_HEALTH_INTERVAL -> telemetry.changeHealthInterval(ShortDuration.parse(value));
        }
    }
}
