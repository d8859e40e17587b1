package org.yizhan.kiosk.config;

/** The configuration is unusable; the message names the key or file and says what is wrong. */
public class KioskConfigException extends RuntimeException {

    public KioskConfigException(String message) {
        super(message);
    }
}
