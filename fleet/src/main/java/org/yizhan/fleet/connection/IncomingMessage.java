package org.yizhan.fleet.connection;

import java.util.Objects;

/**
 * A message as it arrived from the broker, with the MQTT 5 request–response properties it carried.
 *
 * @param topic           the topic it was published to
 * @param payload         its bytes; callers must not change them
 * @param retained        true when the broker sent it from its retained store
 * @param responseTopic   the MQTT 5 response topic; null when none
 * @param correlationData the MQTT 5 correlation data; null when none (a broker or sender without MQTT 5
 *                        properties)
 * @param arrivedNanos    {@link System#nanoTime()} when the client library handed it over, so that a reader can
 *                        measure how long it took to become visible (the console's freshness)
 * @param acknowledgement on a connection with manual acknowledgement
 *                        ({@link FleetConnectionSettings#manualAcknowledgement}), what sends the PUBACK of this
 *                        QoS 1 message; null when the connection acknowledged it itself or it needs none (QoS 0)
 */
public record IncomingMessage(String topic, byte[] payload, boolean retained, String responseTopic,
        byte[] correlationData, long arrivedNanos, Acknowledgement acknowledgement) {

    /**
     * Sends a message's PUBACK, telling the broker it may forget the message. Idempotent; a no-op once the
     * connection that received the message is lost or closed (the broker then sends the message again to the
     * next connection of the same persistent session). Thread-safe.
     */
    @FunctionalInterface
    public interface Acknowledgement {
        void acknowledge();
    }

    public IncomingMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }

    /** A message arriving now, acknowledged by the connection. */
    public IncomingMessage(String topic, byte[] payload, boolean retained, String responseTopic,
            byte[] correlationData) {
        this(topic, payload, retained, responseTopic, correlationData, System.nanoTime(), null);
    }

    /** Acknowledges the message when it waits for that; see {@link Acknowledgement}. */
    public void acknowledge() {
        if (acknowledgement != null) {
            acknowledgement.acknowledge();
        }
    }
}
