package org.yizhan.devices.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link SystemHealth} into the problems a maintainer should know about. Unknown values raise
 * no problem: a machine that cannot be read is not thereby unhealthy. A stateless function; safe from
 * any thread.
 *
 * <p>Rules, with {@link SystemHealthThresholds} defaults:
 * <ul>
 *   <li>under-voltage now (firmware bit 0 or the kernel's alarm): error; has occurred: warning;</li>
 *   <li>CPU at or above 80 °C: warning; 85 °C: error; throttled or frequency-capped now: warning;</li>
 *   <li>the data directory failed its write–read check: error; with no check yet, a read-only mount is
 *       the error instead (a check that passed outranks the mount options);</li>
 *   <li>usable space below 5% or 200 MiB: error; below 10% or 1 GiB: warning;</li>
 *   <li>ext4 errors recorded: warning;</li>
 *   <li>eMMC pre-EOL urgent or life exceeded: error; pre-EOL warning or 90% of life used: warning;</li>
 *   <li>available memory below 5%: warning.</li>
 * </ul>
 */
public final class SystemHealthRules {

    private static final long MIB = 1024L * 1024;

    private final SystemHealthThresholds thresholds;

    public SystemHealthRules(SystemHealthThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The problems, most severe first; within a severity, in the order of the rules above. */
    public List<SystemProblem> problems(SystemHealth health) {
        List<SystemProblem> found = new ArrayList<>();
        power(health, found);
        temperature(health, found);
        writable(health, found);
        space(health, found);
        health.ext4ErrorCount().filter(n -> n > 0).ifPresent(n -> found.add(new SystemProblem(
                SystemProblem.Kind.EXT4_ERRORS, Severity.WARNING,
                "file system of the data partition has recorded " + n + (n == 1 ? " error" : " errors")
                        + " (ext4 errors_count); check it with fsck on the next visit")));
        health.storageWear().ifPresent(wear -> wear(wear, found));
        memory(health, found);
        found.sort(Comparator.comparing(SystemProblem::severity).reversed());
        return found;
    }

    private void power(SystemHealth health, List<SystemProblem> found) {
        if (health.underVoltageNow()) {
            found.add(new SystemProblem(SystemProblem.Kind.UNDER_VOLTAGE_NOW, Severity.ERROR,
                    "power supply too weak: under-voltage now"));
        } else if (health.throttling().map(t -> t.has(ThrottleFlag.UNDER_VOLTAGE_OCCURRED)).orElse(false)) {
            found.add(new SystemProblem(SystemProblem.Kind.UNDER_VOLTAGE_OCCURRED, Severity.WARNING,
                    "power supply too weak: under-voltage has occurred since boot"));
        }
    }

    private void temperature(SystemHealth health, List<SystemProblem> found) {
        health.cpuCelsius().ifPresent(celsius -> {
            if (celsius >= thresholds.cpuErrorCelsius()) {
                found.add(new SystemProblem(SystemProblem.Kind.CPU_HOT, Severity.ERROR, String.format(Locale.ROOT,
                        "CPU too hot: %.1f °C (error at %.0f °C)", celsius, thresholds.cpuErrorCelsius())));
            } else if (celsius >= thresholds.cpuWarningCelsius()) {
                found.add(new SystemProblem(SystemProblem.Kind.CPU_HOT, Severity.WARNING, String.format(Locale.ROOT,
                        "CPU hot: %.1f °C (warning at %.0f °C)", celsius, thresholds.cpuWarningCelsius())));
            }
        });
        health.throttling().ifPresent(state -> {
            List<String> now = new ArrayList<>();
            for (ThrottleFlag flag : List.of(ThrottleFlag.THROTTLED_NOW, ThrottleFlag.ARM_FREQUENCY_CAPPED_NOW,
                    ThrottleFlag.SOFT_TEMPERATURE_LIMIT_NOW)) {
                if (state.has(flag)) {
                    now.add(flag.description());
                }
            }
            if (!now.isEmpty()) {
                found.add(new SystemProblem(SystemProblem.Kind.CPU_THROTTLED, Severity.WARNING,
                        "CPU slowed down: " + String.join(", ", now) + " (throttled=" + state.hex() + ")"));
            }
        });
    }

    private void writable(SystemHealth health, List<SystemProblem> found) {
        boolean mountedReadOnly = health.dataPartition().map(DataPartition::mountedReadOnly).orElse(false);
        String mount = health.dataPartition().map(p -> " (" + p.source() + " on " + p.mountPoint() + ")").orElse("");
        if (health.writeCheck().isPresent()) {
            WriteCheck check = health.writeCheck().get();
            if (!check.passed()) {
                found.add(new SystemProblem(SystemProblem.Kind.DATA_NOT_WRITABLE, Severity.ERROR,
                        (mountedReadOnly ? "data partition is read-only" : "data directory is not writable")
                                + mount + ": " + check.failure()));
            }
        } else if (mountedReadOnly) {
            found.add(new SystemProblem(SystemProblem.Kind.DATA_NOT_WRITABLE, Severity.ERROR,
                    "data partition is read-only" + mount + ": mounted ro"));
        }
    }

    private void space(SystemHealth health, List<SystemProblem> found) {
        health.dataSpace().ifPresent(space -> {
            double percent = space.usablePercent();
            long usable = space.usableBytes();
            String amount = String.format(Locale.ROOT, "%s free of %s (%.1f%%)",
                    bytes(usable), bytes(space.totalBytes()), percent);
            if (percent < thresholds.dataFreeErrorPercent() || usable < thresholds.dataFreeErrorBytes()) {
                found.add(new SystemProblem(SystemProblem.Kind.DATA_SPACE_LOW, Severity.ERROR,
                        "data partition almost full: " + amount));
            } else if (percent < thresholds.dataFreeWarningPercent() || usable < thresholds.dataFreeWarningBytes()) {
                found.add(new SystemProblem(SystemProblem.Kind.DATA_SPACE_LOW, Severity.WARNING,
                        "data partition filling up: " + amount));
            }
        });
    }

    private void wear(StorageWear wear, List<SystemProblem> found) {
        String disk = "storage " + wear.disk();
        PreEolInfo preEol = wear.preEol().orElse(PreEolInfo.NORMAL);
        LifeTimeEstimate worst = wear.worstEstimate().orElse(null);
        if (preEol == PreEolInfo.URGENT) {
            found.add(new SystemProblem(SystemProblem.Kind.STORAGE_WORN, Severity.ERROR,
                    disk + " near end of life: pre-EOL urgent, spare blocks almost used up; replace it"));
        } else if (worst != null && worst.exceeded()) {
            found.add(new SystemProblem(SystemProblem.Kind.STORAGE_WORN, Severity.ERROR,
                    disk + " worn out: " + worst + "; replace it"));
        } else if (preEol == PreEolInfo.WARNING) {
            found.add(new SystemProblem(SystemProblem.Kind.STORAGE_WORN, Severity.WARNING,
                    disk + " wearing: pre-EOL warning, 80% of spare blocks used"));
        } else if (worst != null && worst.usedPercentAtLeast() >= thresholds.storageLifeUsedWarningPercent()) {
            found.add(new SystemProblem(SystemProblem.Kind.STORAGE_WORN, Severity.WARNING,
                    disk + " wearing: " + worst));
        }
    }

    private void memory(SystemHealth health, List<SystemProblem> found) {
        health.memory().filter(m -> m.availablePercent() < thresholds.memoryAvailableWarningPercent())
                .ifPresent(m -> found.add(new SystemProblem(SystemProblem.Kind.MEMORY_LOW, Severity.WARNING,
                        String.format(Locale.ROOT, "memory low: %s available of %s (%.1f%%)",
                                bytes(m.availableBytes()), bytes(m.totalBytes()), m.availablePercent()))));
    }

    static String bytes(long bytes) {
        if (bytes < 1024 * MIB) {
            return String.format(Locale.ROOT, "%d MiB", bytes / MIB);
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * MIB));
    }
}
