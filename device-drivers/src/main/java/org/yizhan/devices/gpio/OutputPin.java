package org.yizhan.devices.gpio;

/**
 * One output line of the 40-pin header.
 *
 * @param key       the configuration key that named it, e.g. {@code gpio.door}; also its Pi4J id
 * @param bcm       the BCM GPIO number, 2–27
 * @param activeLow whether the device is on while the line is low (most relay modules, common-anode LEDs)
 */
public record OutputPin(String key, int bcm, boolean activeLow) {

    public OutputPin {
        GpioPinMap.checkBcm(key, bcm);
    }

    /** The electrical level that puts the device in {@code active}: true is high. */
    public boolean level(boolean active) {
        return active != activeLow;
    }
}
