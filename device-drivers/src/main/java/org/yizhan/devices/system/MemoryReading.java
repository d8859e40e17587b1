package org.yizhan.devices.system;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Memory as {@code /proc/meminfo} reports it.
 *
 * @param totalBytes         {@code MemTotal}
 * @param availableBytes     {@code MemAvailable}: what new work can use without swapping
 * @param availableEstimated true when the kernel predates {@code MemAvailable} (before 3.14) and the
 *                           value is {@code MemFree + Buffers + Cached}, which overstates it a little
 *                           (not all cache can be dropped)
 */
public record MemoryReading(long totalBytes, long availableBytes, boolean availableEstimated) {

    public double availablePercent() {
        return totalBytes == 0 ? 0 : 100.0 * availableBytes / totalBytes;
    }

    /** The reading in {@code /proc/meminfo} text; empty when MemTotal or every way to availability is missing. */
    public static Optional<MemoryReading> parseProcMeminfo(String text) {
        Map<String, Long> kib = new HashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String[] value = line.substring(colon + 1).strip().split("\\s+");
            // Page counts (HugePages_*) carry no unit; only kB lines are sizes.
            if (value.length == 2 && value[1].equals("kB")) {
                try {
                    kib.put(line.substring(0, colon), Long.parseLong(value[0]));
                } catch (NumberFormatException e) {
                    // A garbled line makes only that field unknown.
                }
            }
        }
        Long total = kib.get("MemTotal");
        if (total == null || total <= 0) {
            return Optional.empty();
        }
        Long available = kib.get("MemAvailable");
        if (available != null) {
            return Optional.of(new MemoryReading(total * 1024, available * 1024, false));
        }
        Long free = kib.get("MemFree");
        Long buffers = kib.get("Buffers");
        Long cached = kib.get("Cached");
        if (free == null || buffers == null || cached == null) {
            return Optional.empty();
        }
        return Optional.of(new MemoryReading(total * 1024, Math.min(total, free + buffers + cached) * 1024, true));
    }
}
