package org.yizhan.fleet.command;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.yizhan.fleet.connection.FleetConnection;
import org.yizhan.fleet.connection.IncomingMessage;
import org.yizhan.fleet.connection.OutgoingMessage;
import org.yizhan.fleet.connection.SubscriptionListener;
import org.yizhan.protocol.codec.Decoding;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.command.Command;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandResult;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.Topics;

/**
 * Signs one command for one kiosk, publishes it and waits for the kiosk's answer (docs/mqtt.md, "Commands").
 *
 * <p><b>Sending.</b> {@link #send} makes a {@link Command} with a fresh id and nonce, valid from the clock's now
 * for the given validity, signs it with the fleet's key and publishes the compact JWS at QoS 1, not retained, to
 * {@code yizhan/v1/{site}/{kiosk}/cmd/{name}}, with the MQTT 5 response topic {@code …/cmd-result} of that kiosk
 * and the command's id in UTF-8 as correlation data. The subscription to that result topic is granted by the
 * broker before the command is published, so an answer cannot pass unseen.
 *
 * <p><b>What counts as the answer.</b> A message on the kiosk's result topic whose correlation data equals the
 * command's id; or, when a message carries no correlation data at all (a broker or kiosk without MQTT 5
 * properties), one that decodes as a {@code cmd-result} whose {@code command} member is the id. A message with
 * other correlation data answers another command and is ignored, whatever its {@code command} member says, and
 * so is one without correlation data that cannot be read or names another command. The first answer counts;
 * copies after it are ignored.
 *
 * <p><b>Outcomes.</b> The future of the {@link PendingCommand} completes with
 * <ul>
 * <li>{@link CommandReply.Answered} when the answer decodes, whatever its outcome (ok, rejected, failed);</li>
 * <li>{@link CommandReply.Unreadable} when the answer matched by correlation data does not decode;</li>
 * <li>{@link CommandReply.NoAnswer} when the broker acknowledged the command but no answer came within the
 * wait, or the connection was lost before one came (the kiosk may still obey it until {@code notAfter});</li>
 * <li>exceptionally with a {@link CommandNotSentException} when the command did not reach the broker: the
 * subscription or the publish refused or failed, or no PUBACK within the wait.</li>
 * </ul>
 *
 * <p><b>Threading.</b> Thread-safe: several commands, to one kiosk or many, may be on their way at once over one
 * connection. Futures complete on the connection's delivery thread or on a timer thread of the common pool;
 * whoever chains work onto them should not block there.
 */
public final class CommandSender {

    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

    private final FleetConnection connection;
    private final CommandSigningKey key;
    private final Clock clock;
    private final PayloadCodec codec = new PayloadCodec();

    public CommandSender(FleetConnection connection, CommandSigningKey key, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends {@code args} to {@code kiosk} and returns at once with the command made and the future of its
     * reply; see the class comment for what the future completes with.
     *
     * @param validity how long the kiosk may obey it, at most {@link Command#MAX_VALIDITY}
     * @param wait     how long to wait for the answer after sending
     * @throws IllegalArgumentException when the validity or the wait is out of range
     */
    public PendingCommand send(KioskId kiosk, CommandArgs args, Duration validity, Duration wait) {
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(validity, "validity");
        if (wait.isNegative() || wait.isZero()) {
            throw new IllegalArgumentException("the wait for an answer must be positive, not " + wait);
        }
        Command command = Command.create(kiosk, args, clock.instant(), validity);
        byte[] payload = key.sign(command).getBytes(StandardCharsets.US_ASCII);
        String resultTopic = Topics.of(kiosk).commandResult().toString();
        Exchange exchange = new Exchange(command, wait);
        connection.subscribe(resultTopic, exchange).whenComplete((subscription, failure) -> {
            if (failure != null) {
                exchange.notSent("cannot subscribe to the answers of " + kiosk, failure);
                return;
            }
            exchange.reply.whenComplete((reply, ignored) -> subscription.close());
            if (exchange.reply.isDone()) {
                return;
            }
            connection.publish(OutgoingMessage.request(command.topic().toString(), payload, resultTopic,
                    exchange.correlation)).whenComplete((published, publishFailure) -> {
                        if (publishFailure != null) {
                            exchange.notSent("the " + command.name().code() + " command did not reach "
                                    + connection.url(), publishFailure);
                        } else {
                            exchange.published = true;
                        }
                    });
        });
        CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS).execute(exchange::timedOut);
        return new PendingCommand(command, exchange.reply);
    }

    /** "10 s", "1.5 s", "2 min": how a maintainer reads a wait. */
    static String readable(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 60_000 == 0 && ms >= 120_000) {
            return ms / 60_000 + " min";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** One command on its way: its answer's matching and its future. */
    private final class Exchange implements SubscriptionListener {

        final Command command;
        final byte[] correlation;
        final Duration wait;
        final CompletableFuture<CommandReply> reply = new CompletableFuture<>();
        /** The broker acknowledged the command. */
        volatile boolean published;

        Exchange(Command command, Duration wait) {
            this.command = command;
            this.correlation = command.id().getBytes(StandardCharsets.UTF_8);
            this.wait = wait;
        }

        @Override
        public void messageArrived(IncomingMessage message) {
            if (reply.isDone()) {
                return;
            }
            byte[] correlationData = message.correlationData();
            Decoding<CommandResult> decoded = codec.decode(message.payload(), CommandResult.class);
            if (correlationData != null) {
                if (!Arrays.equals(correlationData, correlation)) {
                    return;
                }
                if (decoded instanceof Decoding.Failed<CommandResult> failed) {
                    reply.complete(CommandReply.Unreadable.of(command, failed.reason(), message.payload()));
                    return;
                }
            }
            decoded.decoded()
                    .filter(result -> correlationData != null || command.id().equals(result.command()))
                    .ifPresent(result -> reply.complete(new CommandReply.Answered(command, result,
                            new String(message.payload(), StandardCharsets.UTF_8))));
        }

        @Override
        public void connectionLost(String reason) {
            if (published) {
                reply.complete(new CommandReply.NoAnswer(command, "the connection to " + connection.url()
                        + " was lost before " + command.kiosk() + " answered (" + reason + "); the kiosk may still"
                        + " obey the command until " + command.notAfter()));
            } else {
                reply.completeExceptionally(new CommandNotSentException("the " + command.name().code()
                        + " command did not reach " + connection.url() + ": connection lost (" + reason + ")", null));
            }
        }

        void timedOut() {
            if (published) {
                reply.complete(new CommandReply.NoAnswer(command, "no answer from " + command.kiosk() + " within "
                        + readable(wait) + ": the kiosk is offline or not subscribed"));
            } else {
                reply.completeExceptionally(new CommandNotSentException("the broker " + connection.url()
                        + " did not acknowledge the " + command.name().code() + " command within " + readable(wait),
                        null));
            }
        }

        void notSent(String what, Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            reply.completeExceptionally(new CommandNotSentException(what + ": " + cause.getMessage(), cause));
        }
    }
}
