package org.yizhan.launcher.command;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
 * A kiosk as far as commands go: subscribed to its {@code …/cmd/+} on its own Paho client, it verifies each
 * command with the real {@link CommandVerifier} and answers a rejection as a kiosk does, an accepted command
 * with what {@code obey} makes of it, on the response topic with the correlation data it came with.
 */
final class FakeKiosk implements AutoCloseable {

    /** What each command verified to; the test reads it. */
    final BlockingQueue<Verification> verified = new LinkedBlockingQueue<>();
    private final KioskId id;
    private final CommandVerifier verifier;
    private final Function<Verification.Accepted, CommandResult> obey;
    private final MqttAsyncClient client;
    private final PayloadCodec codec = new PayloadCodec();
    private final AtomicLong seq = new AtomicLong();

    private FakeKiosk(String url, KioskId id, TrustedCommandKeys keys,
            Function<Verification.Accepted, CommandResult> obey) throws MqttException {
        this.id = id;
        this.verifier = new CommandVerifier(keys, id, new RecentNonces(Clock.systemUTC()));
        this.obey = obey;
        this.client = new MqttAsyncClient(url, Topics.of(id).clientId(), new MemoryPersistence());
    }

    static FakeKiosk start(String url, KioskId id, TrustedCommandKeys keys,
            Function<Verification.Accepted, CommandResult> obey) throws MqttException {
        FakeKiosk kiosk = new FakeKiosk(url, id, keys, obey);
        kiosk.client.setCallback(kiosk.new Callbacks());
        kiosk.client.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
        kiosk.client.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.of(id).commandFilter(), 1)})
                .waitForCompletion(10_000);
        return kiosk;
    }

    /** A fresh envelope, as the kiosk's next message would have. */
    Envelope envelope() {
        return Envelope.next(seq.incrementAndGet(), Instant.now());
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }

    private void arrived(String topic, MqttMessage message) throws MqttException {
        String name = topic.substring(topic.lastIndexOf('/') + 1);
        Verification verification = verifier.verify(name, message.getPayload(), Instant.now());
        verified.add(verification);
        CommandResult result = verification instanceof Verification.Accepted accepted ? obey.apply(accepted)
                : CommandResult.rejected(envelope(), name, (Verification.Rejected) verification);
        MqttProperties received = message.getProperties();
        MqttMessage answer = new MqttMessage(codec.encode(result));
        answer.setQos(1);
        MqttProperties properties = new MqttProperties();
        properties.setCorrelationData(received.getCorrelationData());
        answer.setProperties(properties);
        // asynchronous: waiting inside Paho's callback would block the client
        client.publish(Topics.of(id).responseTopic(received.getResponseTopic()), answer);
    }

    private final class Callbacks implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) throws MqttException {
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
