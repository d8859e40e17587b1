package org.yizhan.provisioning.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.command.TrustedCommandKeys;
import org.yizhan.protocol.enrolment.EnrolmentCode;
import org.yizhan.protocol.enrolment.EnrolmentCodes;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.provisioning.fleet.EnrolledKiosk;
import org.yizhan.provisioning.fleet.KioskRegistry;
import org.yizhan.provisioning.fleet.MosquittoPasswordHash;
import org.yizhan.provisioning.pass.PassSigningKey;
import org.yizhan.provisioning.pass.TrustedPassKeys;
import picocli.CommandLine;

class ProvisionCommandTest {

    @TempDir
    Path tmp;

    record Run(int exitCode, String out, String err) {
    }

    static Run provision(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new ProvisionCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file).strip();
    }

    @Test
    void init_creates_a_private_fleet_with_the_fleet_user_only_and_prints_no_secret() throws Exception {
        // given
        Path fleet = tmp.resolve("fleet");

        // when
        Run run = provision("init", "--dir", fleet.toString());

        // then
        assertEquals(0, run.exitCode(), run.err());
        CommandSigningKey key = CommandSigningKey.fromJwk(Files.readString(fleet.resolve("command-signing.jwk")));
        TrustedCommandKeys trusted = TrustedCommandKeys.fromJwks(Files.readString(fleet.resolve("trusted-command-keys.jwks")));
        assertEquals(key.kid(), trusted.kids().iterator().next());
        assertTrue(run.out().contains(key.kid()), run.out());
        String password = read(fleet.resolve("fleet-password"));
        assertFalse(run.out().contains(password) || run.out().contains("\"d\""), run.out());
        List<String> passwd = Files.readAllLines(fleet.resolve("passwd"));
        assertEquals(1, passwd.size());
        assertTrue(MosquittoPasswordHash.parse(passwd.get(0).substring("fleet:".length())).matches(password));
        assertTrue(Files.readString(fleet.resolve("acl")).contains("user fleet\ntopic read yizhan/v1/#\n"));
        assertTrue(KioskRegistry.fromJson(Files.readString(fleet.resolve("kiosks.json"))).kiosks().isEmpty());
        if (posix(fleet)) {
            assertEquals("rwx------", mode(fleet));
            for (String secret : List.of("command-signing.jwk", "fleet-password", "passwd", "acl", "kiosks.json")) {
                assertEquals("rw-------", mode(fleet.resolve(secret)), secret);
            }
        }
    }

    @Test
    void init_refuses_to_replace_a_fleet() throws Exception {
        // given
        Path fleet = tmp.resolve("fleet");
        assertEquals(0, provision("init", "--dir", fleet.toString()).exitCode());
        String key = Files.readString(fleet.resolve("command-signing.jwk"));

        // when
        Run run = provision("init", "--dir", fleet.toString());

        // then
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("already holds a fleet"), run.err());
        assertEquals(key, Files.readString(fleet.resolve("command-signing.jwk")));
    }

    @Test
    void enroll_writes_the_kiosks_config_password_line_and_acl_block() throws Exception {
        // given
        Path fleet = tmp.resolve("fleet");
        provision("init", "--dir", fleet.toString());

        // when
        Run run = provision("enroll", "--dir", fleet.toString(), "--site", "pujin", "--name", "浦锦 24h window 1",
                "--broker", "tcp://10.0.0.5:1883");

        // then
        assertEquals(0, run.exitCode(), run.err());
        KioskRegistry registry = KioskRegistry.fromJson(Files.readString(fleet.resolve("kiosks.json")));
        EnrolledKiosk kiosk = registry.kiosks().get(0);
        assertTrue(Pattern.matches("k-[a-z2-7]{6}", kiosk.id().kiosk()), kiosk.id().kiosk());
        assertEquals("pujin." + kiosk.id().kiosk(), kiosk.broker().username());
        assertEquals("浦锦 24h window 1", kiosk.name());
        Path kioskDir = fleet.resolve("kiosks").resolve("pujin." + kiosk.id().kiosk());
        String password = read(kioskDir.resolve("mqtt-password"));
        assertTrue(password.matches("[A-Za-z0-9_-]{24}"), "144 bits in base64url");
        assertFalse(run.out().contains(password), run.out());
        Properties config = new Properties();
        try (var in = Files.newBufferedReader(kioskDir.resolve("kiosk.conf"))) {
            config.load(in);
        }
        assertEquals("pujin", config.getProperty("site.id"));
        assertEquals(kiosk.id().kiosk(), config.getProperty("kiosk.id"));
        assertEquals("tcp://10.0.0.5:1883", config.getProperty("mqtt.url"));
        assertEquals(kiosk.broker().username(), config.getProperty("mqtt.username"));
        assertEquals("mqtt-password", config.getProperty("mqtt.password-file"));
        assertEquals("trusted-command-keys.jwks", config.getProperty("telemetry.command-keys"));
        assertFalse(Files.readString(kioskDir.resolve("kiosk.conf")).contains(password));
        String line = Files.readAllLines(fleet.resolve("passwd")).get(1);
        assertTrue(MosquittoPasswordHash.parse(line.substring(line.indexOf(':') + 1)).matches(password));
        assertTrue(Files.readString(fleet.resolve("acl")).contains("user " + kiosk.broker().username()
                + "\ntopic write yizhan/v1/pujin/" + kiosk.id().kiosk() + "/state\n"));
        if (posix(fleet)) {
            assertEquals("rw-------", mode(kioskDir.resolve("mqtt-password")));
            assertEquals("rw-------", mode(kioskDir.resolve("kiosk.conf")));
            assertEquals("rwx------", mode(kioskDir));
        }
    }

    @Test
    void enroll_prints_a_signed_enrolment_code_that_expires_in_a_day_and_makes_the_sites_pass_key() throws Exception {
        // given
        Path fleet = tmp.resolve("fleet");
        provision("init", "--dir", fleet.toString());

        // when
        Run run = provision("enroll", "--dir", fleet.toString(), "--site", "pujin", "--kiosk", "k-1",
                "--name", "浦锦 24h window 1", "--site-name", "浦锦社区服务中心", "--broker", "tcp://10.0.0.5:1883");

        // then
        assertEquals(0, run.exitCode(), run.err());
        Path kioskDir = fleet.resolve("kiosks").resolve("pujin.k-1");
        assertTrue(run.out().contains(kioskDir.resolve("enrolment.html").toString()), run.out());
        EnrolmentCodes.Verified verified = EnrolmentCodes.verify(qrText(kioskDir.resolve("enrolment.png")),
                TrustedCommandKeys.fromJwks(Files.readString(fleet.resolve("trusted-command-keys.jwks"))),
                Instant.now());
        assertTrue(verified.accepted(), () -> verified.refusal().message());
        EnrolmentCode code = verified.code();
        assertEquals(new KioskId("pujin", "k-1"), code.kiosk());
        assertEquals("浦锦社区服务中心", code.siteName());
        assertEquals("tcp://10.0.0.5:1883", code.brokerUrl());
        assertEquals(read(kioskDir.resolve("mqtt-password")), code.password());
        Duration validity = Duration.between(Instant.now(), code.expiresAt());
        assertTrue(validity.compareTo(Duration.ofHours(23)) > 0 && validity.compareTo(Duration.ofHours(24)) <= 0,
                validity::toString);
        assertFalse(EnrolmentCodes.verify(qrText(kioskDir.resolve("enrolment.png")),
                TrustedCommandKeys.fromJwks(Files.readString(fleet.resolve("trusted-command-keys.jwks"))),
                Instant.now().plus(Duration.ofHours(25))).accepted(), "a day later the code is refused");
        String sheet = Files.readString(kioskDir.resolve("enrolment.html"));
        assertTrue(sheet.contains("浦锦 24h window 1") && sheet.contains("pujin/k-1") && sheet.contains("Shred"), sheet);

        Path siteKey = fleet.resolve("sites").resolve("pujin").resolve("pass-signing.jwk");
        TrustedPassKeys sitePassKeys = TrustedPassKeys.read(kioskDir.resolve("trusted-pass-keys.jwks"));
        assertEquals(Set.of(PassSigningKey.read(siteKey).keyId()), sitePassKeys.keyIds());
        assertTrue(code.passKeys().contains(PassSigningKey.read(siteKey).keyId()));
        Properties config = new Properties();
        try (var in = Files.newBufferedReader(kioskDir.resolve("kiosk.conf"))) {
            config.load(in);
        }
        assertEquals("浦锦社区服务中心", config.getProperty("site.name"));
        assertEquals("trusted-pass-keys.jwks", config.getProperty("passes.trusted-keys"));
        if (posix(fleet)) {
            assertEquals("rw-------", mode(kioskDir.resolve("enrolment.html")));
            assertEquals("rw-------", mode(kioskDir.resolve("enrolment.png")));
            assertEquals("rw-------", mode(siteKey));
        }

        // a second kiosk of the site shares its pass key
        provision("enroll", "--dir", fleet.toString(), "--site", "pujin", "--kiosk", "k-2", "--name", "two");
        assertEquals(sitePassKeys.keyIds(), TrustedPassKeys.read(fleet.resolve("kiosks").resolve("pujin.k-2")
                .resolve("trusted-pass-keys.jwks")).keyIds());
    }

    @Test
    void enrolment_code_prints_a_new_code_for_an_enrolled_kiosk_and_none_for_a_revoked_one() throws Exception {
        // given
        Path fleet = tmp.resolve("fleet");
        provision("init", "--dir", fleet.toString());
        provision("enroll", "--dir", fleet.toString(), "--site", "pujin", "--kiosk", "k-1", "--name", "one");
        Path png = fleet.resolve("kiosks").resolve("pujin.k-1").resolve("enrolment.png");
        Files.delete(png);

        // when
        Run again = provision("enrolment-code", "--dir", fleet.toString(), "--valid", "2h", "pujin/k-1");

        // then
        assertEquals(0, again.exitCode(), again.err());
        EnrolmentCode code = EnrolmentCodes.verify(qrText(png), TrustedCommandKeys.fromJwks(
                Files.readString(fleet.resolve("trusted-command-keys.jwks"))), Instant.now()).code();
        assertTrue(Duration.between(Instant.now(), code.expiresAt()).compareTo(Duration.ofHours(2)) <= 0);

        Run tooLong = provision("enrolment-code", "--dir", fleet.toString(), "--valid", "31d", "pujin/k-1");
        assertEquals(2, tooLong.exitCode());
        assertTrue(tooLong.err().contains("30 days"), tooLong.err());
        Run unknown = provision("enrolment-code", "--dir", fleet.toString(), "pujin/k-9");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("not enrolled"), unknown.err());
        provision("revoke", "--dir", fleet.toString(), "pujin/k-1");
        Run revoked = provision("enrolment-code", "--dir", fleet.toString(), "pujin/k-1");
        assertEquals(2, revoked.exitCode());
        assertTrue(revoked.err().contains("revoked"), revoked.err());
    }

    @Test
    void tls_makes_the_fleets_ca_and_the_brokers_certificate_and_kiosks_on_ssl_get_the_ca() throws Exception {
        // given
        Path fleet = tmp.resolve("fleet");
        provision("init", "--dir", fleet.toString());

        // when
        Run tls = provision("tls", "--dir", fleet.toString(), "--host", "mqtt.pujin.example,10.0.0.5");
        Run enrol = provision("enroll", "--dir", fleet.toString(), "--site", "pujin", "--kiosk", "k-1", "--name", "one",
                "--broker", "ssl://mqtt.pujin.example:8883");
        Run withCert = provision("enroll", "--dir", fleet.toString(), "--site", "pujin", "--kiosk", "k-2",
                "--name", "two", "--broker", "ssl://10.0.0.5:8883", "--client-cert");
        Run conf = provision("broker-config", "--dir", fleet.toString(), "--tls-bind", "0.0.0.0",
                "--require-client-certs");

        // then
        assertEquals(0, tls.exitCode(), tls.err());
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate ca = certificate(x509, fleet.resolve("tls/ca.crt"));
        X509Certificate server = certificate(x509, fleet.resolve("tls/server.crt"));
        server.verify(ca.getPublicKey());
        assertTrue(ca.getBasicConstraints() >= 0, "the CA is a CA");
        assertEquals(List.of("mqtt.pujin.example", "10.0.0.5"), server.getSubjectAlternativeNames().stream()
                .map(name -> name.get(1).toString()).toList());
        assertTrue(server.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        if (posix(fleet)) {
            assertEquals("rw-------", mode(fleet.resolve("tls/ca.key")));
            assertEquals("rw-------", mode(fleet.resolve("tls/server.key")));
        }
        assertEquals(1, provision("tls", "--dir", fleet.toString(), "--host", "x").exitCode(), "a second CA");
        Path other = tmp.resolve("other");
        Run initWithTls = provision("init", "--dir", other.toString(), "--tls-host", "127.0.0.1");
        assertEquals(0, initWithTls.exitCode(), initWithTls.err());
        certificate(x509, other.resolve("tls/server.crt")).verify(certificate(x509, other.resolve("tls/ca.crt"))
                .getPublicKey());

        assertEquals(0, enrol.exitCode(), enrol.err());
        Path k1 = fleet.resolve("kiosks/pujin.k-1");
        assertEquals(Files.readString(fleet.resolve("tls/ca.crt")), Files.readString(k1.resolve("ca.crt")));
        assertTrue(Files.readString(k1.resolve("kiosk.conf")).contains("mqtt.ca-file = ca.crt\n"));
        EnrolmentCode code = EnrolmentCodes.verify(qrText(k1.resolve("enrolment.png")), TrustedCommandKeys.fromJwks(
                Files.readString(fleet.resolve("trusted-command-keys.jwks"))), Instant.now()).code();
        assertEquals(Files.readString(fleet.resolve("tls/ca.crt")), code.caCertificate());

        assertEquals(0, withCert.exitCode(), withCert.err());
        Path k2 = fleet.resolve("kiosks/pujin.k-2");
        X509Certificate client = certificate(x509, k2.resolve("client.crt"));
        client.verify(ca.getPublicKey());
        assertTrue(client.getSubjectX500Principal().getName().contains("CN=pujin.k-2"), client.toString());
        assertTrue(Files.notExists(k2.resolve("enrolment.png")), "no private key on paper");
        assertTrue(withCert.out().contains("install.sh --kiosk"), withCert.out());
        assertEquals(2, provision("enrolment-code", "--dir", fleet.toString(), "pujin/k-2").exitCode());

        assertEquals(0, conf.exitCode(), conf.err());
        String mosquittoConf = Files.readString(fleet.resolve("mosquitto.conf"));
        assertTrue(mosquittoConf.contains("listener 8883 0.0.0.0\ntls_version tlsv1.2\ncafile "
                + fleet.resolve("tls/ca.crt").toAbsolutePath()), mosquittoConf);
        assertTrue(mosquittoConf.contains("require_certificate true"), mosquittoConf);
    }

    private static X509Certificate certificate(CertificateFactory x509, Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) x509.generateCertificate(in);
        }
    }

    private static String qrText(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
    }

    @Test
    void list_shows_a_table_and_revoke_removes_the_kiosks_access() throws Exception {
        // given
        Path fleet = tmp.resolve("fleet");
        provision("init", "--dir", fleet.toString());
        provision("enroll", "--dir", fleet.toString(), "--site", "demo", "--kiosk", "kiosk-1", "--name", "one");
        provision("enroll", "--dir", fleet.toString(), "--site", "demo", "--kiosk", "kiosk-2", "--name", "two");

        // when
        Run revoke = provision("revoke", "--dir", fleet.toString(), "demo/kiosk-1");
        Run list = provision("list", "--dir", fleet.toString());

        // then
        assertEquals(0, revoke.exitCode(), revoke.err());
        assertFalse(Files.readString(fleet.resolve("passwd")).contains("demo.kiosk-1:"));
        assertFalse(Files.readString(fleet.resolve("acl")).contains("kiosk-1"));
        assertTrue(Files.readString(fleet.resolve("acl")).contains("user demo.kiosk-2\n"));
        List<String> rows = list.out().lines().toList();
        assertEquals(3, rows.size(), list.out());
        assertTrue(rows.get(0).startsWith("KIOSK"), rows.get(0));
        assertTrue(rows.get(1).startsWith("demo/kiosk-1") && rows.get(1).contains("revoked"), rows.get(1));
        assertTrue(rows.get(2).startsWith("demo/kiosk-2") && rows.get(2).contains("active"), rows.get(2));
        Run again = provision("revoke", "--dir", fleet.toString(), "demo/kiosk-1");
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already revoked"), again.err());
    }

    @Test
    void broker_config_writes_a_closed_listener_with_the_fleets_files() throws Exception {
        // given
        Path fleet = tmp.resolve("fleet");
        provision("init", "--dir", fleet.toString());

        // when
        Run run = provision("broker-config", "--dir", fleet.toString(), "--port", "18830");

        // then
        assertEquals(0, run.exitCode(), run.err());
        List<String> conf = Files.readAllLines(fleet.resolve("mosquitto.conf"));
        assertTrue(conf.contains("listener 18830 127.0.0.1"), conf.toString());
        assertTrue(conf.contains("allow_anonymous false"));
        assertTrue(conf.contains("password_file " + fleet.resolve("passwd").toAbsolutePath()));
        assertTrue(conf.contains("acl_file " + fleet.resolve("acl").toAbsolutePath()));
        assertTrue(conf.contains("persistence true"));
        assertTrue(conf.contains("max_queued_messages 100000"), "a fleet's footfall burst fits the console's queue");
        assertTrue(conf.contains("persistence_location " + fleet.resolve("mosquitto-data").toAbsolutePath() + "/"));
        assertTrue(Files.isDirectory(fleet.resolve("mosquitto-data")));
    }

    @Test
    void usage_errors_name_the_missing_or_bad_option() {
        Path fleet = tmp.resolve("fleet");
        Run noDir = provision("init");
        assertEquals(2, noDir.exitCode());
        assertTrue(noDir.err().contains("--dir"), noDir.err());

        provision("init", "--dir", fleet.toString());
        Run noSite = provision("enroll", "--dir", fleet.toString(), "--name", "x");
        assertEquals(2, noSite.exitCode());
        assertTrue(noSite.err().contains("--site"), noSite.err());

        Run badSite = provision("enroll", "--dir", fleet.toString(), "--site", "Pu Jin", "--name", "x");
        assertEquals(2, badSite.exitCode());
        assertTrue(badSite.err().contains("site 'Pu Jin'"), badSite.err());

        Run badBroker = provision("enroll", "--dir", fleet.toString(), "--site", "pujin", "--name", "x",
                "--broker", "http://x");
        assertEquals(2, badBroker.exitCode());
        assertTrue(badBroker.err().contains("--broker"), badBroker.err());

        Run noFleet = provision("list", "--dir", tmp.resolve("elsewhere").toString());
        assertEquals(1, noFleet.exitCode());
        assertTrue(noFleet.err().contains("no fleet in"), noFleet.err());

        Run unknown = provision("revoke", "--dir", fleet.toString(), "pujin/k-nobody");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("no kiosk pujin/k-nobody"), unknown.err());

        Run badPort = provision("broker-config", "--dir", fleet.toString(), "--port", "70000");
        assertEquals(2, badPort.exitCode());
        assertTrue(badPort.err().contains("--port"), badPort.err());
    }
}
