package org.yizhan.fleetsim;

/** A connect the broker refused or that never reached it; the message says why, e.g. {@code not authorized (0x87)}. */
public final class ConnectFailedException extends Exception {

    public ConnectFailedException(String reason) {
        super(reason);
    }
}
