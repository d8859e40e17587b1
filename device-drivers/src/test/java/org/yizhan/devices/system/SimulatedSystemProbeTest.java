package org.yizhan.devices.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedSystemProbeTest {

    private final MutableClock clock = new MutableClock();
    private final SimulatedSystemProbe probe = new SimulatedSystemProbe(clock);
    private final SystemHealthRules rules = new SystemHealthRules(SystemHealthThresholds.defaults());

    @Test
    void starts_as_a_healthy_pi_with_every_reading_but_wear_known() {
        SystemHealth health = probe.probe();

        assertEquals(List.of(), rules.problems(health));
        assertTrue(health.cpuCelsius().isPresent() && health.throttling().isPresent() && health.load().isPresent()
                && health.memory().isPresent() && health.dataSpace().isPresent() && health.uptime().isPresent()
                && health.ext4ErrorCount().isPresent() && health.writeCheck().isPresent());
        assertEquals(Optional.empty(), health.storageWear());
    }

    @Test
    void vcgencmd_output_goes_through_the_real_parser() {
        probe.vcgencmdOutput("throttled=0x80008\n");
        assertEquals(Optional.of(new ThrottleState(0x80008)), probe.probe().throttling());

        probe.vcgencmdOutput("VCHI initialization failed");
        assertEquals(Optional.empty(), probe.probe().throttling());
    }

    @Test
    void a_read_only_remount_can_be_undone() {
        // Given the data partition remounted read-only
        probe.readOnly(true);
        SystemHealth readOnly = probe.probe();

        // When it is read-write again
        probe.readOnly(false);
        SystemHealth writable = probe.probe();

        // Then the mount and the write check follow
        assertTrue(readOnly.dataPartition().orElseThrow().mountedReadOnly());
        assertFalse(readOnly.writeCheck().orElseThrow().passed());
        assertFalse(writable.dataPartition().orElseThrow().mountedReadOnly());
        assertTrue(writable.writeCheck().orElseThrow().passed());
    }

    @Test
    void any_reading_can_be_set_and_reset_undoes_them_all() {
        probe.update(h -> h.cpuCelsius(86.0).ext4ErrorCount(3L));
        assertEquals(Optional.of(86.0), probe.probe().cpuCelsius());
        assertEquals(2, rules.problems(probe.probe()).size());

        probe.reset();

        assertEquals(List.of(), rules.problems(probe.probe()));
    }

    @Test
    void the_write_check_is_stamped_with_the_probe_time() {
        clock.advance(Duration.ofMinutes(7));

        assertEquals(clock.instant(), probe.probe().writeCheck().orElseThrow().checkedAt());
    }
}
