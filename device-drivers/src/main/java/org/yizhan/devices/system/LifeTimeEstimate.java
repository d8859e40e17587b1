package org.yizhan.devices.system;

import java.util.Optional;

/**
 * One of an eMMC's device life time estimates (JEDEC eMMC 5.0 EXT_CSD {@code DEVICE_LIFE_TIME_EST_TYP_A}
 * or {@code _B}), in steps of 10%: code 0x01 is 0–10% of the estimated life used, 0x0A is 90–100%, and
 * 0x0B means the estimated life is exceeded.
 *
 * @param code 0x01 to 0x0B; 0x00 ("not defined") is represented by no estimate at all
 */
public record LifeTimeEstimate(int code) {

    public static final int EXCEEDED = 0x0B;

    public LifeTimeEstimate {
        if (code < 0x01 || code > EXCEEDED) {
            throw new IllegalArgumentException("life time estimate code out of range: " + code);
        }
    }

    /** The estimate for a raw EXT_CSD byte; empty for 0x00 (not defined) and reserved values. */
    public static Optional<LifeTimeEstimate> ofCode(int code) {
        return code >= 0x01 && code <= EXCEEDED ? Optional.of(new LifeTimeEstimate(code)) : Optional.empty();
    }

    /** The lower bound of the used share: 0 for 0x01, 90 for 0x0A, 100 once exceeded. */
    public int usedPercentAtLeast() {
        return exceeded() ? 100 : (code - 1) * 10;
    }

    public boolean exceeded() {
        return code == EXCEEDED;
    }

    @Override
    public String toString() {
        return exceeded() ? "estimated life exceeded" : usedPercentAtLeast() + "–" + code * 10 + "% of life used";
    }
}
