package org.yizhan.devices.gpio;

import java.util.Objects;

/**
 * One input line of the 40-pin header.
 *
 * @param key       the configuration key that named it, e.g. {@code gpio.help}; also its Pi4J id
 * @param bcm       the BCM GPIO number, 2–27
 * @param activeLow whether the sensor signals (beam broken, button pressed) by pulling the line low
 * @param pull      the internal resistor the Pi applies to the line
 */
public record InputPin(String key, int bcm, boolean activeLow, Pull pull) {

    public InputPin {
        GpioPinMap.checkBcm(key, bcm);
        Objects.requireNonNull(pull, "pull");
    }

    /** Whether the sensor is signalling when the line is at {@code high}. */
    public boolean active(boolean high) {
        return high != activeLow;
    }
}
