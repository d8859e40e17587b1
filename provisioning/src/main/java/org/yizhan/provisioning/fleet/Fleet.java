package org.yizhan.provisioning.fleet;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.enrolment.EnrolmentCode;
import org.yizhan.protocol.enrolment.EnrolmentCodes;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.provisioning.files.AtomicFiles;
import org.yizhan.provisioning.pass.PassQrCode;
import org.yizhan.provisioning.pass.PassSigningKey;

/**
 * A fleet directory: the fleet's secrets, its kiosk registry and the broker files rendered from it.
 *
 * <pre>
 * FLEET/                              0700
 *   command-signing.jwk               0600  the fleet's command key (private JWK)
 *   trusted-command-keys.jwks         0644  its public half, for the kiosks
 *   kiosks.json                       0600  the registry ({@link KioskRegistry})
 *   passwd, acl                       0600  mosquitto's password_file and acl_file ({@link BrokerAccess})
 *   fleet-password                    0600  the console's broker password (user {@value BrokerAccess#FLEET_USER})
 *   mosquitto.conf, mosquitto-data/         written by {@link #writeBrokerConfig}
 *   tls/                              0700  with provision tls: the fleet's CA and the broker's certificate
 *     ca.crt, server.crt              0644    ({@link FleetTls}); ca.key, server.key 0600
 *   sites/SITE/                       0700  the site's pass-signing key, made when its first kiosk is enrolled:
 *     pass-signing.jwk                0600    sign visitor passes with it (yizhan passes issue --key)
 *     trusted-pass-keys.jwks          0644    its public half, for the site's kiosks
 *   kiosks/SITE.KIOSK/                0700  kiosk.conf, mqtt-password (both 0600), trusted-command-keys.jwks,
 *                                           trusted-pass-keys.jwks, ca.crt with TLS, client.crt and
 *                                           client.key (0600) with --client-cert, and the enrolment code:
 *     enrolment.png, enrolment.html   0600    the QR code and its printable sheet (they carry the password)
 * </pre>
 *
 * <p>Every change writes the registry first and then renders the password and ACL files from it, each file
 * replaced atomically ({@link AtomicFiles}); an interrupted change is completed by the next one. Passwords are
 * written only to their owner-only files, never returned in a printable form. Not thread-safe, and one maintainer
 * at a time: two processes changing one fleet at once may lose a change.
 */
public final class Fleet {

    public static final String COMMAND_KEY_FILE = "command-signing.jwk";
    public static final String TRUSTED_COMMAND_KEYS_FILE = "trusted-command-keys.jwks";
    public static final String REGISTRY_FILE = "kiosks.json";
    public static final String PASSWD_FILE = "passwd";
    public static final String ACL_FILE = "acl";
    public static final String FLEET_PASSWORD_FILE = "fleet-password";
    public static final String BROKER_CONFIG_FILE = "mosquitto.conf";
    public static final String BROKER_DATA_DIR = "mosquitto-data";
    public static final String KIOSKS_DIR = "kiosks";
    public static final String KIOSK_CONFIG_FILE = "kiosk.conf";
    public static final String KIOSK_PASSWORD_FILE = KioskConfigText.PASSWORD_FILE;
    public static final String SITES_DIR = "sites";
    public static final String SITE_PASS_KEY_FILE = "pass-signing.jwk";
    public static final String ENROLMENT_PNG_FILE = "enrolment.png";
    public static final String ENROLMENT_HTML_FILE = "enrolment.html";
    /** Pixels of the QR code image: printed 110 mm wide it is ~3.5 px per mm, plenty for a 2D scanner. */
    static final int QR_PIXELS = 400;
    /** Random bytes in a broker password: 144 bits, 24 base64url characters. */
    static final int PASSWORD_BYTES = 18;
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

    private final Path dir;
    private final SecureRandom random;
    private final Clock clock;
    private KioskRegistry registry;

