package org.yizhan.fleet.command;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.yizhan.protocol.command.Command;

/**
 * A command {@link CommandSender} is sending: the command itself, known at once (its id, its {@code notAfter}),
 * and the future of its {@link CommandReply}.
 */
public record PendingCommand(Command command, CompletableFuture<CommandReply> reply) {

    public PendingCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(reply, "reply");
    }
}
