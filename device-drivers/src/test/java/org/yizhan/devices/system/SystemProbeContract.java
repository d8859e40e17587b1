package org.yizhan.devices.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * What every {@link SystemProbe} promises, run against the simulated one and the real one on fixture
 * trees: the same four machines give the same verdicts on the status board.
 */
abstract class SystemProbeContract {

    protected final MutableClock clock = new MutableClock();
    private final DeviceStatusBoard board = new DeviceStatusBoard(clock);
    private final List<DeviceStatus> published = new ArrayList<>();

    {
        board.subscribe(published::add);
    }

    /** A Pi 5 in good health. */
    protected abstract SystemProbe healthyPi();

    /** A Pi 4 whose supply sags: under-voltage now. */
    protected abstract SystemProbe underVoltedPi();

    /** A Pi whose data partition ext4 has remounted read-only. */
    protected abstract SystemProbe readOnlyDataPartition();

    /** A machine with none of a Pi's readings (a laptop). */
    protected abstract SystemProbe machineWithoutPiReadings();

    private SystemReport report(SystemProbe probe) {
        SystemProbeMonitor monitor = new SystemProbeMonitor(probe,
                new SystemHealthRules(SystemHealthThresholds.defaults()), board, clock,
                Executors.newSingleThreadScheduledExecutor());
        try (monitor) {
            return monitor.probeNow();
        }
    }

    private DeviceStatus status() {
        return board.snapshot().stream().filter(s -> s.device().equals(SystemProbe.DEVICE)).findFirst().orElseThrow();
    }

    @Test
    void a_healthy_pi_is_connected_with_no_problems() {
        SystemReport report = report(healthyPi());

        assertEquals(List.of(), report.problems());
        assertEquals(DeviceState.CONNECTED, status().state());
        assertTrue(report.health().cpuCelsius().isPresent());
        assertTrue(report.health().throttling().isPresent());
    }

    @Test
    void an_under_volted_pi_is_degraded_with_the_power_supply_error() {
        SystemReport report = report(underVoltedPi());

        assertEquals(Optional.of(SystemProblem.Kind.UNDER_VOLTAGE_NOW), report.worst().map(SystemProblem::kind));
        assertEquals(DeviceState.DEGRADED, status().state());
        assertEquals("power supply too weak: under-voltage now", status().lastError());
    }

    @Test
    void a_read_only_data_partition_is_an_error_on_the_board() {
        SystemReport report = report(readOnlyDataPartition());

        SystemProblem worst = report.worst().orElseThrow();
        assertEquals(SystemProblem.Kind.DATA_NOT_WRITABLE, worst.kind());
        assertEquals(Severity.ERROR, worst.severity());
        assertTrue(status().lastError().startsWith("data partition is read-only"), status().lastError());
        assertTrue(status().lastError().contains("Read-only file system"), status().lastError());
    }

    @Test
    void a_machine_without_pi_readings_is_connected_with_those_readings_unknown() {
        SystemReport report = report(machineWithoutPiReadings());

        assertEquals(DeviceState.CONNECTED, status().state());
        assertEquals(Optional.empty(), report.health().cpuCelsius());
        assertEquals(Optional.empty(), report.health().throttling());
        assertEquals(Optional.empty(), report.health().underVoltageAlarm());
        assertEquals(Optional.empty(), report.health().storageWear());
    }

    @Test
    void stamps_each_reading_with_the_time_of_the_probe() {
        SystemProbe probe = healthyPi();
        SystemHealth first = probe.probe();
        clock.advance(Duration.ofSeconds(10));

        SystemHealth second = probe.probe();

        assertEquals(clock.instant(), second.probedAt());
        assertNotEquals(first.probedAt(), second.probedAt());
    }

    @Test
    void never_reports_the_system_absent() {
        for (SystemProbe probe : List.of(healthyPi(), underVoltedPi(), readOnlyDataPartition(),
                machineWithoutPiReadings())) {
            report(probe);
        }

        assertFalse(published.isEmpty());
        assertTrue(published.stream().noneMatch(s -> s.state() == DeviceState.ABSENT), published.toString());
    }
}