    private Fleet(Path dir, KioskRegistry registry, SecureRandom random, Clock clock) {
        this.dir = dir;
        this.registry = registry;
        this.random = random;
        this.clock = clock;
    }

    /** What {@link #init} made: the command key's id and the files written. */
    public record Created(Path dir, String commandKeyId, List<Path> files) {
    }

    /** What {@link #enroll} made; the password is only in {@code passwordFile} and the enrolment code. */
    public record Enrolment(EnrolledKiosk kiosk, Path configFile, Path passwordFile, String brokerUrl,
            Path sitePassKey, PrintedCode code) {
    }

    /** An enrolment code as {@link #printEnrolmentCode} wrote it. */
    public record PrintedCode(Path png, Path html, Instant expiresAt) {
    }

    /**
     * Creates a new fleet in {@code dir} (which may exist, but must not hold a fleet): a command-signing key, an
     * empty registry, the broker files with the fleet user only, and the fleet user's password file.
     */
    public static Created init(Path dir, SecureRandom random, Clock clock) {
        for (String name : List.of(REGISTRY_FILE, COMMAND_KEY_FILE)) {
            if (Files.exists(dir.resolve(name))) {
                throw new IllegalStateException(dir + " already holds a fleet (" + name + "); refusing to replace it");
            }
        }
        AtomicFiles.createPrivateDirectory(dir);
        CommandSigningKey key = CommandSigningKey.generate();
        AtomicFiles.writeNewText(dir.resolve(COMMAND_KEY_FILE), key.privateJwk() + "\n", AtomicFiles.OWNER_ONLY);
        AtomicFiles.writeText(dir.resolve(TRUSTED_COMMAND_KEYS_FILE), key.trusted().jwks() + "\n", AtomicFiles.PUBLIC);
        String password = password(random);
        AtomicFiles.writeText(dir.resolve(FLEET_PASSWORD_FILE), password + "\n", AtomicFiles.OWNER_ONLY);
        BrokerUser fleetUser = new BrokerUser(BrokerAccess.FLEET_USER, MosquittoPasswordHash.of(password, random).encoded());
        Fleet fleet = new Fleet(dir, new KioskRegistry(fleetUser, List.of()), random, clock);
        fleet.save();
        return new Created(dir, key.kid(), List.of(dir.resolve(COMMAND_KEY_FILE), dir.resolve(TRUSTED_COMMAND_KEYS_FILE),
                dir.resolve(REGISTRY_FILE), dir.resolve(PASSWD_FILE), dir.resolve(ACL_FILE),
                dir.resolve(FLEET_PASSWORD_FILE)));
    }

