package org.yizhan.kiosk.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * The fleet's side in a test: a plain Paho client that records every message on its filters, and sends
 * commands. Connects directly to the broker, never through a test's proxy.
 */
public final class Observer implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(10);

    /** A message as the observer received it. */
    public record Received(String topic, byte[] payload, boolean retained) {

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final MqttAsyncClient client;
    private final List<Received> received = new ArrayList<>();

    private Observer(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connected and subscribed (SUBACK received) to {@code filters}; retained messages arrive first. */
    public static Observer watching(String url, String... filters) throws MqttException {
        return watching(url, null, null, filters);
    }

    public static Observer watching(String url, String username, byte[] password, String... filters) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, "observer-" + UUID.randomUUID(), new MemoryPersistence());
        Observer observer = new Observer(client);
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                synchronized (observer.received) {
                    observer.received.add(new Received(topic, message.getPayload(), message.isRetained()));
                    observer.received.notifyAll();
                }
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
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password);
        }
        client.connect(options).waitForCompletion(PATIENCE.toMillis());
        if (filters.length > 0) {
            MqttSubscription[] subscriptions = new MqttSubscription[filters.length];
            for (int i = 0; i < filters.length; i++) {
                subscriptions[i] = new MqttSubscription(filters[i], 1);
            }
            // the array form with setCallback: subscribe(String, int, IMqttMessageListener) recurses in Paho 1.2.5
            client.subscribe(subscriptions, null, null, new MqttProperties()).waitForCompletion(PATIENCE.toMillis());
        }
        return observer;
    }

    /**
     * The first message, in arrival order, that {@code wanted} accepts, taken out; the others stay for later
     * calls.
     */
    public Received await(Predicate<Received> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        synchronized (received) {
            while (true) {
                for (Iterator<Received> it = received.iterator(); it.hasNext(); ) {
                    Received next = it.next();
                    if (wanted.test(next)) {
                        it.remove();
                        return next;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return fail("no " + what + " within " + PATIENCE + "; received instead: "
                            + received.stream().map(r -> r.topic() + " " + r.text()).toList());
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
        }
    }

    /** Everything not yet taken, after waiting {@code quiet} for more. */
    public List<Received> rest(Duration quiet) throws InterruptedException {
        Thread.sleep(quiet.toMillis());
        synchronized (received) {
            List<Received> rest = new ArrayList<>(received);
            received.clear();
            return rest;
        }
    }

    /** Publishes at QoS 1 with the MQTT 5 request–response properties, and waits for the PUBACK. */
    public void request(String topic, byte[] payload, String responseTopic, byte[] correlationData) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic(responseTopic);
        properties.setCorrelationData(correlationData);
        message.setProperties(properties);
        client.publish(topic, message).waitForCompletion(PATIENCE.toMillis());
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(PATIENCE.toMillis());
        }
        client.close(true);
    }
}
