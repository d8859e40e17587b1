package org.yizhan.devices.health.ble;

/** A Bluetooth operation failed; the message is for a maintainer and says what to check. */
public final class BleLinkException extends Exception {

    public BleLinkException(String message) {
        super(message);
    }

    public BleLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
