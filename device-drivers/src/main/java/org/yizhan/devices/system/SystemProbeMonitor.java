package org.yizhan.devices.system;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * Runs a {@link SystemProbe} every interval and reports the verdict on the device status board as
 * {@value SystemProbe#DEVICE}: connected when there is no problem, degraded with the most severe
 * problem's text otherwise, never absent. The first probe runs at once on start, on the starting thread.
 *
 * <p>Threading: probes run on the monitor's own scheduler (a daemon thread, {@code system-probe}, from
 * {@link #start}, after the first); {@link #probeNow} runs one on the caller's thread. Probes never overlap, and reports
 * reach the board in the order the probes ran. A probe that throws after all is reported as a problem
 * and the schedule goes on. {@link #close} stops the schedule and waits briefly for a running probe; it
 * may be called from any thread, more than once.
 */
public final class SystemProbeMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SystemProbeMonitor.class);

    private final SystemProbe probe;
    private final SystemHealthRules rules;
    private final DeviceStatusBoard board;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile SystemReport latest;

    SystemProbeMonitor(SystemProbe probe, SystemHealthRules rules, DeviceStatusBoard board, Clock clock,
            ScheduledExecutorService scheduler) {
        this.probe = probe;
        this.rules = rules;
        this.board = board;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /**
     * Probes once on the caller's thread, so the board knows the system's state when this returns, then
     * every {@code config.interval()} on a daemon thread of its own.
     */
    public static SystemProbeMonitor start(SystemProbe probe, SystemProbeConfig config, DeviceStatusBoard board,
            Clock clock) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "system-probe");
            thread.setDaemon(true);
            return thread;
        });
        SystemProbeMonitor monitor = new SystemProbeMonitor(probe, new SystemHealthRules(config.thresholds()),
                board, clock, scheduler);
        monitor.probeOnSchedule();
        monitor.schedule(config.interval());
        return monitor;
    }

    private void schedule(Duration interval) {
        // Fixed delay, not rate: a probe slowed by a stalling card must not make the next ones pile up.
        scheduler.scheduleWithFixedDelay(this::probeOnSchedule, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void probeOnSchedule() {
        try {
            probeNow();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; the board must not go silent.
            log.error("system probe round failed", e);
        }
    }

    /** Probes now, on this thread, and reports the verdict. */
    public synchronized SystemReport probeNow() {
        SystemReport report;
        try {
            SystemHealth health = probe.probe();
            report = new SystemReport(health, rules.problems(health));
        } catch (RuntimeException e) {
            log.warn("system probe failed", e);
            report = new SystemReport(SystemHealth.builder(clock.instant()).build(), List.of(new SystemProblem(
                    SystemProblem.Kind.PROBE_FAILED, Severity.ERROR, "system probe failed: " + e)));
        }
        latest = report;
        Optional<SystemProblem> worst = report.worst();
        if (worst.isPresent()) {
            board.degraded(SystemProbe.DEVICE, worst.get().text());
        } else {
            board.connected(SystemProbe.DEVICE);
        }
        return report;
    }

    /** The latest report, for the maintenance screen and telemetry; empty before the first probe. */
    public Optional<SystemReport> latest() {
        return Optional.ofNullable(latest);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("system probe still running after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
