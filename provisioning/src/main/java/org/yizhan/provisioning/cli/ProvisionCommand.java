package org.yizhan.provisioning.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.provisioning.fleet.BrokerAccess;
import org.yizhan.provisioning.fleet.EnrolledKiosk;
import org.yizhan.provisioning.fleet.Fleet;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code provision}: the fleet's enrolment tools ({@link Fleet}), meant to sit under the top-level {@code yizhan}
 * command. Summaries go to standard output, messages to standard error, and no password or private key is ever
 * printed. Exit codes: 0 for success, 1 when the work failed (no fleet, refusal to overwrite, unwritable file),
 * 2 for bad arguments (a missing option, an invalid site or kiosk id).
 */
@Command(name = "provision",
        description = "Creates the fleet's secrets and broker files, and enrols and revokes kiosks.",
        mixinStandardHelpOptions = true,
        subcommands = {ProvisionCommand.Init.class, ProvisionCommand.Enroll.class, ProvisionCommand.ListKiosks.class,
            ProvisionCommand.Revoke.class, ProvisionCommand.BrokerConfig.class})
public final class ProvisionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** The work of one subcommand, with its failures turned into a one-line message and an exit code. */
    interface Work {
        int run(PrintWriter out);
    }

    static int perform(CommandSpec spec, Work work) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            int code = work.run(spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return code;
        } catch (IllegalArgumentException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return ExitCode.USAGE;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            return ExitCode.SOFTWARE;
        } finally {
            err.flush();
        }
    }

    static SecureRandom random() {
        return new SecureRandom();
    }

    static Clock clock() {
        return Clock.systemUTC();
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Creates a fleet in DIR (mode 0700): the command-signing key, an empty kiosk registry,",
                    "the broker's password and ACL files, and the fleet user's password file.",
                    "Never replaces an existing fleet."})
    static final class Init implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "FLEET", description = "The fleet directory.")
        private Path dir;

        @Override
        public Integer call() {
            return perform(spec, out -> {
                Fleet.Created created = Fleet.init(dir, random(), clock());
                out.println("created fleet " + created.dir() + " (command key " + created.commandKeyId() + ")");
                out.println("  " + dir.resolve(Fleet.COMMAND_KEY_FILE) + "  command-signing key (secret)");
                out.println("  " + dir.resolve(Fleet.TRUSTED_COMMAND_KEYS_FILE) + "  its public key, for the kiosks");
                out.println("  " + dir.resolve(Fleet.PASSWD_FILE) + ", " + dir.resolve(Fleet.ACL_FILE)
                        + "  the broker's password and ACL files");
                out.println("  " + dir.resolve(Fleet.FLEET_PASSWORD_FILE) + "  broker password of user "
                        + BrokerAccess.FLEET_USER + " (secret)");
                out.println("next: yizhan provision enroll --dir " + dir + " --site SITE --name NAME");
                return 0;
            });
        }
    }

    @Command(name = "enroll", mixinStandardHelpOptions = true,
            description = {"Enrols a kiosk: a kiosk id, a random broker password, its password-file line and ACL",
                    "block, and its directory FLEET/kiosks/SITE.KIOSK with kiosk.conf and mqtt-password (0600)."})
    static final class Enroll implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "FLEET", description = "The fleet directory.")
        private Path dir;

        @Option(names = "--site", required = true, paramLabel = "SITE", description = "The site id, e.g. pujin.")
        private String site;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "The kiosk's name for people, e.g. \"浦锦 24h window 1\".")
        private String name;

        @Option(names = "--kiosk", paramLabel = "ID", description = "The kiosk id; default k- and 6 random characters.")
        private String kiosk;

        @Option(names = "--broker", paramLabel = "URL", defaultValue = "tcp://127.0.0.1:1883",
                description = "The broker URL in the kiosk's config (default: ${DEFAULT-VALUE}).")
        private String broker;

        @Override
        public Integer call() {
            return perform(spec, out -> {
                Fleet.Enrolment enrolment = Fleet.open(dir, random(), clock()).enroll(site, kiosk, name, broker);
                EnrolledKiosk k = enrolment.kiosk();
                out.println("enrolled kiosk " + k.id() + " \"" + k.name() + "\"");
                out.printf("  %-14s %s%n", "broker user", k.broker().username());
                out.printf("  %-14s %s%n", "client id", k.clientId());
                out.printf("  %-14s %s%n", "broker", enrolment.brokerUrl());
                out.printf("  %-14s %s%n", "config", enrolment.configFile());
                out.printf("  %-14s %s (secret)%n", "password file", enrolment.passwordFile());
                out.println("reload the broker (kill -HUP) so that it takes the new password and ACL");
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the fleet's kiosks.")
    static final class ListKiosks implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "FLEET", description = "The fleet directory.")
        private Path dir;

        @Override
        public Integer call() {
            return perform(spec, out -> {
                List<EnrolledKiosk> kiosks = Fleet.open(dir, random(), clock()).registry().kiosks();
                String format = "%-24s %-30s %-8s %-20s %s%n";
                out.printf(format, "KIOSK", "BROKER USER", "STATUS", "ENROLLED", "NAME");
                for (EnrolledKiosk k : kiosks) {
                    out.printf(format, k.id(), k.broker().username(), k.revoked() ? "revoked" : "active",
                            k.enrolledAt().truncatedTo(ChronoUnit.SECONDS), k.name());
                }
                return 0;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revokes a kiosk: its password line and ACL block are removed and the registry marks it",
                    "revoked. Reload the broker (kill -HUP) to refuse it from then on."})
    static final class Revoke implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "FLEET", description = "The fleet directory.")
        private Path dir;

        @Parameters(paramLabel = "KIOSK", description = "The kiosk, written SITE/KIOSK, e.g. pujin/k-7q2m4x.")
        private String kiosk;

        @Override
        public Integer call() {
            return perform(spec, out -> {
                EnrolledKiosk revoked = Fleet.open(dir, random(), clock()).revoke(KioskId.parse(kiosk));
                out.println("revoked kiosk " + revoked.id() + " (broker user " + revoked.broker().username()
                        + "); reload the broker (kill -HUP) so that it is refused");
                return 0;
            });
        }
    }

    @Command(name = "broker-config", mixinStandardHelpOptions = true,
            description = {"Writes FLEET/mosquitto.conf: a listener, no anonymous access, the fleet's password and",
                    "ACL files, persistence in FLEET/mosquitto-data. Run it with: mosquitto -c FLEET/mosquitto.conf"})
    static final class BrokerConfig implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "FLEET", description = "The fleet directory.")
        private Path dir;

        @Option(names = "--port", defaultValue = "1883", paramLabel = "PORT", description = "Default: ${DEFAULT-VALUE}.")
        private int port;

        @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
                description = "The listener's address (default: ${DEFAULT-VALUE}).")
        private String bind;

        @Option(names = "--user", paramLabel = "USER",
                description = "The system user mosquitto switches to when started as root; it must read FLEET.")
        private String user;

        @Override
        public Integer call() {
            return perform(spec, out -> {
                Fleet fleet = Fleet.open(dir, random(), clock());
                Path file = fleet.writeBrokerConfig(bind, port, user);
                out.println("wrote " + file + " (listener " + bind + ":" + port + ", "
                        + fleet.registry().active().size() + " active kiosks); run: mosquitto -c " + file);
                return 0;
            });
        }
    }
}
