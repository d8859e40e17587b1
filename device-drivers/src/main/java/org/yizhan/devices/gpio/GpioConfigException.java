package org.yizhan.devices.gpio;

/** A {@code gpio.*} setting that cannot be used; the message starts with the key, e.g. {@code gpio.door: …}. */
public final class GpioConfigException extends IllegalArgumentException {

    private final String key;

    public GpioConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** The configuration key at fault. */
    public String key() {
        return key;
    }
}
