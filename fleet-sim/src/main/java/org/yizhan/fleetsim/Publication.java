package org.yizhan.fleetsim;

import java.util.Objects;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.KioskTopic;
import org.yizhan.protocol.topic.TopicKind;

/**
 * One MQTT message as a simulated kiosk sends it: the topic, the QoS and retain flag its {@link TopicKind} prescribes,
 * and the encoded payload. The payload array is handed over, never copied: nobody changes it after {@link #of}.
 */
public record Publication(String topic, int qos, boolean retained, byte[] payload) {

    public Publication {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS is 0, 1 or 2, not " + qos);
        }
    }

    /** {@code message} of {@code kiosk}, on its kind's topic with its kind's QoS and retain flag. */
    static Publication of(KioskId kiosk, Message message, PayloadCodec codec) {
        return of(kiosk, message.topicKind(), codec.encode(message));
    }

    static Publication of(KioskId kiosk, TopicKind kind, byte[] payload) {
        return new Publication(KioskTopic.of(kiosk, kind).toString(), kind.qos(), kind.retained(), payload);
    }
}
