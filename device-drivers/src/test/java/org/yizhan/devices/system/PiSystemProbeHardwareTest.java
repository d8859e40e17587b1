package org.yizhan.devices.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real Raspberry Pi 4 or 5 running Raspberry Pi OS, as the kiosk user (in group {@code video} for
 * vcgencmd): every Pi reading is there. Tagged {@code hardware}, which the build leaves out, and aborts
 * itself unless {@code YIZHAN_HARDWARE=1}.
 */
@Tag("hardware")
class PiSystemProbeHardwareTest {

    @TempDir
    Path dataDir;

    @BeforeEach
    void onlyOnAPi() {
        if (!"1".equals(System.getenv("YIZHAN_HARDWARE"))) {
            Assumptions.abort("set YIZHAN_HARDWARE=1 on a Raspberry Pi to run hardware tests");
        }
    }

    @Test
    void reads_temperature_power_and_throttling_of_this_pi() {
        SystemHealth health = LinuxSystemProbe.onThisMachine(SystemProbeConfig.defaults(dataDir), Clock.systemUTC())
                .probe();

        assertTrue(health.cpuCelsius().isPresent(), "no CPU temperature: " + health);
        assertTrue(health.throttling().isPresent(), "vcgencmd get_throttled gave nothing: " + health);
        assertTrue(health.underVoltageAlarm().isPresent(), "no rpi_volt hwmon: " + health);
        assertTrue(health.ext4ErrorCount().isPresent(), "no ext4 error count: " + health);
    }
}
