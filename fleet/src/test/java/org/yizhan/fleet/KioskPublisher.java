package org.yizhan.fleet;

import java.util.concurrent.TimeUnit;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.connection.OutgoingMessage;
import org.yizhan.fleet.mqtt.PahoFleetConnection;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.KioskTopic;
import org.yizhan.protocol.topic.TopicKind;
import org.yizhan.protocol.topic.Topics;

/** A kiosk as the broker sees it: real payloads from the codec, on its topics, with the contract's QoS and retain. */
public final class KioskPublisher implements AutoCloseable {

    private final KioskId id;
    private final PahoFleetConnection connection;
    private final PayloadCodec codec = new PayloadCodec();

    public KioskPublisher(String brokerUrl, KioskId id) {
        this.id = id;
        this.connection = PahoFleetConnection.connect(FleetConnectionSettings.anonymous(brokerUrl,
                Topics.of(id).clientId()));
    }

    /** Publishes {@code message} and waits for the broker to take it (its PUBACK at QoS 1). */
    public void send(Message message) throws Exception {
        TopicKind kind = message.topicKind();
        raw(KioskTopic.of(id, kind).toString(), codec.encode(message), kind.qos(), kind.retained());
    }

    public void raw(String topic, byte[] payload, int qos, boolean retained) throws Exception {
        connection.publish(new OutgoingMessage(topic, payload, qos, retained, null, null)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        connection.close();
    }
}
