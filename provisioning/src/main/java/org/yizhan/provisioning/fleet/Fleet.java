package org.yizhan.provisioning.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.topic.KioskId;

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
 *   kiosks/SITE.KIOSK/                0700  kiosk.conf, mqtt-password (both 0600), trusted-command-keys.jwks
 * </pre>
 *
 * <p>Every change writes the registry first and then renders the password and ACL files from it, each file
 * replaced atomically ({@link FleetFiles}); an interrupted change is completed by the next one. Passwords are
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
    public static final String KIOSK_PASSWORD_FILE = "mqtt-password";
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

    /** What {@link #enroll} made; the password is only in {@code passwordFile}. */
    public record Enrolment(EnrolledKiosk kiosk, Path configFile, Path passwordFile, String brokerUrl) {
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
        FleetFiles.createPrivateDirectory(dir);
        CommandSigningKey key = CommandSigningKey.generate();
        FleetFiles.writeNewText(dir.resolve(COMMAND_KEY_FILE), key.privateJwk() + "\n", FleetFiles.OWNER_ONLY);
        FleetFiles.writeText(dir.resolve(TRUSTED_COMMAND_KEYS_FILE), key.trusted().jwks() + "\n", FleetFiles.PUBLIC);
        String password = password(random);
        FleetFiles.writeText(dir.resolve(FLEET_PASSWORD_FILE), password + "\n", FleetFiles.OWNER_ONLY);
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
            return new Fleet(dir, KioskRegistry.fromJson(FleetFiles.readText(file)), random, clock);
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
    public Enrolment enroll(String site, String kioskId, String name, String brokerUrl) {
        if (name == null || name.isBlank() || name.contains("\n") || name.contains("\r")) {
            throw new IllegalArgumentException("--name must be one non-empty line");
        }
        if (brokerUrl == null || !(brokerUrl.startsWith("tcp://") || brokerUrl.startsWith("ssl://"))) {
            throw new IllegalArgumentException("--broker must be tcp://HOST[:PORT] or ssl://HOST[:PORT]");
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
        FleetFiles.createPrivateDirectory(kioskDir);
        Path passwordFile = kioskDir.resolve(KIOSK_PASSWORD_FILE);
        FleetFiles.writeNewText(passwordFile, password + "\n", FleetFiles.OWNER_ONLY);
        FleetFiles.writeText(kioskDir.resolve(TRUSTED_COMMAND_KEYS_FILE),
                FleetFiles.readText(dir.resolve(TRUSTED_COMMAND_KEYS_FILE)), FleetFiles.PUBLIC);
        Path configFile = kioskDir.resolve(KIOSK_CONFIG_FILE);
        FleetFiles.writeNewText(configFile, kioskConfig(kiosk, brokerUrl), FleetFiles.OWNER_ONLY);
        registry = registry.enrolled(kiosk);
        save();
        return new Enrolment(kiosk, configFile, passwordFile, brokerUrl);
    }

    /** Revokes {@code id}: marked in the registry, its password line and ACL block gone. */
    public EnrolledKiosk revoke(KioskId id) {
        registry = registry.revoked(id, clock.instant());
        save();
        return registry.find(id).orElseThrow();
    }

    /** Writes {@code mosquitto.conf} (replacing it) and creates the persistence directory. */
    public Path writeBrokerConfig(String bind, int port, String user) {
        Path dataDir = dir.resolve(BROKER_DATA_DIR);
        MosquittoConf conf = new MosquittoConf(bind, port, dir.resolve(PASSWD_FILE), dir.resolve(ACL_FILE), dataDir, user);
        FleetFiles.createPrivateDirectory(dataDir);
        Path file = dir.resolve(BROKER_CONFIG_FILE);
        FleetFiles.writeText(file, conf.render(), FleetFiles.OWNER_ONLY);
        return file;
    }

    public Path kioskDir(KioskId id) {
        return dir.resolve(KIOSKS_DIR).resolve(id.site() + "." + id.kiosk());
    }

    static String kioskConfig(EnrolledKiosk kiosk, String brokerUrl) {
        // no secret here: the password is in its own file, so this one can be shown and copied
        return "# Yizhan kiosk " + kiosk.id() + ": " + kiosk.name() + "\n"
                + "# enrolled " + kiosk.enrolledAt() + " by yizhan provision enroll\n"
                + "site.id = " + kiosk.id().site() + "\n"
                + "kiosk.id = " + kiosk.id().kiosk() + "\n"
                + "mqtt.url = " + brokerUrl + "\n"
                + "mqtt.username = " + kiosk.broker().username() + "\n"
                + "mqtt.password-file = " + KIOSK_PASSWORD_FILE + "\n"
                + "telemetry.command-keys = " + TRUSTED_COMMAND_KEYS_FILE + "\n";
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
        FleetFiles.writeText(dir.resolve(REGISTRY_FILE), registry.toJson(), FleetFiles.OWNER_ONLY);
        FleetFiles.writeText(dir.resolve(PASSWD_FILE), BrokerAccess.passwd(registry), FleetFiles.OWNER_ONLY);
        FleetFiles.writeText(dir.resolve(ACL_FILE), BrokerAccess.acl(registry), FleetFiles.OWNER_ONLY);
    }
}
