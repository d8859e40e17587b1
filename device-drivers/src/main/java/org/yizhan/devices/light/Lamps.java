package org.yizhan.devices.light;

/**
 * Which colours of the RGB status LED are lit. Amber is red and green together.
 */
public record Lamps(boolean red, boolean green, boolean blue) {

    public static final Lamps DARK = new Lamps(false, false, false);
    public static final Lamps RED = new Lamps(true, false, false);
    public static final Lamps GREEN = new Lamps(false, true, false);
    public static final Lamps BLUE = new Lamps(false, false, true);
    public static final Lamps AMBER = new Lamps(true, true, false);
}
