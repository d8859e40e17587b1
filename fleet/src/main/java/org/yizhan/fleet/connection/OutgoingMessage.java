package org.yizhan.fleet.connection;

import java.util.Objects;

/**
 * A message to publish.
 *
 * @param topic           a topic name (no wildcards)
 * @param payload         its bytes; not copied, so not to be changed until published
 * @param qos             0 or 1
 * @param retained        whether the broker keeps it for later subscribers
 * @param responseTopic   the MQTT 5 response topic asking for an answer there; null for none
 * @param correlationData the MQTT 5 correlation data the answer carries back; null for none
 */
public record OutgoingMessage(String topic, byte[] payload, int qos, boolean retained, String responseTopic,
        byte[] correlationData) {

    public OutgoingMessage {
        Objects.requireNonNull(payload, "payload");
        if (topic == null || topic.isEmpty() || topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            throw new IllegalArgumentException("'" + topic + "' is not a topic to publish to");
        }
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("QoS " + qos + ": the fleet publishes at QoS 0 or 1");
        }
    }

    /** A request at QoS 1, not retained, asking for its answer on {@code responseTopic}. */
    public static OutgoingMessage request(String topic, byte[] payload, String responseTopic,
            byte[] correlationData) {
        return new OutgoingMessage(topic, payload, 1, false, Objects.requireNonNull(responseTopic, "responseTopic"),
                Objects.requireNonNull(correlationData, "correlationData"));
    }
}
