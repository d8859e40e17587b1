package org.yizhan.kiosk.telemetry;

import java.util.Objects;

/**
 * A message that arrived on one of this kiosk's {@code cmd/{name}} topics, unverified, with the MQTT 5
 * request–response properties the sender set. Answer it on {@code Topics.responseTopic(responseTopic)} with the
 * same correlation data.
 *
 * @param topic           the topic it arrived on, e.g. {@code yizhan/v1/demo/kiosk-1/cmd/notice}
 * @param payload         its bytes, as sent (a compact JWS when well-formed)
 * @param responseTopic   the response topic property, or null when the sender set none
 * @param correlationData the correlation data property, or null when the sender set none
 */
public record ReceivedCommand(String topic, byte[] payload, String responseTopic, byte[] correlationData) {

    public ReceivedCommand {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }
}
