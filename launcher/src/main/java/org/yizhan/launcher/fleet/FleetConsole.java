package org.yizhan.launcher.fleet;

import java.net.URI;
import java.time.Clock;
import org.yizhan.fleet.FleetBackend;
import org.yizhan.fleet.FleetBackendSettings;
import org.yizhan.fleet.command.CommandLink;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.mqtt.PahoFleetConnection;
import org.yizhan.fleet.view.FleetView;
import org.yizhan.fleet.web.FleetWebServer;
import org.yizhan.fleet.web.WebSettings;
import org.yizhan.protocol.command.CommandSigningKey;

/**
 * The maintainers' console, put together: the back end (ingest, store, conditions, alerts), a command link on a
 * connection of its own, and the web pages on both — for {@code yizhan fleet} and {@code yizhan demo}. Closed in
 * the reverse order: pages first, so nobody sends a command into a closing link.
 */
public final class FleetConsole implements AutoCloseable {

    private final FleetBackend backend;
    private final CommandLink commands;
    private final FleetWebServer web;

    private FleetConsole(FleetBackend backend, CommandLink commands, FleetWebServer web) {
        this.backend = backend;
        this.commands = commands;
        this.web = web;
    }

    /**
     * Starts the console; returns once the pages are served (the back end connects to the broker in the
     * background, so a console started while the broker is away shows what it stored).
     *
     * @param commandBroker the connection for commands: a clean session, with a client id of its own
     */
    static FleetConsole start(FleetBackendSettings backendSettings, FleetConnectionSettings commandBroker,
            CommandSigningKey key, WebSettings webSettings, Clock clock) {
        FleetBackend backend = FleetBackend.start(backendSettings);
        CommandLink commands = new CommandLink(PahoFleetConnection::connect, commandBroker, key, clock);
        try {
            FleetWebServer web = FleetWebServer.start(backend.view(), commands::send, webSettings, clock,
                    () -> backend.statistics().metrics());
            return new FleetConsole(backend, commands, web);
        } catch (RuntimeException e) {
            commands.close();
            backend.close();
            throw e;
        }
    }

    public URI uri() {
        return web.uri();
    }

    public FleetView view() {
        return backend.view();
    }

    @Override
    public void close() {
        web.close();
        commands.close();
        backend.close();
    }
}
