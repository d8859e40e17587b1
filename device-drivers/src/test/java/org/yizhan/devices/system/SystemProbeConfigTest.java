package org.yizhan.devices.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemProbeConfigTest {

    @Test
    void defaults_probe_every_ten_seconds_and_ask_vcgencmd() {
        SystemProbeConfig config = SystemProbeConfig.defaults(Path.of("/var/lib/yizhan"));

        assertEquals(Duration.ofSeconds(10), config.interval());
        assertEquals(Duration.ofMinutes(5), config.writeCheckInterval());
        assertEquals(List.of("vcgencmd", "get_throttled"), config.throttledCommand());
        assertEquals(SystemHealthThresholds.defaults(), config.thresholds());
    }

    @Test
    void a_relative_data_dir_is_made_absolute() {
        assertTrue(SystemProbeConfig.defaults(Path.of("data")).dataDir().isAbsolute());
    }

    @Test
    void a_zero_interval_is_refused_naming_the_key() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SystemProbeConfig(Path.of("/data"), Duration.ZERO, Duration.ofMinutes(5),
                        List.of("vcgencmd", "get_throttled"), Duration.ofSeconds(2), SystemHealthThresholds.defaults()));

        assertEquals("system.probe-interval must be a positive duration, was PT0S", e.getMessage());
    }

    @Test
    void a_negative_command_timeout_is_refused_naming_the_key() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SystemProbeConfig(Path.of("/data"), Duration.ofSeconds(10), Duration.ofMinutes(5),
                        List.of(), Duration.ofSeconds(-1), SystemHealthThresholds.defaults()));

        assertTrue(e.getMessage().startsWith("system.command-timeout"), e.getMessage());
    }
}
