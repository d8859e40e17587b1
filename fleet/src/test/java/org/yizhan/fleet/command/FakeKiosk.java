package org.yizhan.fleet.command;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.command.CommandResult;
import org.yizhan.protocol.command.CommandVerifier;
import org.yizhan.protocol.command.RecentNonces;
import org.yizhan.protocol.command.TrustedCommandKeys;
import org.yizhan.protocol.command.Verification;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.Topics;

/**
 * A kiosk as far as commands go, on its own Paho client: subscribed to its {@code …/cmd/+}, it verifies every
 * command with the real {@link CommandVerifier}, records what arrived and publishes what its {@link Responder}
 * says, on the topic a kiosk would ({@link Topics#responseTopic}).
 */
final class FakeKiosk implements AutoCloseable {

    /** What arrived: the topic, the payload and the MQTT properties, and what the verifier made of it. */
    record Arrival(String topic, byte[] payload, int qos, boolean retained, String responseTopic,
            byte[] correlationData, Verification verification) {
    }

    /** A payload to publish in answer, with the correlation data to send with it (null for none). */
    record Answer(byte[] payload, byte[] correlationData) {
    }

    @FunctionalInterface
    interface Responder {
        List<Answer> answer(Arrival arrival, FakeKiosk kiosk);
    }

    final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final KioskId id;
    private final CommandVerifier verifier;
    private final Responder responder;
    private final MqttAsyncClient client;
    private final PayloadCodec codec = new PayloadCodec();
    private final AtomicLong seq = new AtomicLong();

    private FakeKiosk(String url, KioskId id, TrustedCommandKeys keys, Responder responder) throws MqttException {
        this.id = id;
        this.verifier = new CommandVerifier(keys, id, new RecentNonces(Clock.systemUTC()));
        this.responder = responder;
        this.client = new MqttAsyncClient(url, Topics.of(id).clientId(), new MemoryPersistence());
    }

    static FakeKiosk start(String url, KioskId id, TrustedCommandKeys keys, Responder responder)
            throws MqttException {
        FakeKiosk kiosk = new FakeKiosk(url, id, keys, responder);
        kiosk.client.setCallback(kiosk.new Callbacks());
        kiosk.client.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
        kiosk.client.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.of(id).commandFilter(), 1)})
                .waitForCompletion(10_000);
        return kiosk;
    }

    /** Answers as a kiosk does: ok for an accepted command, rejected with the verifier's reason otherwise. */
    static List<Answer> obey(Arrival arrival, FakeKiosk kiosk) {
        return List.of(new Answer(kiosk.resultFor(arrival, "done"), arrival.correlationData()));
    }

    /** The cmd-result a kiosk would send for {@code arrival}: ok with {@code message}, or the rejection. */
    byte[] resultFor(Arrival arrival, String message) {
        Envelope envelope = Envelope.next(seq.incrementAndGet(), Instant.now());
        if (arrival.verification() instanceof Verification.Accepted accepted) {
            return codec.encode(CommandResult.ok(envelope, accepted.command(), message, Map.of()));
        }
        String name = arrival.topic().substring(arrival.topic().lastIndexOf('/') + 1);
        return codec.encode(CommandResult.rejected(envelope, name, (Verification.Rejected) arrival.verification()));
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }

    private void arrived(String topic, MqttMessage message) {
        MqttProperties properties = message.getProperties();
        String responseTopic = properties == null ? null : properties.getResponseTopic();
        byte[] correlation = properties == null ? null : properties.getCorrelationData();
        Verification verification = verifier.verify(topic.substring(topic.lastIndexOf('/') + 1), message.getPayload(),
                Instant.now());
        Arrival arrival = new Arrival(topic, message.getPayload(), message.getQos(), message.isRetained(),
                responseTopic, correlation, verification);
        arrivals.add(arrival);
        for (Answer answer : responder.answer(arrival, this)) {
            MqttMessage result = new MqttMessage(answer.payload());
            result.setQos(1);
            MqttProperties answerProperties = new MqttProperties();
            if (answer.correlationData() != null) {
                answerProperties.setCorrelationData(answer.correlationData());
            }
            result.setProperties(answerProperties);
            try {
                // asynchronous: waiting inside Paho's callback would block the client
                client.publish(Topics.of(id).responseTopic(responseTopic), result);
            } catch (MqttException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final class Callbacks implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            arrived(topic, message);
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
