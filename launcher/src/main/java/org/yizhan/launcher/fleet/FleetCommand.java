package org.yizhan.launcher.fleet;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.yizhan.fleet.FleetBackendSettings;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.store.StoreSettings;
import org.yizhan.fleet.web.WebSettings;
import org.yizhan.fleet.web.auth.Maintainers;
import org.yizhan.fleet.web.auth.PasswordHash;
import org.yizhan.launcher.StopSignal;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.provisioning.files.AtomicFiles;
import org.yizhan.provisioning.fleet.BrokerAccess;
import org.yizhan.provisioning.fleet.Fleet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code yizhan fleet}: the maintainers' console on a broker, until Ctrl-C. The broker user, its password and the
 * command key come from the fleet directory {@code provision init} made ({@code --fleet-dir}), or one by one.
 * Maintainers log in with the names and passwords of the users file, which {@code yizhan fleet passwd} writes.
 * Exit codes: 0 after Ctrl-C, 1 when the console cannot start, 2 for bad options.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true, subcommands = FleetCommand.Passwd.class,
        description = {"The maintainers' console: every kiosk, its health, its footfall and alerts, on",
            "http://127.0.0.1:8080 (docs/operations.md, \"Watch the fleet\")."})
public final class FleetCommand implements Callable<Integer> {

    /** Where the console keeps its data unless told. */
    static final String DEFAULT_DATA = "fleet-data";
    static final String USERS_FILE = "maintainers";

    @Spec
    private CommandSpec spec;

    // Checked in call(), not by picocli: a required option here would be required by fleet passwd too.
    @Option(names = "--broker", paramLabel = "URL", description = "tcp://HOST[:PORT] or ssl://… (required).")
    private String broker;

    @Option(names = "--fleet-dir", paramLabel = "FLEET",
            description = "The fleet directory: broker user fleet with FLEET/fleet-password, and FLEET/command-signing.jwk.")
    private Path fleetDir;

    @Option(names = "--username", paramLabel = "USER", description = "The broker user (default: none, or fleet).")
    private String username;

    @Option(names = "--password-file", paramLabel = "FILE", description = "The broker password, on one line.")
    private Path passwordFile;

