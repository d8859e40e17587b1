package org.yizhan.protocol.command;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.TopicKind;

/**
 * A kiosk's answer to a command, on the command's MQTT 5 response topic (by default {@code …/cmd-result}),
 * with the command's id also as correlation data. Every command gets exactly one, refused ones included.
 *
 * @param command the command's id; null when the payload was too broken to claim one (the correlation data
 *                still matches it)
 * @param name    the command's name from the topic it arrived on
 * @param outcome ok, rejected or failed
 * @param reason  null when ok; a {@link RejectionReason} code when rejected; an open code when failed
 * @param message one line for the maintainer who sent it
 * @param result  what the command produced, e.g. the diagnostics snapshot; empty when nothing
 */
public record CommandResult(
        @JsonUnwrapped Envelope envelope,
        String command,
        String name,
        CommandOutcome outcome,
        String reason,
        String message,
        Map<String, Object> result) implements Message {

    public static final String EXECUTION_FAILED = "execution-failed";

    public CommandResult {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(name, "name is missing");
        Objects.requireNonNull(outcome, "outcome is missing");
        if ((outcome == CommandOutcome.OK) != (reason == null)) {
            throw new IllegalArgumentException("a reason is given exactly when the outcome is not ok");
        }
        Objects.requireNonNull(message, "message is missing");
        result = result == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(result));
    }

    public static CommandResult ok(Envelope envelope, Command command, String message, Map<String, Object> result) {
        return new CommandResult(envelope, command.id(), command.name().code(), CommandOutcome.OK, null, message,
                result);
    }

    public static CommandResult rejected(Envelope envelope, String topicName, Verification.Rejected rejection) {
        return new CommandResult(envelope, rejection.commandId(), topicName, CommandOutcome.REJECTED,
                rejection.reason().code(), rejection.detail(), Map.of());
    }

    public static CommandResult failed(Envelope envelope, Command command, String reason, String message) {
        return new CommandResult(envelope, command.id(), command.name().code(), CommandOutcome.FAILED,
                Objects.requireNonNull(reason, "reason"), message, Map.of());
    }

    @Override
    public TopicKind topicKind() {
        return TopicKind.COMMAND_RESULT;
    }
}
