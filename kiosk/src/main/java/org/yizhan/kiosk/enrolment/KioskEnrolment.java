package org.yizhan.kiosk.enrolment;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.yizhan.protocol.command.TrustedCommandKeys;
import org.yizhan.protocol.enrolment.EnrolmentCode;
import org.yizhan.protocol.enrolment.EnrolmentCodes;
import org.yizhan.provisioning.files.AtomicFiles;
import org.yizhan.provisioning.fleet.KioskConfigText;

/**
 * A blank kiosk becoming a member of the fleet by scanning its enrolment code (made by
 * {@code yizhan provision enroll}).
 *
 * <p>A kiosk is blank when the configuration file it was started with does not exist. It trusts the fleet keys
 * in {@code fleetKeys} (installed with the kiosk, the fleet's {@code trusted-command-keys.jwks}); a code is
 * accepted only when one of them signed it and it has not expired ({@link EnrolmentCodes}). Accepting it writes,
 * beside the configuration file: the broker password ({@value KioskConfigText#PASSWORD_FILE}, 0600), the site's
 * pass keys ({@value KioskConfigText#PASS_KEYS_FILE}), the fleet's TLS CA ({@value KioskConfigText#CA_FILE})
 * when the code carries one and, last, the configuration file itself (0600), each
 * replaced atomically — so the configuration file exists only when everything it names does, and a kiosk cut
 * off half-way is still blank and asks again. Not thread-safe: one scan at a time.
 */
public final class KioskEnrolment {

    private final Path configFile;
    private final Path fleetKeys;
    private final TrustedCommandKeys trusted;
    private final Clock clock;

    /** What a scan came to. */
    public sealed interface Outcome permits Enrolled, Refused {
    }

    /** The kiosk is now {@code code.kiosk()}, configured in {@code configFile}. */
    public record Enrolled(EnrolmentCode code, Path configFile) implements Outcome {
    }

    /** The scan was not a valid enrolment code; nothing was written. */
    public record Refused(EnrolmentCodes.Refusal refusal) implements Outcome {
    }

    /**
     * @throws IllegalStateException naming the file when the fleet keys cannot be read: a kiosk that cannot
     *                               check a code must not pretend to wait for one
     */
    public KioskEnrolment(Path configFile, Path fleetKeys, Clock clock) {
        this.configFile = configFile.toAbsolutePath().normalize();
        this.fleetKeys = fleetKeys.toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!Files.isRegularFile(this.fleetKeys)) {
            throw new IllegalStateException(configFile + " does not exist, and there are no fleet keys at " + fleetKeys
                    + " to check an enrolment code with; install the fleet's trusted-command-keys.jwks there"
                    + " (provisioning/pi/install.sh --fleet-keys) or give the kiosk a configuration file");
        }
        try {
            this.trusted = TrustedCommandKeys.fromJwks(AtomicFiles.readText(this.fleetKeys));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IllegalStateException("cannot read the fleet keys " + fleetKeys + ": " + e.getMessage(), e);
        }
    }

    /** Whether a kiosk started with {@code configFile} is blank and must be enrolled first. */
    public static boolean needed(Path configFile) {
        return configFile != null && !Files.exists(configFile);
    }

    /** Where the fleet keys are unless told otherwise: beside the configuration file. */
    public static Path defaultFleetKeys(Path configFile) {
        return configFile.toAbsolutePath().resolveSibling(KioskConfigText.COMMAND_KEYS_FILE);
    }

    public Path configFile() {
        return configFile;
    }

    /** Checks a scanned text and, when it is a valid code, configures the kiosk from it. */
    public Outcome enrol(String scanned) {
        EnrolmentCodes.Verified verified = EnrolmentCodes.verify(scanned, trusted, clock.instant());
        if (!verified.accepted()) {
            return new Refused(verified.refusal());
        }
        EnrolmentCode code = verified.code();
        Path dir = configFile.getParent();
        AtomicFiles.writeText(dir.resolve(KioskConfigText.PASSWORD_FILE), code.password() + "\n",
                AtomicFiles.OWNER_ONLY);
        if (code.passKeys() != null) {
            AtomicFiles.writeText(dir.resolve(KioskConfigText.PASS_KEYS_FILE), code.passKeys() + "\n",
                    AtomicFiles.PUBLIC);
        }
        if (code.caCertificate() != null) {
            AtomicFiles.writeText(dir.resolve(KioskConfigText.CA_FILE), code.caCertificate(), AtomicFiles.PUBLIC);
        }
        String commandKeys = fleetKeys.startsWith(dir) ? dir.relativize(fleetKeys).toString() : fleetKeys.toString();
        AtomicFiles.writeText(configFile, KioskConfigText.render(code, "enrolled " + clock.instant()
                + " from its enrolment code", commandKeys, code.passKeys() != null, false), AtomicFiles.OWNER_ONLY);
        return new Enrolled(code, configFile);
    }
}
