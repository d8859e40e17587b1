package org.yizhan.fleet.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.yizhan.fleet.command.CommandReply;
import org.yizhan.fleet.command.PendingCommand;
import org.yizhan.fleet.web.auth.Maintainers;
import org.yizhan.fleet.web.auth.PasswordHash;
import org.yizhan.fleet.web.command.KioskCommands;
import org.yizhan.fleet.web.metrics.IngestStatistics;
import org.yizhan.protocol.command.Command;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.topic.KioskId;

/**
 * The console on a free port of 127.0.0.1 over a {@link SampleFleet}, with one maintainer, for the HTTP tests.
 * Commands are not sent anywhere: each one is kept with its reply's future, for the test to complete.
 */
final class TestConsole implements AutoCloseable {

    static final String MAINTAINER = "wanglei";
    static final String PASSWORD = "浦锦-night-shift-2026";
    static final String METRICS_TOKEN = "prometheus-scrapes-with-this-token";
    /** Few iterations: the tests log in often, and what is tested is the scheme, not its cost. */
    static final Maintainers MAINTAINERS = Maintainers.of(Map.of(MAINTAINER,
            PasswordHash.create(PASSWORD.toCharArray(), 10_000)));

    final SampleFleet fleet;
    final FleetWebServer server;
    final Map<String, CompletableFuture<CommandReply>> commands = new ConcurrentHashMap<>();
    final Map<String, Command> sent = new ConcurrentHashMap<>();

    private TestConsole(SampleFleet fleet, KioskCommands commands, IngestStatistics ingest) {
        this.fleet = fleet;
        WebSettings settings = WebSettings.of(MAINTAINERS).withPort(0).withMetricsToken(METRICS_TOKEN);
        this.server = FleetWebServer.start(fleet, commands == null ? this::keep : commands, settings,
                Clock.systemUTC(), ingest);
    }

    static TestConsole start() {
        return new TestConsole(SampleFleet.at(Instant.now()), null, IngestStatistics.NONE);
    }

    static TestConsole start(KioskCommands commands) {
        return new TestConsole(SampleFleet.at(Instant.now()), commands, IngestStatistics.NONE);
    }

    static TestConsole start(IngestStatistics ingest) {
        return new TestConsole(SampleFleet.at(Instant.now()), null, ingest);
    }

    ConsoleClient client() {
        return new ConsoleClient(server.uri());
    }

    ConsoleClient loggedIn() {
        return client().loggedInAs(MAINTAINER, PASSWORD);
    }

    @Override
    public void close() {
        server.close();
    }

    private PendingCommand keep(KioskId kiosk, CommandArgs args,
            Duration validity, Duration wait) {
        Command command = Command.create(kiosk, args, Instant.now(), validity);
        CompletableFuture<CommandReply> reply = new CompletableFuture<>();
        commands.put(command.id(), reply);
        sent.put(command.id(), command);
        return new PendingCommand(command, reply);
    }
}
