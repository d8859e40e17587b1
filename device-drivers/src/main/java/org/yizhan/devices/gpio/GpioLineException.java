package org.yizhan.devices.gpio;

/** A GPIO line could not be claimed or driven; the message names the line and carries Pi4J's reason. */
public final class GpioLineException extends Exception {

    public GpioLineException(String message) {
        super(message);
    }
}
