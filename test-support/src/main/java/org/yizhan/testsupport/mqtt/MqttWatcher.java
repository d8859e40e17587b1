package org.yizhan.testsupport.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.yizhan.testsupport.Arrivals;

/**
 * The fleet's side in a test, like {@code mosquitto_sub -v}: a plain Paho MQTT 5 client, subscribed at QoS 1, that
 * keeps every message on its filters in arrival order ({@link #received}), with the retain flag and the time it
 * arrived, and that can publish as the fleet does (commands with request–response properties). It connects to
 * the broker directly, never through a test's {@link TcpRelay}.
 *
 * <p>Tests wait on what it received either by taking ({@link #take}, {@link #rest}: each message matched once)
 * or by index ({@link #mark}, {@link #await(int, Predicate, Duration, String)}); see {@link Arrivals}.
 *
 * <p>By default it has a clean session and sees the retain flag as MQTT delivers it (set only for messages from
 * the broker's retained store). {@link Builder#retainAsPublished} shows the publisher's flag on live messages
 * too; {@link Builder#keepingSession} lets the session outlive a broker restart, so that after
 * {@link #reconnect} the broker delivers what was published for it meanwhile.
 *
 * <p>Thread-safe. Paho calls back on its own thread; a message counts as received before the broker hears that
 * it arrived (the PUBACK is sent after the callback returns).
 */
public final class MqttWatcher implements AutoCloseable {

    /** How long the tests' MQTT waits last unless they say otherwise. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);
    /** The session expiry of a watcher {@link Builder#keepingSession keeping its session}. */
    private static final long SESSION_EXPIRY_SECONDS = 600;

    /** A message as it arrived; {@code index} is its place among everything this watcher received. */
    public record Received(int index, String topic, byte[] payload, boolean retained, long arrivedNanos) {

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        public boolean on(String topicName) {
            return topic.equals(topicName);
        }
    }

    /** How a watcher connects and subscribes; {@link #watch} connects it. */
    public static final class Builder {

        private final String url;
        private String username;
        private byte[] password;
        private boolean retainAsPublished;
        private boolean keepSession;

        private Builder(String url) {
            this.url = url;
        }

        /** Connects with a user name and password. */
        public Builder as(String username, byte[] password) {
            this.username = username;
            this.password = password.clone();
            return this;
        }

        /** Subscribes with "retain as published": a retained message is recognisable also when it arrives live. */
        public Builder retainAsPublished() {
            this.retainAsPublished = true;
            return this;
        }

        /**
         * Keeps the session for ten minutes after a disconnect, for {@link MqttWatcher#reconnect}. It connects with
         * clean start off from the first time — its client id is new, so there is no old session to resume —
         * because mosquitto 2.0.11 does not save the session of a client that connected with clean start on,
         * whatever its session expiry.
         */
        public Builder keepingSession() {
            this.keepSession = true;
            return this;
        }

        /**
         * Connected, and subscribed (SUBACK received) to {@code filters} at QoS 1; retained messages arrive first.
         * With no filters it only publishes.
         */
        public MqttWatcher watch(String... filters) throws MqttException {
            MqttWatcher watcher = new MqttWatcher(this);
            watcher.connect();
            if (filters.length > 0) {
                MqttSubscription[] subscriptions = new MqttSubscription[filters.length];
                for (int i = 0; i < filters.length; i++) {
                    subscriptions[i] = new MqttSubscription(filters[i], 1);
                    subscriptions[i].setRetainAsPublished(retainAsPublished);
                }
                // the array form with setCallback: subscribe(String, int, IMqttMessageListener) recurses in Paho 1.2.5
                watcher.client.subscribe(subscriptions, null, null, new MqttProperties())
                        .waitForCompletion(PATIENCE.toMillis());
            }
            return watcher;
        }
    }

    private final Builder options;
    private final String clientId = "watcher-" + UUID.randomUUID();
    private final Arrivals<Received> received = new Arrivals<>(r -> (r.retained() ? "[retained] " : "")
            + r.topic() + " " + abbreviated(r.text()));
    private final Object triggerLock = new Object();
    private int triggerAt = -1;
    private Runnable trigger;
    private volatile MqttAsyncClient client;

    private MqttWatcher(Builder options) {
        this.options = options;
    }

