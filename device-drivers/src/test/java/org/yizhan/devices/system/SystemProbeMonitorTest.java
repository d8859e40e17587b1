package org.yizhan.devices.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

class SystemProbeMonitorTest {

    private static final Duration FAST = Duration.ofMillis(20);

    private final MutableClock clock = new MutableClock();
    private final DeviceStatusBoard board = new DeviceStatusBoard(clock);
    private final BlockingQueue<DeviceStatus> published = new LinkedBlockingQueue<>();
    private final SimulatedSystemProbe simulated = new SimulatedSystemProbe(clock);

    {
        board.subscribe(published::add);
    }

    private static SystemProbeConfig every(Duration interval) {
        SystemProbeConfig defaults = SystemProbeConfig.defaults(Path.of("/var/lib/yizhan"));
        return new SystemProbeConfig(defaults.dataDir(), interval, defaults.writeCheckInterval(),
                defaults.throttledCommand(), defaults.commandTimeout(), defaults.thresholds());
    }

    private DeviceStatus next() throws InterruptedException {
        DeviceStatus status = published.poll(10, TimeUnit.SECONDS);
        if (status == null) {
            throw new AssertionError("no status published within 10 s");
        }
        return status;
    }

    @Test
    void probes_at_once_on_start_and_reports_a_healthy_pi_connected() throws InterruptedException {
        try (SystemProbeMonitor monitor = SystemProbeMonitor.start(simulated, every(Duration.ofHours(1)), board,
                clock)) {
            DeviceStatus status = next();

            assertEquals(SystemProbe.DEVICE, status.device());
            assertEquals(DeviceState.CONNECTED, status.state());
            assertEquals(List.of(), monitor.latest().orElseThrow().problems());
        }
    }

    @Test
    void reports_the_most_severe_problem_while_it_lasts_and_connected_when_it_clears() throws InterruptedException {
        // Given a running monitor that has reported a healthy Pi
        try (SystemProbeMonitor monitor = SystemProbeMonitor.start(simulated, every(FAST), board, clock)) {
            assertEquals(DeviceState.CONNECTED, next().state());

            // When the supply sags and the CPU runs warm
            simulated.update(h -> h.cpuCelsius(81.0).throttling(new ThrottleState(0x50005)));
            DeviceStatus degraded = next();

            // Then the error outranks the warning
            assertEquals(DeviceState.DEGRADED, degraded.state());
            assertEquals("power supply too weak: under-voltage now", degraded.lastError());
            // under-voltage now, throttled now (bit 2 of 0x50005), CPU hot
            assertEquals(3, monitor.latest().orElseThrow().problems().size());

            // And when all is well again, it is connected and remembers what was wrong
            simulated.reset();
            DeviceStatus recovered = next();
            assertEquals(DeviceState.CONNECTED, recovered.state());
            assertEquals("power supply too weak: under-voltage now", recovered.lastError());
        }
    }

    @Test
    void probes_once_on_start_then_every_interval_on_a_daemon_thread_of_its_own() throws InterruptedException {
        // Given a probe that records the thread it runs on
        BlockingQueue<Thread> threads = new LinkedBlockingQueue<>();
        SystemProbe probe = () -> {
            threads.add(Thread.currentThread());
            return simulated.probe();
        };

        // When monitored every 20 ms
        SystemProbeMonitor monitor = SystemProbeMonitor.start(probe, every(FAST), board, clock);
        try {
            // Then the first probe ran before start returned, on the starting thread
            assertEquals(Thread.currentThread(), threads.poll());
            // And it probes again repeatedly, on the system-probe daemon thread
            for (int i = 0; i < 3; i++) {
                Thread thread = threads.poll(10, TimeUnit.SECONDS);
                assertTrue(thread != null, "probe " + i + " did not run within 10 s");
                assertEquals("system-probe", thread.getName());
                assertTrue(thread.isDaemon());
            }
        } finally {
            monitor.close();
        }
    }

    @Test
    void a_probe_that_throws_is_reported_and_the_schedule_goes_on() throws InterruptedException {
        // Given a probe that fails once, then works
        AtomicInteger calls = new AtomicInteger();
        SystemProbe flaky = () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("sysfs vanished");
            }
            return simulated.probe();
        };

        // When monitored
        SystemProbeMonitor monitor = SystemProbeMonitor.start(flaky, every(FAST), board, clock);
        try {
            // Then the failure is on the board, and the next probe clears it
            DeviceStatus failed = next();
            assertEquals(DeviceState.DEGRADED, failed.state());
            assertEquals("system probe failed: java.lang.IllegalStateException: sysfs vanished", failed.lastError());
            assertEquals(DeviceState.CONNECTED, next().state());
        } finally {
            monitor.close();
        }
    }

    @Test
    void a_failing_board_listener_does_not_stop_the_schedule() throws InterruptedException {
        // Given a board listener that throws, and a hot CPU
        AtomicInteger probes = new AtomicInteger();
        SystemProbe counting = () -> {
            probes.incrementAndGet();
            return simulated.probe();
        };
        board.subscribe(status -> {
            throw new IllegalStateException("listener bug");
        });
        simulated.update(h -> h.cpuCelsius(90.0));

        SystemProbeMonitor monitor = SystemProbeMonitor.start(counting, every(FAST), board, clock);
        try {
            // When the first report has thrown back into the monitor and the CPU cools
            next();
            simulated.update(h -> h.cpuCelsius(50.0));

            // Then later probes still run and report
            assertEquals(DeviceState.CONNECTED, next().state());
            assertTrue(probes.get() >= 2);
        } finally {
            monitor.close();
        }
    }

    @Test
    void close_stops_probing() throws InterruptedException {
        // Given a monitor that has probed
        AtomicInteger probes = new AtomicInteger();
        SystemProbe counting = () -> {
            probes.incrementAndGet();
            return simulated.probe();
        };
        SystemProbeMonitor monitor = SystemProbeMonitor.start(counting, every(FAST), board, clock);
        next();

        // When closed
        monitor.close();
        int afterClose = probes.get();
        Thread.sleep(FAST.multipliedBy(10).toMillis());

        // Then no probe runs any more, and closing again is harmless
        assertEquals(afterClose, probes.get());
        monitor.close();
    }

    @Test
    void keeps_the_latest_report_for_the_maintenance_screen() {
        try (SystemProbeMonitor monitor = new SystemProbeMonitor(simulated,
                new SystemHealthRules(SystemHealthThresholds.defaults()), board, clock,
                Executors.newSingleThreadScheduledExecutor())) {
            assertEquals(Optional.empty(), monitor.latest());
            simulated.update(h -> h.ext4ErrorCount(4L));

            SystemReport report = monitor.probeNow();

            assertEquals(Optional.of(report), monitor.latest());
            assertEquals(List.of(SystemProblem.Kind.EXT4_ERRORS),
                    report.problems().stream().map(SystemProblem::kind).toList());
        }
    }
}
