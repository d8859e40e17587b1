package org.yizhan.devices.system;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wear of an eMMC, as the kernel's MMC driver shows it in {@code /sys/block/<disk>/device/life_time}
 * ({@code 0x01 0x02}: type A and type B estimates) and {@code pre_eol_info} ({@code 0x01}). SD cards do not
 * report wear; for them there is no {@code StorageWear} at all.
 *
 * @param disk      e.g. {@code mmcblk0}
 * @param typeA     life time estimate of the type A (SLC) memory
 * @param typeB     life time estimate of the type B (MLC) memory
 * @param preEol    the pre-end-of-life state
 */
public record StorageWear(
        String disk,
        Optional<LifeTimeEstimate> typeA,
        Optional<LifeTimeEstimate> typeB,
        Optional<PreEolInfo> preEol) {

    private static final Pattern TWO_BYTES = Pattern.compile("0x([0-9a-fA-F]{2})\\s+0x([0-9a-fA-F]{2})");
    private static final Pattern ONE_BYTE = Pattern.compile("0x([0-9a-fA-F]{2})");

    /** The more worn of the two estimates. */
    public Optional<LifeTimeEstimate> worstEstimate() {
        if (typeA.isEmpty()) {
            return typeB;
        }
        if (typeB.isEmpty()) {
            return typeA;
        }
        return typeA.get().code() >= typeB.get().code() ? typeA : typeB;
    }

    /** The raw type A and B bytes of a {@code life_time} file; empty on garbage. */
    static Optional<int[]> parseLifeTime(String text) {
        Matcher m = TWO_BYTES.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16)});
    }

    /** The raw byte of a {@code pre_eol_info} file; empty on garbage. */
    static Optional<Integer> parsePreEolInfo(String text) {
        Matcher m = ONE_BYTE.matcher(text.strip());
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1), 16)) : Optional.empty();
    }
}
