package org.yizhan.devices.gpio;

/**
 * A simulated GPIO input that tests and the headless command {@code gpio <name> high|low} drive with
 * electrical levels. A level goes through the same wiring (active-low) and debounce as on the Pi, so a
 * simulated button wired to ground is pressed by {@code low}.
 */
public interface SimulatedInput {

    /** The device name, as the headless command and the status board call it. */
    String name();

    /** The line is now at {@code high} (true) or low. */
    void level(boolean high);

    default void high() {
        level(true);
    }

    default void low() {
        level(false);
    }
}
