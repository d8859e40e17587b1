package org.yizhan.fleet.connection;

/** Receives what arrives on a {@link Subscription}, on the connection's delivery thread. */
public interface SubscriptionListener {

    void messageArrived(IncomingMessage message);

    /**
     * The connection was lost: nothing more arrives on this subscription. Called at most once, and not after
     * the subscription or the connection was closed.
     *
     * @param reason one line, e.g. {@code connection lost: Connection reset}
     */
    default void connectionLost(String reason) {
    }
}
