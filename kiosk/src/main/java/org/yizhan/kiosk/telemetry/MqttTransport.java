package org.yizhan.kiosk.telemetry;

import java.util.concurrent.CompletionStage;

/**
 * The kiosk's one connection to its MQTT broker, in the kiosk's terms: publish bytes to a topic, hear
 * commands, know whether the broker is reachable. It connects by itself and keeps reconnecting until it
 * is closed; on every connect it announces the kiosk (retained online {@code state} with a new birth
 * sequence, Last Will offline with the same number, the {@code birth} inventory, the command
 * subscription), as {@code docs/mqtt.md} describes.
 *
 * <p><b>Threading.</b> Every method may be called from any thread and none waits for the network, except
 * {@link #close}. All network work happens on the transport's own thread; connection events, commands and
 * the completion of publish stages are delivered on that thread, one at a time, in the order they
 * happened. Callbacks must return quickly and hand real work to their own thread: while one runs, nothing
 * else is published or received. Attach work to a publish stage with the {@code *Async} methods and an
 * executor of your own.
 *
 * <p><b>What "published" means.</b> A QoS 1 publish completes when the broker's PUBACK arrives (the broker
 * has taken responsibility for it); a QoS 0 publish when it is written to the connection. A publish fails
 * with a {@link PublishFailedException}: at once when the broker is not connected (nothing is buffered
 * here; durable queueing is the outbox's job), or later when the connection is lost before the PUBACK, the
 * broker refuses the message, or the transport is closed. A failed QoS 1 publish may still have reached the
 * broker (its PUBACK was lost with the connection), so a sender that retries sends it at least once, and
 * readers drop the copy by the message's id. Publishes are sent in the order they reach the transport.
 *
 * <p><b>Ordering around a connect.</b> {@link ConnectionEvent.Connected} is delivered once the broker has
 * confirmed the command subscription; the online state and the birth were queued before it, so anything
 * published in response to it follows them. Until then {@link #publish} fails as not connected.
 * {@link ConnectionEvent.Disconnected} is delivered after every publish of the lost connection has failed.
 */
public interface MqttTransport extends AutoCloseable {

    /** Starts connecting, in the background; returns at once. Only the first call has an effect. */
    void start();

    /**
     * Publishes {@code payload} to {@code topic}.
     *
     * @param qos 0 or 1 (the contract uses no other)
     * @return completes as the class comment describes; it never completes on the caller's thread
     * @throws IllegalArgumentException for a topic that is empty or holds a wildcard, or another QoS
     */
    CompletionStage<Void> publish(String topic, byte[] payload, int qos, boolean retained);

    /**
     * Answers {@code command} at QoS 1 on the topic {@code Topics.responseTopic} allows for its response
     * topic (its own, when under this kiosk's prefix; else {@code …/cmd-result}), with its correlation data.
     * Completes like {@link #publish}.
     */
    CompletionStage<Void> respond(ReceivedCommand command, byte[] payload);

    /**
     * Hands every command addressed to this kiosk ({@code …/cmd/+}) to {@code handler}, which replaces any
     * earlier one. The transport subscribes on every connect; set the handler before {@link #start}, or
     * commands the broker kept for the kiosk while it was away may arrive before there is anyone to take them,
     * and are then dropped with a log line.
     */
    void subscribeCommands(CommandHandler handler);

    /** Adds a listener of connection changes; it hears only what happens after it was added. */
    void addConnectionListener(ConnectionListener listener);

    /** True between a {@link ConnectionEvent.Connected} and the next {@link ConnectionEvent.Disconnected}. */
    boolean connected();

    /**
     * Publishes the online {@code state} and the {@code birth} of the current connection again (the
     * {@code resync} command). Completes when the broker acknowledged both; fails like a publish.
     */
    CompletionStage<Void> resync();

    /**
     * Stops for good: when connected, publishes the offline {@code state} with reason {@code shutdown}, waits
     * for its PUBACK (a few seconds at most), and disconnects normally, so the broker discards the Last Will.
     * Publishes not yet acknowledged fail with {@link PublishFailedException.Reason#CLOSED}. Blocks until done,
     * at most about ten seconds; later calls return at once.
     */
    @Override
    void close();
}
