package org.yizhan.launcher.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.yizhan.fleet.command.CommandNotSentException;
import org.yizhan.fleet.command.CommandReply;
import org.yizhan.fleet.command.CommandSender;
import org.yizhan.fleet.command.PendingCommand;
import org.yizhan.fleet.connection.FleetConnection;
import org.yizhan.fleet.connection.FleetConnectionException;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.mqtt.PahoFleetConnection;
import org.yizhan.protocol.ShortDuration;
import org.yizhan.protocol.command.Command;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandOutcome;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.provisioning.cli.DurationConverter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine;

/**
 * {@code yizhan command}: signs one command with the fleet's key, sends it to one kiosk through the broker and
 * prints the kiosk's answer. The sending is the fleet's {@link CommandSender}, the code the console uses too;
 * each command name is a subcommand that only turns its arguments into {@link CommandArgs}. The options here
 * may stand before or after the name.
 *
 * <p><b>Output.</b> On stdout the answer: {@code ok: MESSAGE}, {@code rejected: REASON — MESSAGE} or
 * {@code failed: REASON — MESSAGE}, then what the command produced (the diagnostics snapshot) as an indented
 * tree ({@link ReplyText}); with {@code --json} only the {@code cmd-result} exactly as it arrived. On stderr one
 * line names the command sent (its id is what the kiosk logs), and every problem is one line.
 *
 * <p><b>Exit status.</b> {@value #EXIT_OK} when the kiosk answered ok; {@value #EXIT_NOT_OK} when it rejected
 * the command or failed to do it, when its answer cannot be read, and when the command did not reach the broker
 * (unreachable, refused); {@value #EXIT_USAGE} for usage errors, each naming the option or argument (a key file
 * that cannot be read, a bad kiosk id, an unknown {@code config-set} key), found before anything is sent;
 * {@value #EXIT_NO_ANSWER} when no answer came within {@code --wait}.
 */
@CommandLine.Command(name = "command", mixinStandardHelpOptions = true,
        description = {"Signs one command with the fleet's key, sends it to one kiosk and prints its answer.",
            "Exit status: 0 ok, 1 rejected or failed (or not sent), 2 usage error, 3 no answer within --wait."},
        subcommands = {SendRestart.class, SendResync.class, SendNotice.class, SendDiagnostics.class,
            SendConfigSet.class})
