package org.yizhan.kiosk.telemetry.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
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
import org.yizhan.kiosk.telemetry.CommandHandler;
import org.yizhan.kiosk.telemetry.ConnectionEvent;
import org.yizhan.kiosk.telemetry.ConnectionListener;
import org.yizhan.kiosk.telemetry.KioskBirth;
import org.yizhan.kiosk.telemetry.MqttConfig;
import org.yizhan.kiosk.telemetry.MqttTransport;
import org.yizhan.kiosk.telemetry.PublishFailedException.Reason;
import org.yizhan.kiosk.telemetry.PublishFailedException;
import org.yizhan.kiosk.telemetry.ReceivedCommand;
import org.yizhan.kiosk.telemetry.ReconnectBackoff;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.TopicKind;
import org.yizhan.protocol.topic.TopicParse;
import org.yizhan.protocol.topic.Topics;

/**
 * The {@link MqttTransport} on Eclipse Paho's MQTT 5 client (1.2.5), and the only class that knows Paho.
 *
 * <p><b>Its own reconnect loop.</b> Paho's automatic reconnect is off, for three reasons: it never retries
 * when the <i>first</i> connect fails, so a kiosk that boots while the network or the broker is down would
 * stay offline until restarted; it reconnects with the options of the first connect, so every reconnect
 * would register the first connection's Last Will and birth sequence, and the fleet could no longer tell a
 * stale will from a current one; and it buffers unsent messages in memory, where a power cut loses them
 * (the durable queue is the outbox's SQLite table). Instead this class makes one attempt at a time, each
 * with a new Paho client, a new birth sequence from {@link KioskBirth} and a will built for it, and after a
 * failed attempt or a lost connection waits as the {@link ReconnectBackoff} of the configuration says. A
 * connection that stayed up for at least the backoff's maximum starts the backoff again from its minimum;
 * one dropped sooner keeps it growing, so a broker that accepts the kiosk and throws it out again (a second
 * kiosk with the same client id, an ACL that disconnects) never becomes a tight loop.
 *
 * <p><b>Every connect</b>: clean start off with the configured session expiry (the broker keeps commands for
 * a kiosk that is briefly away), keep-alive, user name and password, TLS for {@code ssl://}; Last Will = the
 * retained offline {@code state} with this connect's birth sequence; after CONNACK the retained online
 * {@code state}, the retained {@code birth}, the subscription to {@code …/cmd/+}, and once the broker
 * confirmed it, {@link ConnectionEvent.Connected}. On {@link #close} the offline {@code state} with reason {@code shutdown}
 * and a normal DISCONNECT (reason 0x00), after which the broker discards the will.
 *
 * <p><b>Threading.</b> One thread, {@code yizhan-mqtt}, owns all state and makes every Paho call; Paho's
 * callbacks, which run on Paho's own threads, only queue work onto it. So nothing here ever runs on the
 * JavaFX thread or the kiosk thread, and the connection's state needs no locks.
 *
 * <p><b>A new Paho client per attempt</b>, with in-memory persistence: Paho's in-flight messages end with
 * the connection they were sent on. A publish not acknowledged when the connection drops therefore fails,
 * and its sender (the outbox) sends it again; were Paho to resend it as well, it would arrive twice.
 *
 * <p><b>Paho pitfalls handled here</b>: subscriptions use {@code setCallback} and the subscribe form without
 * a per-subscription listener ({@code subscribe(String, int, IMqttMessageListener)} recurses into a
 * StackOverflowError); a PUBACK with an error reason code (e.g. 0x87, an ACL refusal) completes Paho's token
 * successfully, so the reason code is checked here; Paho throws instead of queueing beyond the broker's
 * Receive Maximum, so publishes wait here for a free slot.
 */
public final class PahoMqttTransport implements MqttTransport {

    private static final Logger log = LoggerFactory.getLogger(PahoMqttTransport.class);
    private static final Duration GOODBYE_WAIT = Duration.ofSeconds(4);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(12);
    /** In-flight publishes per connection when the broker allows more: plenty for an outbox drain. */
    private static final int MAX_WINDOW = 100;

