package org.yizhan.devices.system;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The firmware's throttling word, as {@code vcgencmd get_throttled} prints it: {@code throttled=0x50005}
 * is under-voltage now and throttled now (bits 0 and 2), and both have occurred (bits 16 and 18).
 *
 * <p>The "has occurred" bits are sticky in the firmware until reboot, but the kernel's {@code rpi_volt}
 * hwmon driver asks the firmware to clear them on each of its 2-second polls (raspberrypi-hwmon.c:
 * "Request firmware to clear sticky bits"; the kernel log then shows "Voltage normalised" seconds after
 * an under-voltage). Where that driver is loaded, read bits 16–19 as "recently", not "since boot"; the
 * device status board keeps the longer history.
 *
 * @param bits the whole word; bits without a {@link ThrottleFlag} name are kept but not interpreted
 */
public record ThrottleState(int bits) {

    private static final Pattern VCGENCMD = Pattern.compile("throttled=0x([0-9a-fA-F]{1,8})");

    /** The state in {@code vcgencmd get_throttled} output; empty when the output is anything else. */
    public static Optional<ThrottleState> parseVcgencmd(String output) {
        Matcher m = VCGENCMD.matcher(output.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ThrottleState((int) Long.parseLong(m.group(1), 16)));
    }

    public boolean has(ThrottleFlag flag) {
        return (bits & flag.mask()) != 0;
    }

    /** The named flags that are set, in bit order. */
    public Set<ThrottleFlag> flags() {
        Set<ThrottleFlag> set = EnumSet.noneOf(ThrottleFlag.class);
        for (ThrottleFlag flag : ThrottleFlag.values()) {
            if (has(flag)) {
                set.add(flag);
            }
        }
        return set;
    }

    /** The word as vcgencmd prints it, e.g. {@code 0x50005}. */
    public String hex() {
        return "0x" + Integer.toHexString(bits);
    }
}
