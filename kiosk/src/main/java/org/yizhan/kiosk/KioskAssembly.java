package org.yizhan.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.yizhan.kiosk.checkin.CheckInService;
import org.yizhan.kiosk.config.KioskConfig;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.flow.KioskEvents;
import org.yizhan.kiosk.flow.KioskFlow;
import org.yizhan.kiosk.time.KioskClock;
import org.yizhan.kiosk.visitlog.SqliteVisitLog;
import org.yizhan.kiosk.visitlog.VisitLog;
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

    private final KioskConfig config;
    private final ScheduledExecutorService kioskThread;
    private final KioskClock clock;
    private final VisitLog visitLog;
    private final KioskEvents events = new KioskEvents();
    private final KioskFlow flow;

    private KioskAssembly(KioskConfig config, KioskDevices devices, Clock baseClock) {
        this.config = config;
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kiosk");
            t.setDaemon(true);
            return t;
        });
        // Closing finishes queued inputs but not screen timeouts that would fire seconds later.
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.kioskThread = thread;
        this.clock = new KioskClock(baseClock.withZone(config.zone()), kioskThread);
        try {
            this.visitLog = SqliteVisitLog.open(config.visitLogFile());
        } catch (RuntimeException e) {
            thread.shutdownNow();
            throw e;
        }
        try {
            PassVerifier verifier = new PassVerifier(
                    TrustedPassKeys.read(config.trustedPassKeys()),
                    RevocationList.read(config.revocationList()),
                    clock.asClock(),
                    config.passClockSkew());
            CheckInService checkIn = new CheckInService(verifier, visitLog, clock::now, config.checkIn());
            this.flow = new KioskFlow(checkIn, clock, devices.light(), devices.buzzer(), config.timings(),
                    config.language(), events);
        } catch (RuntimeException e) {
            thread.shutdownNow();
            visitLog.close();
            throw e;
        }
    }

    /** A kiosk ready to {@link #start}; subscribe to its events first to see it become ready. */
    public static KioskAssembly create(KioskConfig config, KioskDevices devices, Clock baseClock) {
        return new KioskAssembly(config, devices, baseClock);
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

    public CompletableFuture<Void> start() {
        return onKioskThread(flow::start);
    }

    public CompletableFuture<Void> scan(String text) {
        return onKioskThread(() -> flow.scan(text));
    }

    public CompletableFuture<Void> tap(String button) {
        return onKioskThread(() -> flow.tap(button));
    }

    public CompletableFuture<Void> advanceClock(Duration by) {
        return onKioskThread(() -> clock.advance(by));
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

    /** Finishes queued work, then closes the visit log. */
    @Override
    public void close() {
        kioskThread.shutdown();
        try {
            kioskThread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        visitLog.close();
    }
}
