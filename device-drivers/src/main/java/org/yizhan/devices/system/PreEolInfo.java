package org.yizhan.devices.system;

import java.util.Optional;

/**
 * An eMMC's pre-end-of-life state (JEDEC eMMC 5.0 EXT_CSD {@code PRE_EOL_INFO}), which tracks how much
 * of the reserved blocks that replace worn ones is used up.
 */
public enum PreEolInfo {
    /** 0x01. */
    NORMAL,
    /** 0x02: 80% of the reserved blocks are used. */
    WARNING,
    /** 0x03: the reserved blocks are almost all used; the device may soon fail writes. */
    URGENT;

    /** The state for a raw EXT_CSD byte; empty for 0x00 (not defined) and reserved values. */
    public static Optional<PreEolInfo> ofCode(int code) {
        return switch (code) {
            case 0x01 -> Optional.of(NORMAL);
            case 0x02 -> Optional.of(WARNING);
            case 0x03 -> Optional.of(URGENT);
            default -> Optional.empty();
        };
    }
}