    @Option(names = "--command-key", paramLabel = "FILE", description = "The fleet's command-signing key (JWK).")
    private Path commandKey;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
            description = "Where the console keeps kiosks, history and alerts (SQLite; default: ${DEFAULT-VALUE}).")
    private Path data;

    @Option(names = "--store", paramLabel = "JDBC-URL",
            description = "Another database instead, e.g. jdbc:postgresql://db/yizhan (docs/operations.md).")
    private String store;

    @Option(names = "--store-user", paramLabel = "USER", description = "The database user for --store.")
    private String storeUser;

    @Option(names = "--store-password-file", paramLabel = "FILE", description = "Its password, on one line.")
    private Path storePasswordFile;

    @Option(names = "--users", paramLabel = "FILE",
            description = "The maintainers' users file (default: DIR/" + USERS_FILE + "; see fleet passwd).")
    private Path users;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = WebSettings.DEFAULT_BIND,
            description = "The address the pages are served on (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--metrics-token-file", paramLabel = "FILE",
            description = "A bearer token (16 characters or more) that lets Prometheus read /metrics without a login.")
    private Path metricsTokenFile;

    @Option(names = "--share-group", paramLabel = "GROUP",
            description = "Split the fleet with other consoles: an MQTT 5 shared subscription $share/GROUP/….")
    private String shareGroup;

    @Option(names = "--client-id", paramLabel = "ID", defaultValue = "yizhan-console",
            description = "The console's MQTT client id, kept across restarts so its session holds what arrives"
                    + " while it is down (default: ${DEFAULT-VALUE}).")
    private String clientId;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (broker == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--broker=URL'");
        }
        Path dataDir = data.toAbsolutePath().normalize();
        Path usersFile = users != null ? users : dataDir.resolve(USERS_FILE);
        Maintainers maintainers = maintainers(usersFile);
        String brokerUser = username != null ? username : fleetDir != null ? BrokerAccess.FLEET_USER : null;
        Path brokerPassword = passwordFile != null ? passwordFile
                : fleetDir != null ? fleetDir.resolve(Fleet.FLEET_PASSWORD_FILE) : null;
        Path keyFile = commandKey != null ? commandKey : fleetDir != null ? fleetDir.resolve(Fleet.COMMAND_KEY_FILE)
                : null;
        if (keyFile == null) {
            throw new ParameterException(spec.commandLine(), "--fleet-dir or --command-key is needed: commands are"
                    + " signed with the fleet's key");
        }
        CommandSigningKey key = CommandSigningKey.fromJwk(read(keyFile, "--command-key"));
        byte[] password = brokerPassword == null ? null
                : read(brokerPassword, "--password-file").replaceFirst("\r?\n$", "").getBytes(StandardCharsets.UTF_8);
        FleetConnectionSettings ingest = new FleetConnectionSettings(broker, clientId, brokerUser, password,
                FleetConnectionSettings.DEFAULT_CONNECT_TIMEOUT)
                .withPersistentSession(FleetConnectionSettings.DEFAULT_SESSION_EXPIRY);
        FleetConnectionSettings commands = new FleetConnectionSettings(broker, clientId + "-commands", brokerUser,
                password, FleetConnectionSettings.DEFAULT_CONNECT_TIMEOUT);
        Files.createDirectories(dataDir);
        FleetBackendSettings settings = FleetBackendSettings.of(ingest, dataDir).withShareGroup(shareGroup);
        if (store != null) {
            settings = settings.withStore(new StoreSettings(store, storeUser, storePasswordFile == null ? null
                    : read(storePasswordFile, "--store-password-file").strip(), settings.store().retention()));
        }
        WebSettings web = WebSettings.of(maintainers).withBind(bind).withPort(port);
        if (metricsTokenFile != null) {
            web = web.withMetricsToken(read(metricsTokenFile, "--metrics-token-file").strip());
        }
        try (StopSignal signal = StopSignal.install("fleet-console-stop", Duration.ofSeconds(15));
                FleetConsole console = FleetConsole.start(settings, commands, key, web, Clock.systemUTC())) {
            out.printf("fleet console: %s (%d maintainers in %s); broker %s%s; data %s%n", console.uri(),
                    maintainers.names().size(), usersFile, broker, shareGroup == null ? "" : " as $share/" + shareGroup,
                    store != null ? store : dataDir);
            out.flush();
            signal.await();
        }
        return 0;
    }

    private Maintainers maintainers(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "no users file " + file + "; add a maintainer with:"
                    + " yizhan fleet passwd --users " + file + " NAME");
        }
        try {
            Maintainers maintainers = Maintainers.read(file);
            if (maintainers.names().isEmpty()) {
                throw new ParameterException(spec.commandLine(), file + " names no maintainer; add one with:"
                        + " yizhan fleet passwd --users " + file + " NAME");
            }
            return maintainers;
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + file + ": " + e.getMessage());
        }
    }

    private String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), option + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * {@code yizhan fleet passwd}: adds a maintainer to the users file or changes their password. The password is
     * read twice from the terminal without echo, or once from standard input when there is no terminal (for
     * scripts); the file is replaced atomically, mode 0600. The console reads the file when it starts.
     */
    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Adds a maintainer to the console's users file, or sets a new password.")
    static final class Passwd implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--users", paramLabel = "FILE", defaultValue = DEFAULT_DATA + "/" + USERS_FILE,
                description = "The users file (default: ${DEFAULT-VALUE}).")
        private Path users;

        @Parameters(paramLabel = "NAME", description = "The maintainer's login name.")
        private String name;

        @Override
        public Integer call() throws IOException {
            Maintainers existing = Files.exists(users) ? Maintainers.read(users) : Maintainers.of(Map.of());
            char[] password = password();
            if (password.length < 8) {
                throw new ParameterException(spec.commandLine(), "a maintainer's password has at least 8 characters");
            }
            boolean changed = existing.names().contains(name);
            Maintainers maintainers = existing.with(name, PasswordHash.create(password));
            if (users.toAbsolutePath().getParent() != null) {
                Files.createDirectories(users.toAbsolutePath().getParent());
            }
            AtomicFiles.writeText(users, maintainers.toFileText(), AtomicFiles.OWNER_ONLY);
            spec.commandLine().getOut().println((changed ? "changed the password of " : "added maintainer ") + name
                    + " in " + users + "; restart the console to take it");
            return 0;
        }

        private char[] password() throws IOException {
            Console console = System.console();
            if (console == null) {
                String line = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst()
                        .orElse("");
                return line.toCharArray();
            }
            char[] first = console.readPassword("password for %s: ", name);
            char[] again = console.readPassword("again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new ParameterException(spec.commandLine(), "the two passwords differ");
            }
            return first;
        }
    }
}
