package org.yizhan.fleetsim;

import java.util.concurrent.CompletableFuture;

/**
 * One MQTT connection of one simulated kiosk: connect once, publish, and end it either as a kiosk that crashed
 * ({@link #crash}) or as one that stops cleanly ({@link #disconnect}). A new connect takes a new connection.
 *
 * <p>Futures complete on the implementation's threads, never on the caller's: callers that keep state move the
 * outcome to their own thread. Failures are {@link ConnectFailedException} and {@link PublishFailedException}, whose
 * messages say why in the words of {@code MqttReasonCode}; no MQTT client type reaches the caller.
 */
public interface KioskConnection {

    /** Sends CONNECT; completes when the broker accepted it (CONNACK success). */
    CompletableFuture<Void> connect(ConnectRequest request);

    /**
     * Publishes at the publication's QoS: completes on PUBACK for QoS 1 (failing when the PUBACK carries an error
     * reason code) and once written for QoS 0; fails at once when not connected, and when the connection ends
     * before the PUBACK (the broker may then have it or not).
     */
    CompletableFuture<Void> publish(Publication publication);

    /**
     * Closes the TCP connection without DISCONNECT, as a crash or a pulled cable would: the broker publishes the
     * Last Will. Publishes not yet acknowledged fail. Does nothing when not connected.
     */
    void crash();

    /** A normal DISCONNECT (reason 0x00), after which the broker discards the Last Will. */
    CompletableFuture<Void> disconnect();
}
