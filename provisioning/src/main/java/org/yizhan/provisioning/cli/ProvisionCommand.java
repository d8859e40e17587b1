package org.yizhan.provisioning.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.provisioning.fleet.BrokerAccess;
import org.yizhan.provisioning.fleet.EnrolledKiosk;
import org.yizhan.provisioning.fleet.Fleet;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
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
            ProvisionCommand.PrintEnrolmentCode.class, ProvisionCommand.Revoke.class, ProvisionCommand.Tls.class,
            ProvisionCommand.BrokerConfig.class})
public final class ProvisionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /**
     * A subcommand working on the fleet in {@code --dir}: its failures become a one-line message and an exit
     * code, the same for all of them.
     */
    abstract static class FleetSubcommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "FLEET", description = "The fleet directory.")
        Path dir;

        /** The work itself, writing its summary to {@code out}; returns the exit code. */
        abstract int run(PrintWriter out);

        Fleet fleet() {
            return Fleet.open(dir, random(), clock());
        }

        @Override
        public final Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                int code = run(spec.commandLine().getOut());
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
    static final class Init extends FleetSubcommand {

        @Option(names = "--tls-host", paramLabel = "HOST", split = ",",
                description = "Also make the fleet's TLS CA and the broker's certificate for these hosts (as tls).")
        private List<String> tlsHosts;

        @Override
        int run(PrintWriter out) {
            Fleet.Created created = Fleet.init(dir, random(), clock());
            List<Path> tls = tlsHosts == null ? List.of() : fleet().setUpTls(tlsHosts);
            out.println("created fleet " + created.dir() + " (command key " + created.commandKeyId() + ")");
            out.println("  " + dir.resolve(Fleet.COMMAND_KEY_FILE) + "  command-signing key (secret)");
            out.println("  " + dir.resolve(Fleet.TRUSTED_COMMAND_KEYS_FILE) + "  its public key, for the kiosks");
            out.println("  " + dir.resolve(Fleet.PASSWD_FILE) + ", " + dir.resolve(Fleet.ACL_FILE)
                    + "  the broker's password and ACL files");
            out.println("  " + dir.resolve(Fleet.FLEET_PASSWORD_FILE) + "  broker password of user "
                    + BrokerAccess.FLEET_USER + " (secret)");
            tls.forEach(file -> out.println("  " + file + (file.toString().endsWith(".key") ? "  TLS key (secret)"
                    : "  TLS certificate")));
            out.println("next: yizhan provision enroll --dir " + dir + " --site SITE --name NAME");
            return 0;
        }
    }

    @Command(name = "enroll", mixinStandardHelpOptions = true,
            description = {"Enrols a kiosk: a kiosk id, a random broker password, its password-file line and ACL",
                    "block, the site's pass-signing key if it has none yet, and the directory",
                    "FLEET/kiosks/SITE.KIOSK with kiosk.conf, mqtt-password and the enrolment code to print",
                    "(enrolment.html, enrolment.png; all secret, 0600)."})
    static final class Enroll extends FleetSubcommand {

        @Option(names = "--site", required = true, paramLabel = "SITE", description = "The site id, e.g. pujin.")
        private String site;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "The kiosk's name for people, e.g. \"浦锦 24h window 1\".")
        private String name;

        @Option(names = "--kiosk", paramLabel = "ID", description = "The kiosk id; default k- and 6 random characters.")
        private String kiosk;

        @Option(names = "--site-name", paramLabel = "NAME",
                description = "The centre's name on the kiosk's home screen; default: the kiosk's name.")
        private String siteName;

        @Option(names = "--broker", paramLabel = "URL", defaultValue = "tcp://127.0.0.1:1883",
                description = "The broker URL in the kiosk's config (default: ${DEFAULT-VALUE}).")
        private String broker;

        @Option(names = "--client-cert", description = {"Also a client certificate for the kiosk (needs --broker"
                + " ssl://… and yizhan provision tls). Its private key goes on no paper: no enrolment code is printed,",
                "install the kiosk with install.sh --kiosk FLEET/kiosks/SITE.KIOSK."})
        private boolean clientCert;

        @Mixin
        private CodeOptions code;

        @Override
        int run(PrintWriter out) {
            Fleet.Enrolment enrolment = fleet().enroll(site, kiosk, name, siteName, broker, clientCert, code.valid,
                    code.zone);
            EnrolledKiosk k = enrolment.kiosk();
            out.println("enrolled kiosk " + k.id() + " \"" + k.name() + "\"");
            out.printf("  %-14s %s%n", "broker user", k.broker().username());
            out.printf("  %-14s %s%n", "client id", k.clientId());
            out.printf("  %-14s %s%n", "broker", enrolment.brokerUrl());
            out.printf("  %-14s %s%n", "config", enrolment.configFile());
            out.printf("  %-14s %s (secret)%n", "password file", enrolment.passwordFile());
            out.printf("  %-14s %s (secret; passes for site %s are signed with it)%n", "site pass key",
                    enrolment.sitePassKey(), k.id().site());
            if (enrolment.code() != null) {
                printCode(out, enrolment.code(), code.zone);
            } else {
                out.printf("  %-14s %s (secret)%n", "client cert", enrolment.configFile()
                        .resolveSibling("client.crt") + ", client.key");
                out.printf("  %-14s none: install with install.sh --kiosk %s%n", "enrolment", enrolment.configFile()
                        .getParent());
            }
            out.println("reload the broker (kill -HUP) so that it takes the new password and ACL");
            return 0;
        }
    }

    /** How long an enrolment code is valid, and the zone its sheet shows the expiry in. */
    static final class CodeOptions {

        @Option(names = "--valid", paramLabel = "DURATION", defaultValue = "24h", converter = DurationConverter.class,
                description = "How long the enrolment code is accepted, up to 30d (default: ${DEFAULT-VALUE}).")
        Duration valid;

        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Asia/Shanghai",
                description = "The time zone of the expiry printed on the sheet (default: ${DEFAULT-VALUE}).")
        ZoneId zone;
    }

    static void printCode(PrintWriter out, Fleet.PrintedCode code, ZoneId zone) {
        out.printf("  %-14s %s (print it; secret)%n", "enrolment", code.html());
        out.printf("  %-14s %s%n", "QR code", code.png());
        out.printf("  %-14s %s%n", "code expires", code.expiresAt().atZone(zone).toLocalDateTime()
                .truncatedTo(ChronoUnit.MINUTES) + " " + zone.getId());
    }

    @Command(name = "tls", mixinStandardHelpOptions = true,
            description = {"Makes the fleet's TLS certificate authority (FLEET/tls/ca.crt, ca.key) and the broker's",
                    "certificate for the given hosts; kiosks enrolled with --broker ssl://HOST:8883 trust the CA.",
                    "Never replaces an existing CA."})
    static final class Tls extends FleetSubcommand {

        @Option(names = "--host", required = true, paramLabel = "HOST", split = ",",
                description = "A DNS name or IP address kiosks reach the broker by; repeat or separate with commas.")
        private List<String> hosts;

        @Override
        int run(PrintWriter out) {
            List<Path> files = fleet().setUpTls(hosts);
            out.println("made the fleet's TLS certificates for " + String.join(", ", hosts));
            files.forEach(file -> out.println("  " + file + (file.toString().endsWith(".key") ? "  (secret)" : "")));
            out.println("next: yizhan provision broker-config --dir " + dir + " --bind ADDRESS (adds the TLS listener)");
            return 0;
        }
    }

    @Command(name = "enrolment-code", mixinStandardHelpOptions = true,
            description = {"Prints a new enrolment code for an enrolled kiosk (the old one expired or was lost):",
                    "FLEET/kiosks/SITE.KIOSK/enrolment.html and enrolment.png, replaced. A lost code that has not",
                    "expired yet still works: revoke the kiosk and enrol it again instead."})
    static final class PrintEnrolmentCode extends FleetSubcommand {

        @Parameters(paramLabel = "KIOSK", description = "The kiosk, written SITE/KIOSK, e.g. pujin/k-7q2m4x.")
        private String kiosk;

        @Mixin
        private CodeOptions code;

        @Override
        int run(PrintWriter out) {
            KioskId id = KioskId.parse(kiosk);
            Fleet.PrintedCode printed = fleet().printEnrolmentCode(id, code.valid, code.zone);
            out.println("new enrolment code for kiosk " + id);
            printCode(out, printed, code.zone);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the fleet's kiosks.")
    static final class ListKiosks extends FleetSubcommand {

        @Override
        int run(PrintWriter out) {
            List<EnrolledKiosk> kiosks = fleet().registry().kiosks();
            String format = "%-24s %-30s %-8s %-20s %s%n";
            out.printf(format, "KIOSK", "BROKER USER", "STATUS", "ENROLLED", "NAME");
            for (EnrolledKiosk k : kiosks) {
                out.printf(format, k.id(), k.broker().username(), k.revoked() ? "revoked" : "active",
                        k.enrolledAt().truncatedTo(ChronoUnit.SECONDS), k.name());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revokes a kiosk: its password line and ACL block are removed and the registry marks it",
                    "revoked. Reload the broker (kill -HUP) to refuse it from then on."})
    static final class Revoke extends FleetSubcommand {

        @Parameters(paramLabel = "KIOSK", description = "The kiosk, written SITE/KIOSK, e.g. pujin/k-7q2m4x.")
        private String kiosk;

        @Override
        int run(PrintWriter out) {
            EnrolledKiosk revoked = fleet().revoke(KioskId.parse(kiosk));
            out.println("revoked kiosk " + revoked.id() + " (broker user " + revoked.broker().username()
                    + "); reload the broker (kill -HUP) so that it is refused");
            return 0;
        }
    }

    @Command(name = "broker-config", mixinStandardHelpOptions = true,
            description = {"Writes FLEET/mosquitto.conf: a listener, no anonymous access, the fleet's password and",
                    "ACL files, persistence in FLEET/mosquitto-data. Run it with: mosquitto -c FLEET/mosquitto.conf"})
    static final class BrokerConfig extends FleetSubcommand {

        @Option(names = "--port", defaultValue = "1883", paramLabel = "PORT", description = "Default: ${DEFAULT-VALUE}.")
        private int port;

        @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
                description = "The listener's address (default: ${DEFAULT-VALUE}).")
        private String bind;

        @Option(names = "--user", paramLabel = "USER",
                description = "The system user mosquitto switches to when started as root; it must read FLEET.")
        private String user;

        @Option(names = "--tls-bind", paramLabel = "ADDRESS",
                description = "The TLS listener's address, e.g. 0.0.0.0 for kiosks on the network (default: --bind).")
        private String tlsBind;

        @Option(names = "--tls-port", defaultValue = "8883", paramLabel = "PORT",
                description = "The TLS listener's port, when the fleet has its certificates (default: ${DEFAULT-VALUE}).")
        private int tlsPort;

        @Option(names = "--require-client-certs",
                description = "The TLS listener admits only kiosks with a client certificate of the fleet's CA.")
        private boolean requireClientCerts;

        @Override
        int run(PrintWriter out) {
            Fleet fleet = fleet();
            Path file = fleet.writeBrokerConfig(bind, port, user, tlsBind, tlsPort, requireClientCerts);
            out.println("wrote " + file + " (listener " + bind + ":" + port
                    + (fleet.hasTls() ? ", TLS " + (tlsBind == null ? bind : tlsBind) + ":" + tlsPort : "") + ", "
                    + fleet.registry().active().size() + " active kiosks); run: mosquitto -c " + file);
            return 0;
        }
    }
}
