package org.yizhan.fleetsim;

/**
 * A publish that was not acknowledged.
 *
 * <p>{@link #refused()} is true when the broker answered with an error reason code (an ACL, a quota): sending it
 * again would be refused again. Otherwise the connection was not there or ended first, and the broker may or may not
 * have the message.
 */
public final class PublishFailedException extends Exception {

    private final boolean refused;

    public PublishFailedException(String reason, boolean refused) {
        super(reason);
        this.refused = refused;
    }

    public boolean refused() {
        return refused;
    }
}