    private final MqttConfig config;
    private final KioskId kiosk;
    private final Topics topics;
    private final KioskBirth birth;
    private final DoubleSupplier random;
    private final PayloadCodec codec = new PayloadCodec();
    private final byte[] password;
    private final SSLSocketFactory tls;
    private final ScheduledExecutorService thread;
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile CommandHandler commandHandler;
    private volatile boolean up;

    // Confined to the transport's thread.
    private Connection current;
    private int backoffFailures;
    private int failedAttempts;
    private ScheduledFuture<?> nextAttempt;
    private boolean closed;

    /**
     * Reads the password file and the TLS files now, so a missing or wrong one is reported at start.
     *
     * @throws IllegalArgumentException naming the configuration key of the file that cannot be used
     */
    public PahoMqttTransport(MqttConfig config, KioskId kiosk, KioskBirth birth) {
        this(config, kiosk, birth, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With the source of the backoff's jitter, a number in [0, 1) per delay. */
    PahoMqttTransport(MqttConfig config, KioskId kiosk, KioskBirth birth, DoubleSupplier random) {
        this.config = Objects.requireNonNull(config, "config");
        this.kiosk = Objects.requireNonNull(kiosk, "kiosk");
        this.topics = Topics.of(kiosk);
        this.birth = Objects.requireNonNull(birth, "birth");
        this.random = Objects.requireNonNull(random, "random");
        this.password = config.passwordFile() == null ? null : readPassword(config);
        this.tls = config.tls() ? tls(config) : null;
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "yizhan-mqtt");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start() {
        if (started.compareAndSet(false, true)) {
            onThread(this::attempt);
        }
    }

    @Override
    public CompletionStage<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        Objects.requireNonNull(payload, "payload");
        if (topic == null || topic.isEmpty() || topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            throw new IllegalArgumentException("'" + topic + "' is not a topic to publish to");
        }
        if (qos != 0 && qos != 1) {
            throw new IllegalArgumentException("QoS " + qos + ": the kiosk publishes at QoS 0 or 1");
        }
        return send(new Outgoing(topic, payload.clone(), qos, retained, null));
    }

    @Override
    public CompletionStage<Void> respond(ReceivedCommand command, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        String topic = topics.responseTopic(command.responseTopic());
        byte[] correlation = command.correlationData() == null ? null : command.correlationData().clone();
        return send(new Outgoing(topic, payload.clone(), TopicKind.COMMAND_RESULT.qos(), false, correlation));
    }

    private CompletionStage<Void> send(Outgoing outgoing) {
        if (!onThread(() -> submit(outgoing))) {
            outgoing.fail(Reason.CLOSED, "the MQTT transport is closed");
        }
        return outgoing.done.minimalCompletionStage();
    }

    @Override
    public void subscribeCommands(CommandHandler handler) {
        commandHandler = Objects.requireNonNull(handler, "handler");
        onThread(() -> {
            if (current != null && current.reported) {
                subscribe(current, () -> { });
            }
        });
    }

    @Override
    public void addConnectionListener(ConnectionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public boolean connected() {
        return up;
    }

    @Override
    public CompletionStage<Void> resync() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        boolean queued = onThread(() -> {
            if (closed) {
                done.completeExceptionally(new PublishFailedException(Reason.CLOSED, "the MQTT transport is closed"));
            } else if (current == null || !current.reported) {
                done.completeExceptionally(new PublishFailedException(Reason.NOT_CONNECTED, notConnected()));
            } else {
                announce(current).whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(failure);
                    }
                });
            }
        });
        if (!queued) {
            done.completeExceptionally(new PublishFailedException(Reason.CLOSED, "the MQTT transport is closed"));
        }
        return done.minimalCompletionStage();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            Future<?> goodbye = thread.submit(this::shutDown);
            goodbye.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            log.warn("MQTT transport did not close cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            thread.shutdown();
        }
    }

    // ---- on the transport's thread from here on ----

    private void attempt() {
        nextAttempt = null;
        if (closed) {
            return;
        }
        Connection connection;
        MqttConnectionOptions options;
        try {
            long birthSeq = birth.nextBirthSequence();
            options = options(codec.encode(KioskState.will(birth.nextEnvelope(), birthSeq)));
            connection = new Connection(new MqttAsyncClient(config.url(), topics.clientId(), new MemoryPersistence()),
                    birthSeq);
        } catch (MqttException | RuntimeException e) {
            attemptFailed(null, "cannot prepare the connect: " + MqttReasons.describe(e));
            return;
        }
        current = connection;
        connection.client.setCallback(new Callbacks(connection));
        try {
            connection.client.connect(options, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    onThread(() -> connected(connection, token));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    onThread(() -> attemptFailed(connection, MqttReasons.describe(failure)));
                }
            });
        } catch (MqttException | RuntimeException e) {
            attemptFailed(connection, MqttReasons.describe(e));
        }
    }

    private MqttConnectionOptions options(byte[] will) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(false);
        options.setCleanStart(false);
        options.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
        options.setKeepAliveInterval((int) config.keepAlive().toSeconds());
        options.setConnectionTimeout((int) config.connectTimeout().toSeconds());
        if (config.username() != null) {
            options.setUserName(config.username());
        }
        if (password != null) {
            options.setPassword(password.clone());
        }
        MqttMessage willMessage = new MqttMessage(will);
        willMessage.setQos(TopicKind.STATE.qos());
        willMessage.setRetained(TopicKind.STATE.retained());
        options.setWill(topics.state().toString(), willMessage);
        if (tls != null) {
            options.setSocketFactory(tls);
            // Paho's default, set here on purpose: the broker's certificate must name the host of mqtt.url
            options.setHttpsHostnameVerificationEnabled(true);
        }
        return options;
    }

    private void connected(Connection connection, IMqttToken token) {
        if (connection != current) {
            return;
        }
        if (!connection.client.isConnected()) {
            // the connection died between CONNACK and this task; Paho's disconnected callback may have come first
            attemptFailed(connection, "connection lost right after the connect");
            return;
        }
        connection.up = true;
        connection.upSince = System.nanoTime();
        MqttProperties connack = token.getResponseProperties();
        Integer receiveMaximum = connack == null ? null : connack.getReceiveMaximum();
        connection.window = receiveMaximum == null || receiveMaximum <= 0 ? MAX_WINDOW
                : Math.min(receiveMaximum, MAX_WINDOW);
        announce(connection).whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.debug("announcing connection {} failed: {}", connection.birthSeq, failure.getMessage());
            }
        });
        // Connected only once the broker confirmed the subscription: a command sent in reply to Connected
        // (or by a console that saw the online state) must find the kiosk subscribed.
        subscribe(connection, () -> report(connection));
    }

    private void report(Connection connection) {
        if (connection != current || !connection.up || connection.reported) {
            return;
        }
        connection.reported = true;
        up = true;
        if (failedAttempts > 0) {
            log.info("connected to {} after {} failed attempts (birth sequence {})", config.url(), failedAttempts,
                    connection.birthSeq);
        } else {
            log.info("connected to {} (birth sequence {})", config.url(), connection.birthSeq);
        }
        failedAttempts = 0;
        fire(new ConnectionEvent.Connected(config.url(), connection.birthSeq));
    }

    /** The online state and the birth of {@code connection}, queued in that order; done when both are acked. */
    private CompletableFuture<Void> announce(Connection connection) {
        Outgoing online = new Outgoing(topics.state().toString(),
                codec.encode(KioskState.online(birth.nextEnvelope(), connection.birthSeq)),
                TopicKind.STATE.qos(), TopicKind.STATE.retained(), null);
        enqueue(connection, online);
        byte[] payload;
        try {
            payload = birth.birthPayload(connection.birthSeq);
        } catch (RuntimeException e) {
            log.warn("no birth message for connection {}: {}", connection.birthSeq, e.toString());
            return online.done.thenCompose(ignored -> CompletableFuture.failedFuture(e));
        }
        Outgoing inventory = new Outgoing(topics.birth().toString(), payload, TopicKind.BIRTH.qos(),
                TopicKind.BIRTH.retained(), null);
        enqueue(connection, inventory);
        return CompletableFuture.allOf(online.done, inventory.done);
    }

    /** Subscribes to the kiosk's commands, then runs {@code then} on the transport's thread, whatever the outcome. */
    private void subscribe(Connection connection, Runnable then) {
        if (commandHandler == null) {
            then.run();
            return;
        }
        String filter = topics.commandFilter();
        try {
            connection.client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, TopicKind.COMMAND.qos())},
                    null, new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            int[] codes = token.getReasonCodes();
                            if (codes != null && codes.length > 0 && MqttReasons.isError(codes[0])) {
                                log.warn("the broker refused the subscription to {}: {}; commands will not arrive",
                                        filter, MqttReasons.code(codes[0]));
                            }
                            onThread(then);
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            log.warn("subscribing to {} failed: {}", filter, MqttReasons.describe(failure));
                            onThread(then);
                        }
                    }, new MqttProperties());
        } catch (MqttException | RuntimeException e) {
            log.warn("subscribing to {} failed: {}", filter, MqttReasons.describe(e));
            then.run();
        }
    }

    private void attemptFailed(Connection connection, String reason) {
        if (connection != null) {
            if (connection != current) {
                return;
            }
            current = null;
            connection.up = false;
            connection.failAll(Reason.CONNECTION_LOST, "connection lost right after the connect: " + reason);
            release(connection.client);
        }
        if (closed) {
            return;
        }
        failedAttempts++;
        Duration delay = scheduleNextAttempt();
        if (failedAttempts == 1) {
            log.warn("cannot connect to {}: {}; retrying with backoff", config.url(), reason);
        } else {
            log.debug("attempt {} to connect to {} failed: {}; next in {}", failedAttempts, config.url(), reason, delay);
        }
        fire(new ConnectionEvent.AttemptFailed(reason, failedAttempts, delay));
    }

    private void lost(Connection connection, String reason) {
        if (connection != current) {
            return;
        }
        if (!connection.reported) {
            // never reported as connected, so to listeners this was a failed attempt
            attemptFailed(connection, reason);
            return;
        }
        current = null;
        connection.up = false;
        up = false;
        connection.failAll(Reason.CONNECTION_LOST, "connection lost before the broker acknowledged it: " + reason);
        release(connection.client);
        if (System.nanoTime() - connection.upSince >= config.reconnect().max().toNanos()) {
            backoffFailures = 0;
        }
        Duration delay = scheduleNextAttempt();
        log.warn("disconnected from {}: {}; reconnecting in {} ms", config.url(), reason, delay.toMillis());
        fire(new ConnectionEvent.Disconnected(reason, delay));
    }

    private Duration scheduleNextAttempt() {
        Duration delay = config.reconnect().delay(backoffFailures, random.getAsDouble());
        backoffFailures++;
        nextAttempt = thread.schedule(this::attempt, delay.toNanos(), TimeUnit.NANOSECONDS);
        return delay;
    }

    private void submit(Outgoing outgoing) {
        if (closed) {
            outgoing.fail(Reason.CLOSED, "the MQTT transport is closed");
        } else if (current == null || !current.reported) {
            outgoing.fail(Reason.NOT_CONNECTED, notConnected());
        } else {
            enqueue(current, outgoing);
        }
    }

    private void enqueue(Connection connection, Outgoing outgoing) {
        connection.waiting.add(outgoing);
        drain(connection);
    }

    private void drain(Connection connection) {
        while (connection.up && connection.outstanding < connection.window && !connection.waiting.isEmpty()) {
            Outgoing outgoing = connection.waiting.poll();
            MqttMessage message = new MqttMessage(outgoing.payload);
            message.setQos(outgoing.qos);
            message.setRetained(outgoing.retained);
            if (outgoing.correlationData != null) {
                MqttProperties properties = new MqttProperties();
                properties.setCorrelationData(outgoing.correlationData);
                message.setProperties(properties);
            }
            try {
                connection.client.publish(outgoing.topic, message, null, new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        int[] codes = token.getReasonCodes();
                        int code = codes == null || codes.length == 0 ? 0 : codes[0];
                        onThread(() -> finished(connection, outgoing, code, null));
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable failure) {
                        onThread(() -> finished(connection, outgoing, 0, failure));
                    }
                });
                connection.outstanding++;
                connection.unacked.add(outgoing);
            } catch (MqttException e) {
                if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    // Paho frees its slot just before it tells us; try again in a moment
                    connection.waiting.addFirst(outgoing);
                    thread.schedule(() -> drain(connection), 5, TimeUnit.MILLISECONDS);
                    return;
                }
                if (e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED) {
                    connection.waiting.addFirst(outgoing);
                    lost(connection, MqttReasons.describe(e));
                    return;
                }
                outgoing.fail(Reason.REFUSED, "the MQTT client refused it: " + MqttReasons.describe(e));
            } catch (RuntimeException e) {
                // Paho's topic validation, e.g. a topic longer than MQTT allows
                outgoing.fail(Reason.REFUSED, "the MQTT client refused it: " + e.getMessage());
            }
        }
    }

    private void finished(Connection connection, Outgoing outgoing, int reasonCode, Throwable failure) {
        if (connection.unacked.remove(outgoing)) {
            connection.outstanding--;
        }
        if (failure != null) {
            // Paho fails an accepted publish only when its connection ends, sometimes before it reports the loss
            outgoing.fail(Reason.CONNECTION_LOST, "connection lost before the broker acknowledged it: "
                    + MqttReasons.describe(failure));
        } else if (MqttReasons.isError(reasonCode)) {
            outgoing.fail(Reason.REFUSED, "refused by the broker: " + MqttReasons.code(reasonCode));
        } else {
            outgoing.done.complete(null);
        }
        if (connection == current) {
            drain(connection);
        }
    }

    private void deliver(String topic, MqttMessage message) {
        if (!(Topics.parse(topic) instanceof TopicParse.Valid valid) || valid.topic().kind() != TopicKind.COMMAND
                || !valid.topic().kiosk().equals(kiosk)) {
            log.warn("ignored a message on {}: not a command for {}", topic, kiosk);
            return;
        }
        CommandHandler handler = commandHandler;
        if (handler == null) {
            log.warn("dropped a command on {}: no command handler yet", topic);
            return;
        }
        MqttProperties properties = message.getProperties();
        ReceivedCommand command = new ReceivedCommand(topic, message.getPayload(),
                properties == null ? null : properties.getResponseTopic(),
                properties == null ? null : properties.getCorrelationData());
        try {
            handler.commandArrived(command);
        } catch (RuntimeException e) {
            log.error("the command handler failed on {}", topic, e);
        }
    }

    private void shutDown() {
        closed = true;
        if (nextAttempt != null) {
            nextAttempt.cancel(false);
        }
        Connection connection = current;
        current = null;
        up = false;
        if (connection == null) {
            return;
        }
        boolean wasUp = connection.up;
        if (wasUp) {
            sayGoodbye(connection);
        }
        connection.up = false;
        connection.failAll(Reason.CLOSED, "the MQTT transport was closed");
        release(connection.client);
        if (connection.reported) {
            fire(new ConnectionEvent.Disconnected("closed", null));
        }
    }

    /** The offline state and a normal DISCONNECT, waiting on Paho's tokens: the thread has nothing else to do. */
    private void sayGoodbye(Connection connection) {
        try {
            MqttMessage offline = new MqttMessage(
                    codec.encode(KioskState.shutdown(birth.nextEnvelope(), connection.birthSeq)));
            offline.setQos(TopicKind.STATE.qos());
            offline.setRetained(TopicKind.STATE.retained());
            connection.client.publish(topics.state().toString(), offline).waitForCompletion(GOODBYE_WAIT.toMillis());
        } catch (MqttException | RuntimeException e) {
            log.warn("the offline state did not reach {}: {}", config.url(), MqttReasons.describe(e));
        }
        try {
            // reason 0x00, normal disconnection: the broker discards the Last Will
            connection.client.disconnect(0, null, null, MqttReturnCode.RETURN_CODE_SUCCESS, new MqttProperties())
                    .waitForCompletion(GOODBYE_WAIT.toMillis());
        } catch (MqttException | RuntimeException e) {
            log.warn("disconnecting from {} failed; the broker will send the Last Will: {}", config.url(),
                    MqttReasons.describe(e));
        }
    }

    /** Ends a Paho client whatever its state, so its threads end too. */
    private static void release(MqttAsyncClient client) {
        try {
            client.close(true);
        } catch (MqttException first) {
            try {
                client.disconnectForcibly(0, 0, false);
                client.close(true);
            } catch (MqttException | RuntimeException e) {
                log.debug("closing a Paho client failed: {}", MqttReasons.describe(e));
            }
        }
    }

    private void fire(ConnectionEvent event) {
        for (ConnectionListener listener : listeners) {
            try {
                listener.connectionChanged(event);
            } catch (RuntimeException e) {
                log.error("a connection listener failed on {}", event, e);
            }
        }
    }

    private String notConnected() {
        return "not connected to the broker " + config.url();
    }

    /** Queues {@code task} on the transport's thread; false when the transport has shut down. */
    private boolean onThread(Runnable task) {
        try {
            thread.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private static byte[] readPassword(MqttConfig config) {
        try {
            String text = Files.readString(config.passwordFile(), StandardCharsets.UTF_8);
            // editors and echo add a final newline that is not part of the password
            return text.replaceFirst("\r?\n$", "").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("mqtt.password-file: cannot read " + config.passwordFile() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The TLS socket factory, each file checked first so that an error names its key. */
    private static SSLSocketFactory tls(MqttConfig config) {
        MqttConfig.ClientCertificate own = config.clientCertificate();
        if (config.caFile() != null) {
            named("mqtt.ca-file", () -> PemTls.certificates(config.caFile()));
        }
        if (own == null) {
            return named("mqtt.ca-file", () -> PemTls.socketFactory(config.caFile(), null, null));
        }
        named("mqtt.client-cert-file", () -> PemTls.certificates(own.certFile()));
        return named("mqtt.client-key-file", () -> PemTls.socketFactory(config.caFile(), own.certFile(), own.keyFile()));
    }

    private static <T> T named(String key, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }

    /** One attempt to connect and, once accepted, the connection; confined to the transport's thread. */
    private static final class Connection {

        final MqttAsyncClient client;
        final long birthSeq;
        final Deque<Outgoing> waiting = new ArrayDeque<>();
        final Set<Outgoing> unacked = new LinkedHashSet<>();
        /** CONNACK received. */
        boolean up;
        /** {@link ConnectionEvent.Connected} delivered: the subscription is confirmed. */
        boolean reported;
        long upSince;
        int window = 1;
        int outstanding;

        Connection(MqttAsyncClient client, long birthSeq) {
            this.client = client;
            this.birthSeq = birthSeq;
        }

        void failAll(Reason reason, String message) {
            List<Outgoing> failing = new ArrayList<>(unacked);
            failing.addAll(waiting);
            unacked.clear();
            waiting.clear();
            outstanding = 0;
            failing.forEach(outgoing -> outgoing.fail(reason, message));
        }
    }

    /** A publish on its way; compared by identity. */
    private static final class Outgoing {

        final String topic;
        final byte[] payload;
        final int qos;
        final boolean retained;
        final byte[] correlationData;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Outgoing(String topic, byte[] payload, int qos, boolean retained, byte[] correlationData) {
            this.topic = topic;
            this.payload = payload;
            this.qos = qos;
            this.retained = retained;
            this.correlationData = correlationData;
        }

        void fail(Reason reason, String message) {
            done.completeExceptionally(new PublishFailedException(reason, message));
        }
    }

    /** Paho's callbacks for one connection, which only queue work onto the transport's thread. */
    private final class Callbacks implements MqttCallback {

        private final Connection connection;

        Callbacks(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            String reason = MqttReasons.describe(response);
            onThread(() -> lost(connection, reason));
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("MQTT error on the connection to {}: {}", config.url(), MqttReasons.describe(exception));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            onThread(() -> deliver(topic, message));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // publish outcomes arrive through each publish's own listener
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // the connect's own listener reports it, with the CONNACK properties
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication is configured
        }
    }
}
