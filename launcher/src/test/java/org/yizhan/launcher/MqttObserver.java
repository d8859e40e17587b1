package org.yizhan.launcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
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

/**
 * The fleet's side in a test, like {@code mosquitto_sub -v -t 'yizhan/#'}: a Paho MQTT 5 client that keeps every
 * message on its filter ({@link Arrivals}), with the time it arrived and the retain flag the publisher set — it
 * subscribes with "retain as published", so a retained {@code state} is recognisable also when it arrives live.
 *
 * <p>Its session outlives a broker restart (a session expiry of ten minutes, QoS 1): after {@link #reconnect} the
 * broker delivers what was published for it while it was away, provided the broker kept the session (mosquitto
 * with persistence does). It connects with clean start off from the first time — its client id is new, so there
 * is no old session to resume — because mosquitto 2.0.11 does not save the session of a client that connected
 * with clean start on, whatever its session expiry.
 */
final class MqttObserver implements AutoCloseable {

    /** A message as it arrived; {@code index} is its place among everything this observer received. */
    record Received(int index, String topic, byte[] payload, boolean retained, long arrivedNanos) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        boolean on(String topicName) {
            return topic.equals(topicName);
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final long SESSION_EXPIRY_SECONDS = 600;

    private final String url;
    private final String filter;
    private final String clientId = "observer-" + UUID.randomUUID();
    private final Arrivals<Received> received = new Arrivals<>(r -> (r.retained() ? "[retained] " : "")
            + r.topic() + " " + abbreviated(r.text()));
    private MqttAsyncClient client;

    private MqttObserver(String url, String filter) {
        this.url = url;
        this.filter = filter;
    }

    /** Connected, and subscribed (SUBACK received) to {@code filter} at QoS 1; retained messages arrive first. */
    static MqttObserver watching(String url, String filter) throws MqttException {
        MqttObserver observer = new MqttObserver(url, filter);
        observer.connect();
        MqttSubscription subscription = new MqttSubscription(filter, 1);
        subscription.setRetainAsPublished(true);
        // The array form with setCallback: subscribe(String, int, IMqttMessageListener) recurses in Paho 1.2.5.
        observer.client.subscribe(new MqttSubscription[] {subscription}, null, null, new MqttProperties())
                .waitForCompletion(PATIENCE.toMillis());
        return observer;
    }

    /**
     * Connects again after the broker was restarted, resuming the session: what was published on the filter
     * meanwhile arrives now.
     *
     * @throws IllegalStateException when the broker did not keep the session (messages would have been lost)
     */
    void reconnect() throws MqttException {
        if (client.isConnected()) {
            throw new IllegalStateException("still connected to " + url + "; reconnect is for after a broker restart");
        }
        client.close(true);
        if (!connect()) {
            throw new IllegalStateException("the broker at " + url + " did not keep the session of " + clientId
                    + ", so messages published on " + filter + " while it was away are lost to it");
        }
    }

    Arrivals<Received> received() {
        return received;
    }

    /** The index the next message will have. */
    int mark() {
        return received.mark();
    }

    /** The first message from index {@code from} on that {@code wanted} accepts. */
    Received await(int from, Predicate<Received> wanted, Duration patience, String what) throws InterruptedException {
        return received.await(from, wanted, patience, what);
    }

    /** The first {@code count} messages from index {@code from} on that {@code wanted} accepts. */
    List<Received> await(int from, Predicate<Received> wanted, int count, Duration patience, String what)
            throws InterruptedException {
        return received.await(from, wanted, count, patience, what);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(PATIENCE.toMillis());
        }
        client.close(true);
    }

    /** Connects a new client with this observer's id; returns whether the broker had kept its session. */
    private boolean connect() throws MqttException {
        client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        client.setCallback(new Recorder());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        IMqttToken connected = client.connect(options);
        connected.waitForCompletion(PATIENCE.toMillis());
        return connected.getSessionPresent();
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private final class Recorder implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            long now = System.nanoTime();
            received.add(index -> new Received(index, topic, message.getPayload(), message.isRetained(), now));
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
