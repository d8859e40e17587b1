package org.yizhan.devices.gpio;

/** The Pi's internal resistor on an input line, as {@code gpio.<input>.pull} names it. */
public enum Pull {
    /** To 3.3 V: the line reads high when nothing drives it (a button or beam receiver switching to ground). */
    UP("up"),
    /** To ground: the line reads low when nothing drives it (a PIR's output, or an unplugged sensor). */
    DOWN("down"),
    /** None: the sensor drives the line both ways, or an external resistor holds it. */
    OFF("off");

    private final String code;

    Pull(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