    /** A watcher of {@code url}; say how it connects, then {@link Builder#watch}. */
    public static Builder to(String url) {
        return new Builder(url);
    }

    /** Connected anonymously with a clean session, and subscribed (SUBACK received) to {@code filters} at QoS 1. */
    public static MqttWatcher watching(String url, String... filters) throws MqttException {
        return to(url).watch(filters);
    }

    /** Everything received, in arrival order. */
    public Arrivals<Received> received() {
        return received;
    }

    /** The first message not taken yet that {@code wanted} accepts, within {@link #PATIENCE}; taken. */
    public Received take(Predicate<Received> wanted, String what) throws InterruptedException {
        return received.take(wanted, PATIENCE, what);
    }

    /** Every message not taken yet, after waiting {@code quiet} for more; all taken. */
    public List<Received> rest(Duration quiet) throws InterruptedException {
        Thread.sleep(quiet.toMillis());
        return received.takeRest();
    }

    /** The index the next message will have. */
    public int mark() {
        return received.mark();
    }

    /** The first message from index {@code from} on that {@code wanted} accepts. */
    public Received await(int from, Predicate<Received> wanted, Duration patience, String what)
            throws InterruptedException {
        return received.await(from, wanted, patience, what);
    }

    /** The first {@code count} messages from index {@code from} on that {@code wanted} accepts. */
    public List<Received> await(int from, Predicate<Received> wanted, int count, Duration patience, String what)
            throws InterruptedException {
        return received.await(from, wanted, count, patience, what);
    }

    /**
     * Runs {@code action} on Paho's thread as the {@code n}-th message arrives (counting from 1, all messages),
     * before the broker hears that it arrived. It must not block.
     */
    public void whenReceived(int n, Runnable action) {
        synchronized (triggerLock) {
            triggerAt = n;
            trigger = action;
        }
    }

    /** Publishes at QoS 1 and waits for the PUBACK. */
    public void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(retained);
        client.publish(topic, message).waitForCompletion(PATIENCE.toMillis());
    }

    /**
     * Publishes at QoS 1 with the MQTT 5 request–response properties (either may be null), as the fleet sends a
     * command, and waits for the PUBACK.
     */
    public void request(String topic, byte[] payload, String responseTopic, byte[] correlationData)
            throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic(responseTopic);
        properties.setCorrelationData(correlationData);
        message.setProperties(properties);
        client.publish(topic, message).waitForCompletion(PATIENCE.toMillis());
    }

    /**
     * Connects again after the broker was restarted, resuming the session: what was published on the filters
     * meanwhile arrives now.
     *
     * @throws IllegalStateException when it does not keep its session, is still connected, or the broker did not
     *     keep the session (messages would have been lost)
     */
    public void reconnect() throws MqttException {
        if (!options.keepSession) {
            throw new IllegalStateException("a watcher with a clean session cannot resume it; use keepingSession()");
        }
        if (client.isConnected()) {
            throw new IllegalStateException("still connected to " + options.url
                    + "; reconnect is for after a broker restart");
        }
        client.close(true);
        if (!connect()) {
            throw new IllegalStateException("the broker at " + options.url + " did not keep the session of "
                    + clientId + ", so messages published while it was away are lost to it");
        }
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(PATIENCE.toMillis());
        }
        client.close(true);
    }

    /** Connects a new client with this watcher's id; returns whether the broker had kept its session. */
    private boolean connect() throws MqttException {
        MqttAsyncClient next = new MqttAsyncClient(options.url, clientId, new MemoryPersistence());
        next.setCallback(new MessageOnlyCallback(this::arrived));
        MqttConnectionOptions connection = new MqttConnectionOptions();
        if (options.username != null) {
            connection.setUserName(options.username);
            connection.setPassword(options.password);
        }
        if (options.keepSession) {
            connection.setCleanStart(false);
            connection.setSessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        }
        client = next;
        IMqttToken connected = next.connect(connection);
        connected.waitForCompletion(PATIENCE.toMillis());
        return connected.getSessionPresent();
    }

    private void arrived(String topic, MqttMessage message) {
        long now = System.nanoTime();
        int count = received.add(index -> new Received(index, topic, message.getPayload(), message.isRetained(), now));
        Runnable action;
        synchronized (triggerLock) {
            action = count == triggerAt ? trigger : null;
        }
        if (action != null) {
            action.run();
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
