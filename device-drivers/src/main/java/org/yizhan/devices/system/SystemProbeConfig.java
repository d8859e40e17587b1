package org.yizhan.devices.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the system probe runs; validated on construction with a message that names the bad key.
 *
 * @param dataDir            key {@code data-dir} (the kiosk's); the directory whose partition is watched
 * @param interval           key {@code system.probe-interval}; time between probes
 * @param writeCheckInterval key {@code system.write-check-interval}; time between write–read checks of the
 *                           data directory. Each check syncs a small file to the card, so it runs less often
 *                           than the probe; a change of the mount's read-only flag triggers one at once
 * @param throttledCommand   key {@code system.throttled-command}; the command printing
 *                           {@code throttled=0x…}; empty to skip it
 * @param commandTimeout     key {@code system.command-timeout}; how long that command may take
 * @param thresholds         where problems start
 */
public record SystemProbeConfig(
        Path dataDir,
        Duration interval,
        Duration writeCheckInterval,
        List<String> throttledCommand,
        Duration commandTimeout,
        SystemHealthThresholds thresholds) {

    public SystemProbeConfig {
        Objects.requireNonNull(dataDir, "data-dir");
        dataDir = dataDir.toAbsolutePath().normalize();
        positive("system.probe-interval", interval);
        positive("system.write-check-interval", writeCheckInterval);
        positive("system.command-timeout", commandTimeout);
        throttledCommand = List.copyOf(Objects.requireNonNull(throttledCommand, "system.throttled-command"));
        Objects.requireNonNull(thresholds, "thresholds");
    }

    /**
     * Probe every 10 s, check writing every 5 min, ask {@code vcgencmd get_throttled} with a 2 s limit, and
     * the default thresholds.
     */
    public static SystemProbeConfig defaults(Path dataDir) {
        return new SystemProbeConfig(dataDir, Duration.ofSeconds(10), Duration.ofMinutes(5),
                List.of("vcgencmd", "get_throttled"), Duration.ofSeconds(2), SystemHealthThresholds.defaults());
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(key + " must be a positive duration, was " + value);
        }
    }
}
