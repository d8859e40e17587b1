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
 */
public record IncomingMessage(String topic, byte[] payload, boolean retained, String responseTopic,
        byte[] correlationData) {

    public IncomingMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }
}
