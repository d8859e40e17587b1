package org.yizhan.fleet.mqtt;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.fleet.connection.FleetConnection;
import org.yizhan.fleet.connection.FleetConnectionException;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.connection.IncomingMessage;
import org.yizhan.fleet.connection.OutgoingMessage;
import org.yizhan.fleet.connection.Subscription;
import org.yizhan.fleet.connection.SubscriptionListener;
import org.yizhan.protocol.mqtt.MqttReasonCode;

/**
 * The {@link FleetConnection} on Eclipse Paho's MQTT 5 client (1.2.5), and the only class of the fleet that
 * knows Paho. One instance is one connection: {@link #connect} returns once the broker accepted it, or throws.
 *
 * <p><b>Every connect</b>: clean start (the fleet keeps no session) unless the settings ask for a persistent
 * session (then clean start off and their session expiry), keep-alive 30 s, user name and password when given,
 * TLS for {@code ssl://} with the JDK's trust store. A broker resuming a persistent session delivers what it
 * queued right after CONNACK, before any subscribe of this instance: those messages, and any other matching no
 * subscription, go to the session listener given to {@link #connect(FleetConnectionSettings,
 * SubscriptionListener)}. With manual acknowledgement a QoS 1 message's PUBACK waits for
 * {@link IncomingMessage#acknowledge()} (Paho's manual acks); a message no listener received is acknowledged
 * at once, and an acknowledgement after the connection was lost is dropped (its packet id may already name
 * another message on a new connection). Paho's automatic reconnect is off (it never
 * retries a failed first connect, and buffers unsent messages in memory); a lost connection stays lost, as
 * {@link FleetConnection} says.
 *
 * <p><b>Threading.</b> One thread, {@code yizhan-fleet-mqtt}, owns the connection's state, makes every Paho call
 * after the connect and calls the listeners. Paho's callbacks, which run on Paho's threads, and the public
 * methods only queue work onto it, so no lock is held while Paho runs and a listener may call this connection.
 *
 * <p><b>Paho pitfalls handled here</b>: subscribing uses {@code setCallback} and the subscribe form without a
 * per-subscription listener ({@code subscribe(String, int, IMqttMessageListener)} recurses into a
 * StackOverflowError); a PUBACK or SUBACK with an error reason code (e.g. 0x87 from an ACL) completes Paho's
 * token successfully, so the code is checked here; Paho throws instead of queueing beyond the broker's Receive
 * Maximum, so publishes wait here for a free slot; persistence is in memory, so nothing outlives the
 * connection.
 */
public final class PahoFleetConnection implements FleetConnection {

    private static final Logger log = LoggerFactory.getLogger(PahoFleetConnection.class);
    private static final int KEEP_ALIVE_SECONDS = 30;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(4);
    /** In-flight publishes when the broker allows more. */
    private static final int MAX_WINDOW = 100;
    private static final int SUBSCRIBE_QOS = 1;

    private final String url;
    private final MqttAsyncClient client;
    /** Receives what matches no subscription; null to drop it. */
    private final SubscriptionListener sessionListener;
    private final boolean manualAcks;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean closing = new AtomicBoolean();
    /** The connection's thread, once started. */
    private volatile Thread owner;

    // Confined to the connection's thread.
    private final Map<String, SharedFilter> filters = new LinkedHashMap<>();
    private final Deque<Outgoing> waiting = new ArrayDeque<>();
    private final Set<Outgoing> unacked = new LinkedHashSet<>();
    private int window = 1;
    private String lostReason;
    private boolean closed;

