package org.yizhan.fleet.command;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.yizhan.fleet.connection.FleetConnection;
import org.yizhan.fleet.connection.FleetConnectionException;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.connection.FleetConnector;
import org.yizhan.fleet.connection.IncomingMessage;
import org.yizhan.fleet.connection.SubscriptionListener;
import org.yizhan.protocol.command.Command;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.topic.KioskId;

/**
 * A {@link CommandSender} for a long-running console: its connection is made on the first command and made
 * again on the next command after it was lost, so a broker restart costs the commands sent while it is down and
 * nothing after. A command that finds no broker fails like one the broker refused, with a
 * {@link CommandNotSentException} in its reply, never an exception from {@link #send}. The connection is clean
 * and separate from the ingest's (whose acknowledgements wait for its store). Thread-safe.
 */
public final class CommandLink implements AutoCloseable {

    private final FleetConnector connector;
    private final FleetConnectionSettings settings;
    private final CommandSigningKey key;
    private final Clock clock;
    private FleetConnection connection;
    private CommandSender sender;
    private volatile boolean lost;
    private boolean closed;

    public CommandLink(FleetConnector connector, FleetConnectionSettings settings, CommandSigningKey key, Clock clock) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** As {@link CommandSender#send}; connects first when there is no connection. */
    public PendingCommand send(KioskId kiosk, CommandArgs args, Duration validity, Duration wait) {
        CommandSender current;
        try {
            current = sender();
        } catch (FleetConnectionException e) {
            Command command = Command.create(kiosk, args, clock.instant(), validity);
            return new PendingCommand(command, CompletableFuture.failedFuture(new CommandNotSentException(
                    "the " + command.name().code() + " command was not sent: " + e.getMessage(), e)));
        }
        return current.send(kiosk, args, validity, wait);
    }

    private synchronized CommandSender sender() {
        if (closed) {
            throw new FleetConnectionException("the console is shutting down");
        }
        if (sender == null || lost) {
            if (connection != null) {
                connection.close();
            }
            // Forgotten before connecting: a connect that fails leaves nothing to send on, so the next command
            // tries again.
            connection = null;
            sender = null;
            lost = false;
            connection = connector.connect(settings, new SubscriptionListener() {
                @Override
                public void messageArrived(IncomingMessage message) {
                    // a clean session holds nothing from before; stray messages have no command to answer
                }

                @Override
                public void connectionLost(String reason) {
                    lost = true;
                }
            });
            sender = new CommandSender(connection, key, clock);
        }
        return sender;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            connection.close();
        }
    }
}