public final class SendCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_NOT_OK = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_NO_ANSWER = 3;

    private static final String NAMES = "restart, resync, notice, diagnostics or config-set";
    /** How long past --wait to wait for the sender, which always ends by then; a guard against a bug only. */
    private static final Duration SLACK = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Spec
    private CommandSpec spec;

    @Option(names = "--key", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The fleet's command signing key, a private JWK (the demo's: var/keys/command-signing.jwk).")
    private Path keyFile;

    @Option(names = "--broker", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The broker: tcp://HOST[:PORT] or ssl://HOST[:PORT] (the JDK's CAs are trusted).")
    private String broker;

    @Option(names = "--kiosk", paramLabel = "SITE/ID", scope = ScopeType.INHERIT, converter = KioskIdConverter.class,
            description = "The kiosk, e.g. demo/kiosk-1.")
    private KioskId kiosk;

    @Option(names = "--wait", paramLabel = "DURATION", scope = ScopeType.INHERIT, defaultValue = "10s",
            converter = DurationConverter.class,
            description = "How long to wait for the answer (default: ${DEFAULT-VALUE}).")
    private Duration wait;

    @Option(names = "--valid", paramLabel = "DURATION", scope = ScopeType.INHERIT, defaultValue = "5m",
            converter = DurationConverter.class,
            description = "How long the kiosk may still obey it, at most 1h (default: ${DEFAULT-VALUE}).")
    private Duration valid;

    @Option(names = "--username", paramLabel = "USER", scope = ScopeType.INHERIT,
            description = "The fleet's broker user.")
    private String username;

    @Option(names = "--password-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A file holding the broker password (UTF-8, one line).")
    private Path passwordFile;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the kiosk's cmd-result JSON as it arrived instead of the readable answer.")
    private boolean json;

    /** Catches a name that is not a subcommand, to say which names there are. */
    @Parameters(arity = "0..1", paramLabel = "NAME", hidden = true)
    private String unknownName;

    @Override
    public Integer call() {
        if (unknownName != null) {
            throw new ParameterException(spec.commandLine(), "'" + unknownName + "' is not a command; the commands"
                    + " are " + NAMES);
        }
        throw new ParameterException(spec.commandLine(), "name the command to send: " + NAMES);
    }

    /**
     * Sends {@code args} as the options say, prints the answer and returns the exit status.
     *
     * @param from the subcommand's command line, for usage errors
     * @throws ParameterException for usage errors, before anything is sent
     */
    int send(CommandArgs args, CommandLine from) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = spec.qualifiedName();
        checkRequired(from);
        if (valid.isZero() || valid.compareTo(Command.MAX_VALIDITY) > 0) {
            throw new ParameterException(from, "--valid: " + ShortDuration.format(valid)
                    + " is not between 1s and 1h: a kiosk refuses commands valid for longer");
        }
        if (wait.isZero()) {
            throw new ParameterException(from, "--wait: must be longer than 0s");
        }
        CommandSigningKey key = readKey(from);
        FleetConnectionSettings settings = settings(from);
        try (FleetConnection connection = PahoFleetConnection.connect(settings)) {
            PendingCommand pending = new CommandSender(connection, key, Clock.systemUTC()).send(kiosk, args, valid, wait);
            Command command = pending.command();
            err.println("sent " + command.name().code() + " " + command.id() + " to " + kiosk + " through " + broker
                    + "; waiting up to " + ShortDuration.format(wait) + " for the answer");
            err.flush();
            CommandReply reply = pending.reply().get(wait.plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
            return print(reply, out, err, name);
        } catch (FleetConnectionException e) {
            err.println(name + ": " + e.getMessage());
            return EXIT_NOT_OK;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CommandNotSentException notSent) {
                err.println(name + ": " + notSent.getMessage());
                return EXIT_NOT_OK;
            }
            throw new IllegalStateException("sending the command failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            err.println(name + ": no answer from " + kiosk + " within " + ShortDuration.format(wait));
            return EXIT_NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(name + ": interrupted while waiting for the answer");
            return EXIT_NO_ANSWER;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int print(CommandReply reply, PrintWriter out, PrintWriter err, String name) {
        if (reply instanceof CommandReply.Answered answered) {
            out.println(json ? answered.json() : ReplyText.of(answered.result()));
            return answered.result().outcome() == CommandOutcome.OK ? EXIT_OK : EXIT_NOT_OK;
        }
        if (reply instanceof CommandReply.Unreadable unreadable) {
            if (json) {
                out.println(unreadable.payload());
            }
            err.println(name + ": " + kiosk + " answered, but the answer cannot be read: " + unreadable.problem());
            return EXIT_NOT_OK;
        }
        CommandReply.NoAnswer noAnswer = (CommandReply.NoAnswer) reply;
        err.println(name + ": " + noAnswer.message() + " (the command stays valid until "
                + noAnswer.command().notAfter() + ")");
        return EXIT_NO_ANSWER;
    }

    private void checkRequired(CommandLine from) {
        List<String> missing = new ArrayList<>();
        if (keyFile == null) {
            missing.add("--key FILE");
        }
        if (broker == null) {
            missing.add("--broker URL");
        }
        if (kiosk == null) {
            missing.add("--kiosk SITE/ID");
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(from, "missing " + String.join(", ", missing));
        }
    }

    private CommandSigningKey readKey(CommandLine from) {
        String jwk;
        try {
            jwk = Files.readString(keyFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ParameterException(from, "--key: " + keyFile + ": no such file");
        } catch (IOException e) {
            throw new ParameterException(from, "--key: cannot read " + keyFile + ": " + e.getMessage());
        }
        try {
            return CommandSigningKey.fromJwk(jwk);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(from, "--key: " + keyFile + " is not a command signing key: " + e.getMessage());
        }
    }

    private FleetConnectionSettings settings(CommandLine from) {
        URI uri;
        try {
            uri = new URI(broker);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("tcp".equals(uri.getScheme()) || "ssl".equals(uri.getScheme()))
                || (uri.getPath() != null && !uri.getPath().isEmpty())) {
            throw new ParameterException(from, "--broker: '" + broker + "' is not a broker URL; write"
                    + " tcp://HOST[:PORT] or ssl://HOST[:PORT]");
        }
        byte[] password = null;
        if (passwordFile != null) {
            try {
                // editors and echo add a final newline that is not part of the password
                password = Files.readString(passwordFile, StandardCharsets.UTF_8).replaceFirst("\r?\n$", "")
                        .getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ParameterException(from, "--password-file: cannot read " + passwordFile + ": "
                        + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
            }
        }
        // dashes, never dots: kiosks are yizhan.{site}.{kiosk}, so no kiosk can take the console's id
        String clientId = "yizhan-fleet-cli-" + HexFormat.of().formatHex(randomBytes());
        return new FleetConnectionSettings(broker, clientId, username, password,
                FleetConnectionSettings.DEFAULT_CONNECT_TIMEOUT);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** {@code site/kiosk} on the command line. */
    static final class KioskIdConverter implements ITypeConverter<KioskId> {
        @Override
        public KioskId convert(String value) {
            try {
                return KioskId.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