    private PahoFleetConnection(String url, MqttAsyncClient client, SubscriptionListener sessionListener,
            boolean manualAcks) {
        this.url = url;
        this.client = client;
        this.sessionListener = sessionListener;
        this.manualAcks = manualAcks;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "yizhan-fleet-mqtt");
            t.setDaemon(true);
            owner = t;
            return t;
        });
    }

    /**
     * Connects and returns once the broker accepted the connection.
     *
     * @throws FleetConnectionException when the broker cannot be reached, refuses the connection (e.g.
     *                                  {@code bad user name or password (0x86)}) or does not answer within the
     *                                  connect timeout
     */
    public static PahoFleetConnection connect(FleetConnectionSettings settings) {
        return connect(settings, null);
    }

    /**
     * Connects as {@link #connect(FleetConnectionSettings)} does, handing every message that matches no
     * subscription to {@code sessionListener} (see {@link org.yizhan.fleet.connection.FleetConnector}); that
     * listener is also told once when the connection is lost. Fits {@code FleetConnector}.
     */
    public static PahoFleetConnection connect(FleetConnectionSettings settings, SubscriptionListener sessionListener) {
        Objects.requireNonNull(settings, "settings");
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new FleetConnectionException("cannot connect to " + settings.url() + ": " + describe(e), e);
        }
        PahoFleetConnection connection = new PahoFleetConnection(settings.url(), client, sessionListener,
                settings.manualAcknowledgement());
        client.setCallback(connection.new Callbacks());
        client.setManualAcks(settings.manualAcknowledgement());
        try {
            IMqttToken token = client.connect(options(settings));
            // Paho's own connect timeout covers TCP and TLS; this one also covers a broker that never sends CONNACK
            token.waitForCompletion(settings.connectTimeout().toMillis() + 1000);
            MqttProperties connack = token.getResponseProperties();
            Integer receiveMaximum = connack == null ? null : connack.getReceiveMaximum();
            int window = receiveMaximum == null || receiveMaximum <= 0 ? MAX_WINDOW
                    : Math.min(receiveMaximum, MAX_WINDOW);
            connection.onThread(() -> connection.window = window);
        } catch (MqttException | RuntimeException e) {
            connection.release();
            connection.thread.shutdownNow();
            throw new FleetConnectionException("cannot connect to " + settings.url() + ": " + describe(e), e);
        }
        log.debug("connected to {} as {}", settings.url(), settings.clientId());
        return connection;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public CompletionStage<Void> publish(OutgoingMessage message) {
        Outgoing outgoing = new Outgoing(Objects.requireNonNull(message, "message"));
        if (!onThread(() -> submit(outgoing))) {
            outgoing.fail(closedMessage());
        }
        return outgoing.done.minimalCompletionStage();
    }

    @Override
    public CompletionStage<Subscription> subscribe(String filter, SubscriptionListener listener) {
        checkFilter(filter);
        Handle handle = new Handle(filter, Objects.requireNonNull(listener, "listener"));
        if (!onThread(() -> add(handle))) {
            handle.granted.completeExceptionally(new FleetConnectionException(closedMessage()));
        }
        return handle.granted.minimalCompletionStage();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() == owner) {
            // a listener closing its own connection: waiting for the thread would wait for itself
            shutDown();
            thread.shutdown();
            return;
        }
        try {
            Future<?> done = thread.submit(this::shutDown);
            done.get(CLOSE_WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            log.warn("the connection to {} did not close cleanly: {}", url, e.toString());
            release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release();
        } finally {
            thread.shutdownNow();
        }
    }

    private void submit(Outgoing outgoing) {
        String unusable = unusable();
        if (unusable != null) {
            outgoing.fail(unusable);
            return;
        }
        waiting.add(outgoing);
        drain();
    }

    private void drain() {
        while (unusable() == null && unacked.size() < window && !waiting.isEmpty()) {
            Outgoing outgoing = waiting.poll();
            OutgoingMessage message = outgoing.message;
            MqttMessage mqtt = new MqttMessage(message.payload());
            mqtt.setQos(message.qos());
            mqtt.setRetained(message.retained());
            MqttProperties properties = new MqttProperties();
            if (message.responseTopic() != null) {
                properties.setResponseTopic(message.responseTopic());
            }
            if (message.correlationData() != null) {
                properties.setCorrelationData(message.correlationData().clone());
            }
            mqtt.setProperties(properties);
            try {
                client.publish(message.topic(), mqtt, null, new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        int[] codes = token.getReasonCodes();
                        int code = codes == null || codes.length == 0 ? 0 : codes[0];
                        onThread(() -> published(outgoing, code, null));
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable failure) {
                        onThread(() -> published(outgoing, 0, failure));
                    }
                });
                unacked.add(outgoing);
            } catch (MqttException e) {
                if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    // Paho frees its slot just before it tells us; try again in a moment
                    waiting.addFirst(outgoing);
                    thread.schedule(this::drain, 5, TimeUnit.MILLISECONDS);
                    return;
                }
                outgoing.fail("the MQTT client refused to publish to " + message.topic() + ": " + describe(e));
            } catch (RuntimeException e) {
                // Paho's topic validation, e.g. a topic longer than MQTT allows
                outgoing.fail("the MQTT client refused to publish to " + message.topic() + ": " + e.getMessage());
            }
        }
    }

    private void published(Outgoing outgoing, int reasonCode, Throwable failure) {
        if (!unacked.remove(outgoing)) {
            return;
        }
        String topic = outgoing.message.topic();
        if (failure != null) {
            outgoing.fail("publishing to " + topic + " failed: " + describe(failure));
        } else if (MqttReasonCode.isError(reasonCode)) {
            outgoing.fail("the broker refused the message to " + topic + ": " + MqttReasonCode.mqtt(reasonCode));
        } else {
            outgoing.done.complete(null);
        }
        drain();
    }

    private void add(Handle handle) {
        String unusable = unusable();
        if (unusable != null) {
            handle.granted.completeExceptionally(new FleetConnectionException(unusable));
            return;
        }
        SharedFilter shared = filters.get(handle.filter);
        if (shared == null) {
            shared = new SharedFilter(handle.filter);
            filters.put(handle.filter, shared);
            sendSubscribe(shared);
        }
        shared.handles.add(handle);
        shared.granted.whenComplete((ignored, failure) -> {
            if (failure == null) {
                handle.granted.complete(handle);
            } else {
                handle.granted.completeExceptionally(failure);
            }
        });
    }

    private void sendSubscribe(SharedFilter shared) {
        String filter = shared.filter;
        try {
            // the array form without listeners: subscribe(String, int, IMqttMessageListener) overflows the stack
            client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, SUBSCRIBE_QOS)}, null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            int[] codes = token.getReasonCodes();
                            int code = codes == null || codes.length == 0 ? 0 : codes[0];
                            onThread(() -> subscribed(shared, MqttReasonCode.isError(code)
                                    ? "the broker refused the subscription to " + filter + ": "
                                            + MqttReasonCode.mqtt(code)
                                    : null));
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            onThread(() -> subscribed(shared, "subscribing to " + filter + " failed: "
                                    + describe(failure)));
                        }
                    }, new MqttProperties());
        } catch (MqttException | RuntimeException e) {
            subscribed(shared, "subscribing to " + filter + " failed: " + describe(e));
        }
    }

    private void subscribed(SharedFilter shared, String problem) {
        if (problem == null) {
            shared.granted.complete(null);
            return;
        }
        if (filters.get(shared.filter) == shared) {
            filters.remove(shared.filter);
        }
        shared.granted.completeExceptionally(new FleetConnectionException(problem));
    }

    private void remove(Handle handle) {
        SharedFilter shared = filters.get(handle.filter);
        if (shared == null || !shared.handles.remove(handle) || !shared.handles.isEmpty()) {
            return;
        }
        filters.remove(handle.filter);
        if (unusable() != null) {
            return;
        }
        try {
            // sent even while the SUBSCRIBE is unanswered: the broker handles a client's packets in order
            client.unsubscribe(new String[] {handle.filter}, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    log.debug("unsubscribing from {} failed: {}", handle.filter, describe(failure));
                }
            }, new MqttProperties());
        } catch (MqttException | RuntimeException e) {
            log.debug("unsubscribing from {} failed: {}", handle.filter, describe(e));
        }
    }

    private void deliver(IncomingMessage message) {
        List<Handle> receivers = new ArrayList<>();
        for (SharedFilter shared : filters.values()) {
            if (matches(shared.filter, message.topic())) {
                receivers.addAll(shared.handles);
            }
        }
        int delivered = 0;
        for (Handle handle : receivers) {
            if (handle.closed.get()) {
                continue;
            }
            delivered++;
            try {
                handle.listener.messageArrived(message);
            } catch (RuntimeException e) {
                log.error("a listener of {} failed on a message to {}", handle.filter, message.topic(), e);
            }
        }
        if (delivered == 0 && sessionListener != null) {
            try {
                sessionListener.messageArrived(message);
            } catch (RuntimeException e) {
                log.error("the session listener failed on a message to {}", message.topic(), e);
            }
        } else if (delivered == 0) {
            // nobody will: a message left unacknowledged would hold one of the broker's in-flight slots forever
            message.acknowledge();
        }
    }

    private void sendPubAck(int messageId) {
        if (unusable() != null) {
            return;
        }
        try {
            client.messageArrivedComplete(messageId, 1);
        } catch (MqttException | RuntimeException e) {
            log.debug("acknowledging message {} failed: {}", messageId, describe(e));
        }
    }

    private void lost(String reason) {
        if (closed || lostReason != null) {
            return;
        }
        lostReason = reason;
        log.warn("lost the connection to {}: {}", url, reason);
        failPublishes("connection to " + url + " lost before the broker acknowledged it: " + reason);
        List<SharedFilter> all = new ArrayList<>(filters.values());
        filters.clear();
        for (SharedFilter shared : all) {
            shared.granted.completeExceptionally(new FleetConnectionException("connection to " + url + " lost: "
                    + reason));
            for (Handle handle : shared.handles) {
                if (handle.closed.get()) {
                    continue;
                }
                try {
                    handle.listener.connectionLost(reason);
                } catch (RuntimeException e) {
                    log.error("a listener of {} failed on the connection loss", handle.filter, e);
                }
            }
        }
        if (sessionListener != null) {
            try {
                sessionListener.connectionLost(reason);
            } catch (RuntimeException e) {
                log.error("the session listener failed on the connection loss", e);
            }
        }
        release();
    }

    private void shutDown() {
        if (closed) {
            return;
        }
        closed = true;
        failPublishes(closedMessage());
        for (SharedFilter shared : filters.values()) {
            shared.granted.completeExceptionally(new FleetConnectionException(closedMessage()));
        }
        filters.clear();
        if (lostReason == null && client.isConnected()) {
            try {
                // reason 0x00, a normal disconnection
                client.disconnect(0, null, null, MqttReturnCode.RETURN_CODE_SUCCESS, new MqttProperties())
                        .waitForCompletion(CLOSE_WAIT.toMillis());
            } catch (MqttException | RuntimeException e) {
                log.debug("disconnecting from {} failed: {}", url, describe(e));
            }
        }
        release();
    }

    private void failPublishes(String message) {
        List<Outgoing> failing = new ArrayList<>(unacked);
        failing.addAll(waiting);
        unacked.clear();
        waiting.clear();
        failing.forEach(outgoing -> outgoing.fail(message));
    }

    /** Why nothing can be sent now, or null when it can. */
    private String unusable() {
        if (closed) {
            return closedMessage();
        }
        if (lostReason != null) {
            return "not connected to " + url + ": " + lostReason;
        }
        return null;
    }

    private String closedMessage() {
        return "the connection to " + url + " is closed";
    }

    /** Ends the Paho client whatever its state, so its threads end too. */
    private void release() {
        try {
            client.close(true);
        } catch (MqttException first) {
            try {
                client.disconnectForcibly(0, 0, false);
                client.close(true);
            } catch (MqttException | RuntimeException e) {
                log.debug("closing the Paho client failed: {}", describe(e));
            }
        }
    }

    /** Queues {@code task} on the connection's thread; false when the connection has shut down. */
    private boolean onThread(Runnable task) {
        try {
            thread.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private static MqttConnectionOptions options(FleetConnectionSettings settings) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(false);
        // a persistent session keeps the subscriptions and queues QoS 1 messages while the console is away
        options.setCleanStart(!settings.persistentSession());
        options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS);
        options.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        if (settings.username() != null) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password());
        }
        // Paho's default, set on purpose: the broker's certificate must name the host of the URL
        options.setHttpsHostnameVerificationEnabled(true);
        return options;
    }

    /** Whether {@code topic} matches the subscription {@code filter}, shared ({@code $share/g/…}) or not. */
    static boolean matches(String filter, String topic) {
        String plain = filter;
        if (plain.startsWith("$share/")) {
            int slash = plain.indexOf('/', "$share/".length());
            plain = slash < 0 ? "" : plain.substring(slash + 1);
        }
        String[] f = plain.split("/", -1);
        String[] t = topic.split("/", -1);
        if (topic.startsWith("$") && (f[0].equals("+") || f[0].equals("#"))) {
            return false;
        }
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    private static void checkFilter(String filter) {
        if (filter == null || filter.isEmpty()) {
            throw new IllegalArgumentException("an empty topic filter");
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            boolean wildcard = level.indexOf('+') >= 0 || level.indexOf('#') >= 0;
            if (wildcard && !(level.equals("+") || (level.equals("#") && i == levels.length - 1))) {
                throw new IllegalArgumentException("'" + filter + "' is not a topic filter: a wildcard must fill"
                        + " its level, and # must be the last");
            }
        }
    }

    private static String describe(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return "TLS with the broker failed: " + innermost(cause);
            }
        }
        if (e instanceof MqttException mqtt) {
            int code = mqtt.getReasonCode();
            if (code == MqttException.REASON_CODE_CLIENT_EXCEPTION && mqtt.getCause() != null) {
                // Paho's wrapper for anything it did not expect; the cause says what
                return innermost(mqtt.getCause());
            }
            String what = MqttReasonCode.failure(code);
            return mqtt.getCause() == null ? what : what + ": " + innermost(mqtt.getCause());
        }
        return innermost(e);
    }

    private static String describe(MqttDisconnectResponse response) {
        if (response.getException() != null) {
            return describe(response.getException());
        }
        String reason = response.getReasonString();
        return "the broker disconnected the client: " + MqttReasonCode.mqtt(response.getReturnCode())
                + (reason == null || reason.isBlank() ? "" : ", " + oneLine(reason));
    }

    private static String innermost(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : oneLine(message);
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /** All subscriptions to one filter: one MQTT subscription; confined to the connection's thread. */
    private static final class SharedFilter {

        final String filter;
        final List<Handle> handles = new ArrayList<>();
        /** Completes with the SUBACK. */
        final CompletableFuture<Void> granted = new CompletableFuture<>();

        SharedFilter(String filter) {
            this.filter = filter;
        }
    }

    /** One caller's subscription. */
    private final class Handle implements Subscription {

        final String filter;
        final SubscriptionListener listener;
        final CompletableFuture<Subscription> granted = new CompletableFuture<>();
        final AtomicBoolean closed = new AtomicBoolean();

        Handle(String filter, SubscriptionListener listener) {
            this.filter = filter;
            this.listener = listener;
        }

        @Override
        public String filter() {
            return filter;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                onThread(() -> remove(this));
            }
        }
    }

    /** A publish on its way; compared by identity. */
    private static final class Outgoing {

        final OutgoingMessage message;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Outgoing(OutgoingMessage message) {
            this.message = message;
        }

        void fail(String message) {
            done.completeExceptionally(new FleetConnectionException(message));
        }
    }

    /** The PUBACK of one QoS 1 message, sent once, from the connection's thread. */
    private final class PubAck implements IncomingMessage.Acknowledgement {

        private final int messageId;
        private final AtomicBoolean sent = new AtomicBoolean();

        PubAck(int messageId) {
            this.messageId = messageId;
        }

        @Override
        public void acknowledge() {
            if (sent.compareAndSet(false, true)) {
                onThread(() -> sendPubAck(messageId));
            }
        }
    }

    /** Paho's callbacks, which only queue work onto the connection's thread. */
    private final class Callbacks implements MqttCallback {

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            String reason = describe(response);
            onThread(() -> lost(reason));
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("MQTT error on the connection to {}: {}", url, describe(exception));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            MqttProperties properties = message.getProperties();
            long arrived = System.nanoTime();
            IncomingMessage.Acknowledgement acknowledgement = manualAcks && message.getQos() == 1
                    ? new PubAck(message.getId()) : null;
            IncomingMessage incoming = new IncomingMessage(topic, message.getPayload(), message.isRetained(),
                    properties == null ? null : properties.getResponseTopic(),
                    properties == null ? null : properties.getCorrelationData(), arrived, acknowledgement);
            onThread(() -> deliver(incoming));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // publish outcomes arrive through each publish's own listener
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // connect() waits for the connect's token itself
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication is configured
        }
    }
}
