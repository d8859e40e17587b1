package org.yizhan.fleet.web.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.yizhan.fleet.command.CommandNotSentException;
import org.yizhan.fleet.command.CommandReply;
import org.yizhan.fleet.command.PendingCommand;
import org.yizhan.protocol.command.Command;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandOutcome;
import org.yizhan.protocol.command.CommandResult;
import org.yizhan.protocol.topic.KioskId;

/**
 * The commands maintainers sent from the console, newest first, and their answers as they arrive, so the
 * kiosk page and {@code GET /api/v1/commands/{id}} can show them. Keeps the last {@link #KEPT} commands in
 * memory; older ones are forgotten (the kiosk's own log keeps every command). When an answer arrives (or the
 * wait ends) {@code onDone} is told which kiosk, for the live updates. Thread-safe.
 */
public final class SentCommands {

    public static final int KEPT = 500;
    /** Long enough for a kiosk on a slow link; the page shows "no answer" after it. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private record Sent(Command command, String sentBy, Instant sentAt, CompletableFuture<CommandReply> reply) {
    }

    private final Deque<Sent> sent = new ArrayDeque<>();
    private final KioskCommands commands;
    private final Clock clock;
    private final Consumer<KioskId> onDone;

    public SentCommands(KioskCommands commands, Clock clock, Consumer<KioskId> onDone) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onDone = Objects.requireNonNull(onDone, "onDone");
    }

    /**
     * Sends {@code args} to {@code kiosk} in {@code maintainer}'s name, valid for the default five minutes.
     *
     * @return its status, {@code waiting} or, when the sending failed at once, {@code not-sent}
     */
    public CommandStatus send(KioskId kiosk, CommandArgs args, String maintainer) {
        PendingCommand pending = commands.send(kiosk, args, Command.DEFAULT_VALIDITY, WAIT);
        Sent entry = new Sent(pending.command(), maintainer, clock.instant(), pending.reply());
        synchronized (sent) {
            sent.addFirst(entry);
            while (sent.size() > KEPT) {
                sent.removeLast();
            }
        }
        pending.reply().whenComplete((reply, failure) -> onDone.accept(kiosk));
        return status(entry);
    }

    public Optional<CommandStatus> find(String id) {
        synchronized (sent) {
            return sent.stream().filter(s -> s.command().id().equals(id)).findFirst().map(SentCommands::status);
        }
    }

    /** The latest commands to {@code kiosk}, newest first. */
    public List<CommandStatus> recent(KioskId kiosk, int limit) {
        List<CommandStatus> recent = new ArrayList<>();
        synchronized (sent) {
            for (Iterator<Sent> it = sent.iterator(); it.hasNext() && recent.size() < limit;) {
                Sent s = it.next();
                if (s.command().kiosk().equals(kiosk)) {
                    recent.add(status(s));
                }
            }
        }
        return recent;
    }

    private static CommandStatus status(Sent sent) {
        Command command = sent.command();
        String status = "waiting";
        String reason = null;
        String message = null;
        Map<String, Object> result = Map.of();
        CompletableFuture<CommandReply> future = sent.reply();
        if (future.isDone()) {
            try {
                CommandReply reply = future.join();
                if (reply instanceof CommandReply.Answered answered) {
                    CommandResult kioskResult = answered.result();
                    status = kioskResult.outcome().code();
                    reason = kioskResult.outcome() == CommandOutcome.OK ? null : kioskResult.reason();
                    message = kioskResult.message();
                    result = kioskResult.result();
                } else if (reply instanceof CommandReply.Unreadable unreadable) {
                    status = "unreadable";
                    message = unreadable.problem();
                } else {
                    status = "no-answer";
                    message = ((CommandReply.NoAnswer) reply).message();
                }
            } catch (CompletionException e) {
                status = "not-sent";
                message = e.getCause() instanceof CommandNotSentException notSent ? notSent.getMessage()
                        : String.valueOf(e.getCause());
            }
        }
        return new CommandStatus(command.id(), command.kiosk().toString(), command.name().code(), summary(command),
                sent.sentBy(), sent.sentAt(), command.notAfter(), status, reason, message, result);
    }

    private static String summary(Command command) {
        CommandArgs args = command.args();
        if (args instanceof CommandArgs.Notice notice) {
            return notice.zh() + (notice.en() == null ? "" : " / " + notice.en());
        }
        if (args instanceof CommandArgs.Diagnostics diagnostics) {
            return diagnostics.logLinesOrDefault() + " log lines";
        }
        return "";
    }
}
