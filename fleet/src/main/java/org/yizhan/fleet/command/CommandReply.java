package org.yizhan.fleet.command;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.yizhan.protocol.command.Command;
import org.yizhan.protocol.command.CommandResult;

/**
 * How a command sent by {@link CommandSender} ended, as far as the fleet can tell. Every variant carries the
 * command that was sent, so its id can be shown and looked up in the kiosk's log.
 */
public sealed interface CommandReply {

    Command command();

    /**
     * The kiosk answered: ok, rejected or failed, as {@code result.outcome()} says.
     *
     * @param result the decoded {@code cmd-result}
     * @param json   the payload as it arrived, UTF-8
     */
    record Answered(Command command, CommandResult result, String json) implements CommandReply {
        public Answered {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(json, "json");
        }
    }

    /**
     * An answer to this command arrived (its correlation data matched), but it is not a {@code cmd-result} this
     * fleet can read: a kiosk with a broken or incompatible version.
     *
     * @param problem what is wrong, naming the member, from {@code PayloadCodec}
     * @param payload the payload as it arrived, UTF-8 with invalid bytes replaced
     */
    record Unreadable(Command command, String problem, String payload) implements CommandReply {
        public Unreadable {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(payload, "payload");
        }

        static Unreadable of(Command command, String problem, byte[] payload) {
            return new Unreadable(command, problem, new String(payload, StandardCharsets.UTF_8));
        }
    }

    /**
     * The broker took the command, but no answer came in time. The kiosk may still obey it later, until the
     * command's {@code notAfter}.
     *
     * @param message one line for the maintainer, e.g.
     *                {@code no answer from demo/kiosk-1 within 10 s: the kiosk is offline or not subscribed}
     */
    record NoAnswer(Command command, String message) implements CommandReply {
        public NoAnswer {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(message, "message");
        }
    }
}
