package org.yizhan.devices.system;

/**
 * The named bits of the firmware's throttling word ({@code vcgencmd get_throttled}), as the Raspberry
 * Pi documentation lists them. Bits 0–3 describe the moment of the query; bits 16–19 say the same thing
 * has happened at some point before it.
 */
public enum ThrottleFlag {
    UNDER_VOLTAGE_NOW(0, "under-voltage now"),
    ARM_FREQUENCY_CAPPED_NOW(1, "ARM frequency capped now"),
    THROTTLED_NOW(2, "throttled now"),
    SOFT_TEMPERATURE_LIMIT_NOW(3, "soft temperature limit active now"),
    UNDER_VOLTAGE_OCCURRED(16, "under-voltage has occurred"),
    ARM_FREQUENCY_CAPPED_OCCURRED(17, "ARM frequency capping has occurred"),
    THROTTLED_OCCURRED(18, "throttling has occurred"),
    SOFT_TEMPERATURE_LIMIT_OCCURRED(19, "soft temperature limit has occurred");

    private final int bit;
    private final String description;

    ThrottleFlag(int bit, String description) {
        this.bit = bit;
        this.description = description;
    }

    public int bit() {
        return bit;
    }

    public int mask() {
        return 1 << bit;
    }

    public String description() {
        return description;
    }
}
