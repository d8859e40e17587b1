package org.yizhan.testsupport.command;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
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
import org.yizhan.testsupport.mqtt.MessageOnlyCallback;

/**
 * A kiosk as far as commands go, for the tests of what sends them: on its own Paho client, subscribed to its
 * {@code …/cmd/+}, it verifies every command with the real {@link CommandVerifier}, records what arrived
 * ({@link #arrivals}) and publishes what its {@link Responder} says, on the topic a kiosk would
 * ({@link Topics#responseTopic}). {@link #obeying} answers as a real kiosk does; other responders answer wrongly
 * on purpose. It needs only the protocol, so the fleet's and the launcher's tests share it.
 *
 * <p>Answers are published asynchronously from Paho's thread: waiting there would block the client.
 */
public final class FakeKiosk implements AutoCloseable {

    /** What arrived: the topic, the payload and the MQTT properties, and what the verifier made of it. */
    public record Arrival(String topic, byte[] payload, int qos, boolean retained, String responseTopic,
            byte[] correlationData, Verification verification) {

        /** The command's name: the last level of its topic. */
        public String name() {
            return topic.substring(topic.lastIndexOf('/') + 1);
        }
    }

    /** A payload to publish in answer, with the correlation data to send with it (null for none). */
    public record Answer(byte[] payload, byte[] correlationData) {
    }

    /** What the kiosk publishes for one arrival: any number of answers, in order. */
    @FunctionalInterface
    public interface Responder {
        List<Answer> answer(Arrival arrival, FakeKiosk kiosk);
    }

    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
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

    /** Connected as kiosk {@code id}, trusting {@code keys}, and subscribed (SUBACK received) to its commands. */
    public static FakeKiosk start(String url, KioskId id, TrustedCommandKeys keys, Responder responder)
            throws MqttException {
        FakeKiosk kiosk = new FakeKiosk(url, id, keys, responder);
        kiosk.client.setCallback(new MessageOnlyCallback(kiosk::arrived));
        kiosk.client.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
        kiosk.client.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.of(id).commandFilter(), 1)})
                .waitForCompletion(10_000);
        return kiosk;
    }

    /** Answers as a kiosk does: ok, "done", to an accepted command; the verifier's reason to a rejected one. */
    public static List<Answer> obey(Arrival arrival, FakeKiosk kiosk) {
        return List.of(new Answer(kiosk.resultFor(arrival, "done"), arrival.correlationData()));
    }

    /**
     * Answers as a kiosk does, with the correlation data the command came with: an accepted command with what
     * {@code obey} makes of it, a rejected one with the verifier's reason.
     */
    public static Responder obeying(Function<Verification.Accepted, CommandResult> obey) {
        return (arrival, kiosk) -> {
            CommandResult result = arrival.verification() instanceof Verification.Accepted accepted
                    ? obey.apply(accepted)
                    : CommandResult.rejected(kiosk.envelope(), arrival.name(),
                            (Verification.Rejected) arrival.verification());
            return List.of(new Answer(kiosk.codec.encode(result), arrival.correlationData()));
        };
    }

    /** Every command that arrived, in order, with its verification; the test takes them out. */
    public BlockingQueue<Arrival> arrivals() {
        return arrivals;
    }

    /** The cmd-result a kiosk would send for {@code arrival}: ok with {@code message}, or the rejection. */
    public byte[] resultFor(Arrival arrival, String message) {
        if (arrival.verification() instanceof Verification.Accepted accepted) {
            return codec.encode(CommandResult.ok(envelope(), accepted.command(), message, Map.of()));
        }
        return codec.encode(CommandResult.rejected(envelope(), arrival.name(),
                (Verification.Rejected) arrival.verification()));
    }

    /** A fresh envelope, as the kiosk's next message would have. */
    public Envelope envelope() {
        return Envelope.next(seq.incrementAndGet(), Instant.now());
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
        String name = topic.substring(topic.lastIndexOf('/') + 1);
        Verification verification = verifier.verify(name, message.getPayload(), Instant.now());
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
                client.publish(Topics.of(id).responseTopic(responseTopic), result);
            } catch (MqttException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
