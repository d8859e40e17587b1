package org.yizhan.devices.system;

/**
 * Where {@link SystemHealthRules} draws its lines. The defaults suit a Pi 4 or 5 on an SD card: both
 * start to throttle at 80 °C and throttle hard at 85 °C.
 *
 * @param cpuWarningCelsius          key {@code system.cpu-warning-celsius}; at or above: warning
 * @param cpuErrorCelsius            key {@code system.cpu-error-celsius}; at or above: error
 * @param dataFreeWarningPercent     key {@code system.data-free-warning-percent}; usable space below: warning
 * @param dataFreeWarningBytes       key {@code system.data-free-warning-bytes}; usable space below: warning
 * @param dataFreeErrorPercent       key {@code system.data-free-error-percent}; usable space below: error
 * @param dataFreeErrorBytes         key {@code system.data-free-error-bytes}; usable space below: error
 * @param memoryAvailableWarningPercent key {@code system.memory-available-warning-percent}; available
 *                                   memory below: warning
 * @param storageLifeUsedWarningPercent key {@code system.storage-life-used-warning-percent}; an eMMC
 *                                   life time estimate whose lower bound reaches it: warning
 */
public record SystemHealthThresholds(
        double cpuWarningCelsius,
        double cpuErrorCelsius,
        double dataFreeWarningPercent,
        long dataFreeWarningBytes,
        double dataFreeErrorPercent,
        long dataFreeErrorBytes,
        double memoryAvailableWarningPercent,
        int storageLifeUsedWarningPercent) {

    private static final long MIB = 1024L * 1024;

    public SystemHealthThresholds {
        if (!(cpuWarningCelsius <= cpuErrorCelsius)) {
            throw new IllegalArgumentException("system.cpu-warning-celsius (" + cpuWarningCelsius
                    + ") must not be above system.cpu-error-celsius (" + cpuErrorCelsius + ")");
        }
        percent("system.data-free-warning-percent", dataFreeWarningPercent);
        percent("system.data-free-error-percent", dataFreeErrorPercent);
        percent("system.memory-available-warning-percent", memoryAvailableWarningPercent);
        percent("system.storage-life-used-warning-percent", storageLifeUsedWarningPercent);
        if (dataFreeErrorBytes < 0 || dataFreeWarningBytes < 0) {
            throw new IllegalArgumentException("system.data-free-warning-bytes and system.data-free-error-bytes"
                    + " must not be negative");
        }
        if (dataFreeWarningPercent < dataFreeErrorPercent) {
            throw new IllegalArgumentException("system.data-free-warning-percent (" + dataFreeWarningPercent
                    + ") must not be below system.data-free-error-percent (" + dataFreeErrorPercent + ")");
        }
        if (dataFreeWarningBytes < dataFreeErrorBytes) {
            throw new IllegalArgumentException("system.data-free-warning-bytes (" + dataFreeWarningBytes
                    + ") must not be below system.data-free-error-bytes (" + dataFreeErrorBytes + ")");
        }
    }

    public static SystemHealthThresholds defaults() {
        return new SystemHealthThresholds(80, 85, 10, 1024 * MIB, 5, 200 * MIB, 5, 90);
    }

    private static void percent(String key, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(key + " must be between 0 and 100, was " + value);
        }
    }
}
