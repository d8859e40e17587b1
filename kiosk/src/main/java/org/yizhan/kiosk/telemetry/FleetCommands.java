package org.yizhan.kiosk.telemetry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.kiosk.flow.Notice;
import org.yizhan.kiosk.telemetry.outbox.Outbox;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.command.Command;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandResult;
import org.yizhan.protocol.command.CommandVerifier;
import org.yizhan.protocol.command.SafeConfigKey;
import org.yizhan.protocol.command.Verification;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.message.ProtocolJson;

/**
 * Obeys the fleet's commands: each one that arrives is verified ({@link CommandVerifier}: signed by a
 * trusted fleet key, for this kiosk, not past its {@code notAfter}, a nonce not seen before), done, and
 * answered with exactly one {@code cmd-result} on its response topic with its correlation data, refused and
 * failed ones included. Nothing a command carries can crash the kiosk: a payload that cannot be read is
 * answered as {@code malformed}.
 *
 * <p>What each does: {@code restart} answers, then ends the kiosk for its service manager to start again;
 * {@code resync} sends birth and state again; {@code notice} shows a message on the home screen until its
 * time; {@code diagnostics} answers with a health snapshot and recent log lines; {@code config-set} changes
 * one setting of {@link SafeConfigKey}, at once and for later starts, and records a {@code config-changed}
 * event.
 *
 * <p>Threading: {@link #handle} runs on the telemetry thread; the answer is sent when the work is done,
 * from whichever thread finished it.
 */
final class FleetCommands {

    private static final Logger log = LoggerFactory.getLogger(FleetCommands.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final CommandVerifier verifier;
    private final MqttTransport transport;
    private final Outbox outbox;
    private final TelemetryHost host;
    private final Supplier<Health> health;
    private final RecentLogLines logLines;
    private final Clock clock;
    private final PayloadCodec codec = new PayloadCodec();
    private final ObjectMapper json = ProtocolJson.newMapper();

    FleetCommands(CommandVerifier verifier, MqttTransport transport, Outbox outbox, TelemetryHost host,
            Supplier<Health> health, RecentLogLines logLines, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.host = Objects.requireNonNull(host, "host");
        this.health = Objects.requireNonNull(health, "health");
        this.logLines = Objects.requireNonNull(logLines, "logLines");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void handle(ReceivedCommand received) {
        String topic = received.topic();
        String name = topic.substring(topic.lastIndexOf('/') + 1);
        Verification verdict = verifier.verify(name, received.payload(), clock.instant());
        if (verdict instanceof Verification.Rejected rejected) {
            log.warn("refused a {} command: {} ({})", name, rejected.reason().code(), rejected.detail());
            answer(received, CommandResult.rejected(outbox.nextEnvelope(), name, rejected), null);
            return;
        }
        Command command = ((Verification.Accepted) verdict).command();
        log.info("obeying {} command {}", command.name().code(), command.id());
        CompletionStage<CommandResult> done;
        try {
            done = execute(command);
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.exceptionally(failure -> CommandResult.failed(outbox.nextEnvelope(), command,
                        CommandResult.EXECUTION_FAILED, describe(failure)))
                .thenAccept(result -> answer(received, result, command));
    }

    private CompletionStage<CommandResult> execute(Command command) {
        CommandArgs args = command.args();
        if (args instanceof CommandArgs.Restart) {
            return CompletableFuture.completedFuture(
                    CommandResult.ok(outbox.nextEnvelope(), command, "restarting", Map.of()));
        }
        if (args instanceof CommandArgs.Resync) {
            return transport.resync().thenApply(ignored -> CommandResult.ok(outbox.nextEnvelope(), command,
                    "birth and online state sent again", Map.of()));
        }
        if (args instanceof CommandArgs.Notice notice) {
            Instant until = notice.until();
            String message = until.isAfter(clock.instant())
                    ? "notice shown on the home screen until " + until : "notice removed from the home screen";
            return host.showNotice(new Notice(notice.zh(), notice.en(), until))
                    .thenApply(ignored -> CommandResult.ok(outbox.nextEnvelope(), command, message, Map.of()));
        }
        if (args instanceof CommandArgs.Diagnostics diagnostics) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("health", json.convertValue(health.get(), JSON_OBJECT));
            result.put("logLines", logLines.last(diagnostics.logLinesOrDefault()));
            return CompletableFuture.completedFuture(
                    CommandResult.ok(outbox.nextEnvelope(), command, "diagnostics attached", result));
        }
        if (args instanceof CommandArgs.ConfigSet set) {
            // The verifier has already refused keys off the safe list and values they do not accept.
            SafeConfigKey key = SafeConfigKey.of(set.key()).orElseThrow();
            return host.applySetting(key, set.value()).thenApply(ignored -> {
                outbox.enqueue(envelope -> new Event(envelope, Event.CONFIG_CHANGED, Severity.INFO,
                        set.key() + " set to " + set.value() + " by the fleet", null,
                        Map.of("key", set.key(), "value", set.value(), "command", command.id())));
                return CommandResult.ok(outbox.nextEnvelope(), command, set.key() + " is now " + set.value(),
                        Map.of());
            });
        }
        throw new IllegalStateException("no way to obey " + command.name().code());
    }

    private void answer(ReceivedCommand received, CommandResult result, Command obeyed) {
        host.report(new KioskEvent.CommandAnswered(result.name(), result.outcome().code(), result.reason(),
                result.message()));
        CompletionStage<Void> sent;
        try {
            sent = transport.respond(received, codec.encode(result));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ok, failure) -> {
            if (failure != null) {
                log.warn("the answer to {} was not delivered: {}", result.name(), describe(failure));
            }
            if (obeyed != null && obeyed.args() instanceof CommandArgs.Restart) {
                // After the answer (or its failure): a restart before it would leave the fleet guessing.
                host.restart();
            }
        });
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
