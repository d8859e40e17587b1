package org.yizhan.fleet.command;

/**
 * A command did not reach the broker, so no kiosk will see it: the subscription to its answers or its publish
 * was refused, the connection was lost or closed, or the broker did not acknowledge it in time. The message
 * is one line naming the reason.
 */
public final class CommandNotSentException extends RuntimeException {

    public CommandNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
