package org.yizhan.devices.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real probe on the real files of whatever Linux runs the build (not hardware: {@code /proc} is on
 * every Linux). Only what every Linux has is asserted; the rest depends on the machine.
 */
@EnabledOnOs(OS.LINUX)
class ThisMachineSystemProbeTest {

    @TempDir
    Path dataDir;

    @Test
    void reads_load_memory_uptime_and_the_data_directory_of_this_machine_without_crashing() {
        LinuxSystemProbe probe = LinuxSystemProbe.onThisMachine(SystemProbeConfig.defaults(dataDir),
                Clock.systemUTC());

        SystemHealth health = probe.probe();

        assertTrue(health.load().isPresent(), health.toString());
        assertTrue(health.memory().isPresent(), health.toString());
        assertTrue(health.memory().get().totalBytes() > 0, health.toString());
        assertTrue(health.uptime().isPresent(), health.toString());
        assertTrue(health.dataSpace().isPresent(), health.toString());
        assertTrue(health.dataPartition().isPresent(), health.toString());
        assertTrue(health.writeCheck().orElseThrow().passed(), health.toString());
    }
}
