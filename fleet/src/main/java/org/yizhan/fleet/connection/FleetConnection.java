package org.yizhan.fleet.connection;

import java.util.concurrent.CompletionStage;

/**
 * The fleet's connection to the MQTT 5 broker, as the fleet's features see it: publish a message, subscribe
 * to a filter. {@code mqtt.PahoFleetConnection} implements it; it is the only class of the fleet that knows
 * an MQTT client library.
 *
 * <p><b>Publishing.</b> {@link #publish} completes when the message is <i>published</i>: for QoS 1 when the
 * broker's PUBACK arrives with a success code, for QoS 0 when it is written to the connection. It fails with
 * a {@link FleetConnectionException} when the broker refuses it (e.g. {@code not authorized (0x87)} from an
 * ACL), when the connection is lost or closed before the PUBACK, or at once when there is no connection.
 * Nothing is buffered for later.
 *
 * <p><b>Subscribing.</b> {@link #subscribe} completes with a {@link Subscription} once the broker granted the
 * subscription (SUBACK), so a request published afterwards cannot be answered before the answer can arrive.
 * Several subscriptions to the same filter share one MQTT subscription, which ends with the last of them.
 * Every message whose topic matches a subscription's filter is handed to its listener; messages to
 * overlapping filters may arrive more than once, so listeners tolerate copies.
 *
 * <p><b>Threading.</b> Every method may be called from any thread. Listeners are called on one delivery
 * thread of the connection, in the order messages arrive, never on the caller's thread; a listener must
 * return quickly and may call this connection.
 *
 * <p><b>Losing the connection.</b> There is no reconnecting: a lost connection fails publishes not yet
 * acknowledged, tells every listener once through {@link SubscriptionListener#connectionLost}, and after it
 * every call fails. The caller makes a new connection if it wants one.
 */
public interface FleetConnection extends AutoCloseable {

    /** Publishes {@code message}; see the class comment for when the stage completes. */
    CompletionStage<Void> publish(OutgoingMessage message);

    /**
     * Subscribes to {@code filter} at QoS 1.
     *
     * @throws IllegalArgumentException when {@code filter} is not a valid MQTT topic filter
     */
    CompletionStage<Subscription> subscribe(String filter, SubscriptionListener listener);

    /** The broker's URL, for messages, e.g. {@code tcp://127.0.0.1:1883}. */
    String url();

    /**
     * Disconnects normally, then releases the connection's threads. Publishes not yet acknowledged fail;
     * listeners are not told. Idempotent.
     */
    @Override
    void close();
}
