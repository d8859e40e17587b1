package org.yizhan.devices.status;

/** How a peripheral is doing, as the maintenance screen and the fleet show it. */
public enum DeviceState {
    /** Present and working. */
    CONNECTED("connected"),
    /** Present but not working well: errors, garbage, a failing check. */
    DEGRADED("degraded"),
    /** Not there: unplugged, not found, or not answering. */
    ABSENT("absent");

    private final String code;

    DeviceState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
