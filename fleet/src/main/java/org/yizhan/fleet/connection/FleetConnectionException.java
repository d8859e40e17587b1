package org.yizhan.fleet.connection;

/**
 * A {@link FleetConnection} could not do what was asked: connect, publish or subscribe. The message is one
 * line in English naming the broker's or the client's reason, e.g.
 * {@code cannot connect to tcp://127.0.0.1:1883: Connection refused}.
 */
public final class FleetConnectionException extends RuntimeException {

    public FleetConnectionException(String message) {
        super(message);
    }

    public FleetConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