    /** The fleet in {@code dir}, made by {@link #init}. */
    public static Fleet open(Path dir, SecureRandom random, Clock clock) {
        Path file = dir.resolve(REGISTRY_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no fleet in " + dir + " (no " + REGISTRY_FILE
                    + "); create one with: yizhan provision init --dir " + dir);
        }
        try {
            return new Fleet(dir, KioskRegistry.fromJson(AtomicFiles.readText(file)), random, clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    public KioskRegistry registry() {
        return registry;
    }

    /**
     * Enrols a kiosk of {@code site} named {@code name}: {@code kioskId} or, when null, a new {@code k-xxxxxx};
     * a random broker password; its registry entry, password line and ACL block; and its directory with its
     * config (pointing at {@code brokerUrl}), password file and the fleet's trusted command keys.
     */
    public Enrolment enroll(String site, String kioskId, String name, String siteName, String brokerUrl,
            boolean clientCertificate, Duration codeValidity, ZoneId zone) {
        if (name == null || name.isBlank() || name.contains("\n") || name.contains("\r")) {
            throw new IllegalArgumentException("--name must be one non-empty line");
        }
        if (siteName != null && (siteName.isBlank() || siteName.contains("\n") || siteName.contains("\r"))) {
            throw new IllegalArgumentException("--site-name must be one non-empty line");
        }
        if (brokerUrl == null || !(brokerUrl.startsWith("tcp://") || brokerUrl.startsWith("ssl://"))) {
            throw new IllegalArgumentException("--broker must be tcp://HOST[:PORT] or ssl://HOST[:PORT]");
        }
        if (clientCertificate && !(hasTls() && brokerUrl.startsWith("ssl://"))) {
            throw new IllegalArgumentException("--client-cert needs --broker ssl://… and the fleet's TLS certificates"
                    + " (yizhan provision tls)");
        }
        KioskId id = kioskId == null ? newKioskId(site) : new KioskId(site, kioskId);
        if (registry.find(id).isPresent()) {
            throw new IllegalArgumentException("kiosk " + id + " is already enrolled");
        }
        Path kioskDir = kioskDir(id);
        if (Files.exists(kioskDir)) {
            throw new IllegalStateException(kioskDir + " exists already; refusing to replace it");
        }
        String password = password(random);
        EnrolledKiosk kiosk = new EnrolledKiosk(id, name.strip(),
                new BrokerUser(EnrolledKiosk.username(id), MosquittoPasswordHash.of(password, random).encoded()),
                clock.instant(), null);
        Path sitePassKey = ensureSitePassKey(id);
        AtomicFiles.createPrivateDirectory(kioskDir);
        Path passwordFile = kioskDir.resolve(KIOSK_PASSWORD_FILE);
        AtomicFiles.writeNewText(passwordFile, password + "\n", AtomicFiles.OWNER_ONLY);
        AtomicFiles.writeText(kioskDir.resolve(TRUSTED_COMMAND_KEYS_FILE),
                AtomicFiles.readText(dir.resolve(TRUSTED_COMMAND_KEYS_FILE)), AtomicFiles.PUBLIC);
        AtomicFiles.writeText(kioskDir.resolve(KioskConfigText.PASS_KEYS_FILE),
                AtomicFiles.readText(sitePassKey.resolveSibling(KioskConfigText.PASS_KEYS_FILE)), AtomicFiles.PUBLIC);
        if (brokerUrl.startsWith("ssl://") && hasTls()) {
            AtomicFiles.writeText(kioskDir.resolve(KioskConfigText.CA_FILE),
                    AtomicFiles.readText(dir.resolve(FleetTls.DIR).resolve(FleetTls.CA_CERT)), AtomicFiles.PUBLIC);
        }
        if (clientCertificate) {
            FleetTls.read(dir.resolve(FleetTls.DIR), random).issueClient(kiosk.broker().username(), clock.instant(),
                    kioskDir.resolve(KioskConfigText.CLIENT_CERT_FILE), kioskDir.resolve(KioskConfigText.CLIENT_KEY_FILE));
        }
        Path configFile = kioskDir.resolve(KIOSK_CONFIG_FILE);
        EnrolmentCode described = code(kiosk, siteName == null ? kiosk.name() : siteName.strip(), brokerUrl, password,
                Duration.ofMinutes(1));
        AtomicFiles.writeNewText(configFile, KioskConfigText.render(described, "enrolled " + kiosk.enrolledAt()
                + " by yizhan provision enroll", TRUSTED_COMMAND_KEYS_FILE, true, clientCertificate),
                AtomicFiles.OWNER_ONLY);
        registry = registry.enrolled(kiosk);
        save();
        // A private key does not go on paper: a kiosk with a client certificate is installed with its directory.
        return new Enrolment(kiosk, configFile, passwordFile, brokerUrl, sitePassKey,
                clientCertificate ? null : printEnrolmentCode(id, codeValidity, zone));
    }

    /**
     * Writes the kiosk's enrolment code, valid for {@code validity} from now, as a QR code PNG and a printable
     * page into its directory (replacing older ones, which stay valid until they expire). The code carries what
     * {@code kiosk.conf} says and the kiosk's password, signed with the fleet's command key.
     */
    public PrintedCode printEnrolmentCode(KioskId id, Duration validity, ZoneId zone) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("an enrolment code is valid for a moment up to 30 days, not " + validity);
        }
        EnrolledKiosk kiosk = registry.find(id).orElseThrow(() -> new IllegalArgumentException(
                "kiosk " + id + " is not enrolled in this fleet"));
        if (kiosk.revoked()) {
            throw new IllegalArgumentException("kiosk " + id + " is revoked; enrol it again under a new id");
        }
        Path kioskDir = kioskDir(id);
        if (Files.exists(kioskDir.resolve(KioskConfigText.CLIENT_KEY_FILE))) {
            throw new IllegalArgumentException("kiosk " + id + " has a client certificate, whose private key does not"
                    + " go into an enrolment code; install it with: install.sh --kiosk " + kioskDir);
        }
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(kioskDir.resolve(KIOSK_CONFIG_FILE), StandardCharsets.UTF_8)) {
            config.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + kioskDir.resolve(KIOSK_CONFIG_FILE) + ": "
                    + e.getMessage(), e);
        }
        String password = AtomicFiles.readText(kioskDir.resolve(KIOSK_PASSWORD_FILE)).strip();
        EnrolmentCode code = code(kiosk, config.getProperty("site.name", kiosk.name()),
                config.getProperty("mqtt.url"), password, validity);
        String text = EnrolmentCodes.sign(code, CommandSigningKey.fromJwk(
                AtomicFiles.readText(dir.resolve(COMMAND_KEY_FILE))));
        byte[] png = PassQrCode.png(text, QR_PIXELS);
        Path pngFile = kioskDir.resolve(ENROLMENT_PNG_FILE);
        Path htmlFile = kioskDir.resolve(ENROLMENT_HTML_FILE);
        AtomicFiles.writeBytes(pngFile, png, AtomicFiles.OWNER_ONLY);
        AtomicFiles.writeText(htmlFile, EnrolmentSheet.html(code, png, zone), AtomicFiles.OWNER_ONLY);
        return new PrintedCode(pngFile, htmlFile, code.expiresAt());
    }

    /**
     * The pass-signing key file of the kiosk's site, {@code sites/SITE/pass-signing.jwk}, made with its public
     * half when the site's first kiosk is enrolled; an existing key is kept, so passes issued for the site stay
     * valid.
     */
    private Path ensureSitePassKey(KioskId kiosk) {
        Path siteDir = dir.resolve(SITES_DIR).resolve(kiosk.site());
        Path keyFile = siteDir.resolve(SITE_PASS_KEY_FILE);
        if (!Files.exists(keyFile)) {
            AtomicFiles.createPrivateDirectory(dir.resolve(SITES_DIR));
            AtomicFiles.createPrivateDirectory(siteDir);
            PassSigningKey.generate().write(keyFile);
        }
        Path trusted = siteDir.resolve(KioskConfigText.PASS_KEYS_FILE);
        if (!Files.exists(trusted)) {
            PassSigningKey.read(keyFile).trustedKeys().write(trusted);
        }
        return keyFile;
    }

    private EnrolmentCode code(EnrolledKiosk kiosk, String siteName, String brokerUrl, String password,
            Duration validity) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Path kioskDir = kioskDir(kiosk.id());
        String passKeys = AtomicFiles.readText(kioskDir.resolve(KioskConfigText.PASS_KEYS_FILE)).strip();
        Path ca = kioskDir.resolve(KioskConfigText.CA_FILE);
        return new EnrolmentCode(kiosk.id(), kiosk.name(), siteName, brokerUrl, kiosk.broker().username(), password,
                passKeys, Files.exists(ca) ? AtomicFiles.readText(ca) : null, now, now.plus(validity));
    }

    /** Revokes {@code id}: marked in the registry, its password line and ACL block gone. */
    public EnrolledKiosk revoke(KioskId id) {
        registry = registry.revoked(id, clock.instant());
        save();
        return registry.find(id).orElseThrow();
    }

    /**
     * Writes {@code mosquitto.conf} (replacing it) and creates the persistence directory. With the fleet's TLS
     * certificates ({@link #setUpTls}) it adds a TLS listener on {@code tlsPort}.
     */
    public Path writeBrokerConfig(String bind, int port, String user, String tlsBind, int tlsPort,
            boolean requireClientCertificates) {
        Path dataDir = dir.resolve(BROKER_DATA_DIR);
        Path tlsDir = dir.resolve(FleetTls.DIR);
        MosquittoConf.Tls tls = null;
        if (hasTls()) {
            tls = new MosquittoConf.Tls(tlsBind == null ? bind : tlsBind, tlsPort, tlsDir.resolve(FleetTls.CA_CERT), tlsDir.resolve(FleetTls.SERVER_CERT),
                    tlsDir.resolve(FleetTls.SERVER_KEY), requireClientCertificates);
        } else if (requireClientCertificates) {
            throw new IllegalArgumentException("--require-client-certs needs the fleet's TLS certificates; make them"
                    + " with: yizhan provision tls --dir " + dir + " --host HOST");
        }
        MosquittoConf conf = new MosquittoConf(bind, port, dir.resolve(PASSWD_FILE), dir.resolve(ACL_FILE), dataDir, user,
                tls);
        AtomicFiles.createPrivateDirectory(dataDir);
        Path file = dir.resolve(BROKER_CONFIG_FILE);
        AtomicFiles.writeText(file, conf.render(), AtomicFiles.OWNER_ONLY);
        return file;
    }

    /** Whether {@link #setUpTls} made the fleet's certificates. */
    public boolean hasTls() {
        return Files.exists(dir.resolve(FleetTls.DIR).resolve(FleetTls.CA_CERT));
    }

    /**
     * Makes the fleet's TLS CA and the broker's certificate for {@code hosts} (the names and addresses kiosks
     * use in {@code ssl://HOST:PORT}). Refuses when the fleet has a CA already: kiosks trust it.
     */
    public List<Path> setUpTls(List<String> hosts) {
        if (hasTls()) {
            throw new IllegalStateException(dir.resolve(FleetTls.DIR) + " holds the fleet's CA already;"
                    + " kiosks trust it, so it is never replaced");
        }
        Path tlsDir = dir.resolve(FleetTls.DIR);
        FleetTls ca = FleetTls.create(dir.toAbsolutePath().getFileName().toString(), clock.instant(), random);
        ca.write(tlsDir);
        ca.issueServer(hosts, clock.instant(), tlsDir.resolve(FleetTls.SERVER_CERT), tlsDir.resolve(FleetTls.SERVER_KEY));
        return List.of(tlsDir.resolve(FleetTls.CA_CERT), tlsDir.resolve(FleetTls.CA_KEY),
                tlsDir.resolve(FleetTls.SERVER_CERT), tlsDir.resolve(FleetTls.SERVER_KEY));
    }

    public Path kioskDir(KioskId id) {
        return dir.resolve(KIOSKS_DIR).resolve(id.site() + "." + id.kiosk());
    }

    private KioskId newKioskId(String site) {
        for (int attempt = 0; attempt < 100; attempt++) {
            StringBuilder kiosk = new StringBuilder("k-");
            for (int i = 0; i < 6; i++) {
                kiosk.append(BASE32.charAt(random.nextInt(BASE32.length())));
            }
            KioskId id = new KioskId(site, kiosk.toString());
            if (registry.find(id).isEmpty()) {
                return id;
            }
        }
        throw new IllegalStateException("no free kiosk id found for site " + site);
    }

    private static String password(SecureRandom random) {
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void save() {
        AtomicFiles.writeText(dir.resolve(REGISTRY_FILE), registry.toJson(), AtomicFiles.OWNER_ONLY);
        AtomicFiles.writeText(dir.resolve(PASSWD_FILE), BrokerAccess.passwd(registry), AtomicFiles.OWNER_ONLY);
        AtomicFiles.writeText(dir.resolve(ACL_FILE), BrokerAccess.acl(registry), AtomicFiles.OWNER_ONLY);
    }
}
