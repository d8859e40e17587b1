package org.yizhan.provisioning.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.testsupport.mqtt.Loopback;
import org.yizhan.testsupport.mqtt.MosquittoProcess;
import org.yizhan.testsupport.mqtt.MqttWatcher;

/**
 * The fleet's own CA in use: a real {@code mosquitto} runs the TLS listener {@code broker-config} wrote, a kiosk
 * reaches it with the CA file enrolment gave it (and, where the broker demands one, its client certificate), and a
 * client trusting another fleet's CA, or without a certificate, is turned away. {@code mosquitto_pub} is the TLS
 * client (OpenSSL, so the files are checked by another implementation than ours). Skips itself without
 * mosquitto and its clients.
 */
@Tag("interop")
class TlsMosquittoInteropTest {

    @TempDir
    Path tmp;

    private Process mosquitto;

    @AfterEach
    void stop() throws Exception {
        if (mosquitto != null) {
            mosquitto.destroy();
            if (!mosquitto.waitFor(10, TimeUnit.SECONDS)) {
                mosquitto.destroyForcibly();
            }
        }
    }

    @Test
    void a_kiosk_with_the_fleets_ca_and_its_client_certificate_gets_in_and_strangers_do_not() throws Exception {
        // given a fleet with TLS for 127.0.0.1, kiosk A with a client certificate, B without, and the broker
        // demanding client certificates
        Path program = MosquittoProcess.installedOrSkip("mosquitto", "the TLS interop test");
        Path pub = MosquittoProcess.installedOrSkip("mosquitto_pub", "the TLS interop test");
        Path dir = tmp.resolve("fleet");
        SecureRandom random = new SecureRandom();
        Fleet.init(dir, random, Clock.systemUTC());
        Fleet fleet = Fleet.open(dir, random, Clock.systemUTC());
        fleet.setUpTls(List.of("127.0.0.1"));
        int port = Loopback.freePort();
        int tlsPort = Loopback.freePort();
        String tlsUrl = "ssl://127.0.0.1:" + tlsPort;
        Fleet.Enrolment a = fleet.enroll("demo", "kiosk-a", "A", null, tlsUrl, true, Duration.ofHours(1),
                ZoneOffset.UTC);
        Fleet.Enrolment b = fleet.enroll("demo", "kiosk-b", "B", null, tlsUrl, false, Duration.ofHours(1),
                ZoneOffset.UTC);
        Path conf = fleet.writeBrokerConfig("127.0.0.1", port, System.getProperty("user.name"), null, tlsPort, true);
        mosquitto = new ProcessBuilder(program.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("mosquitto.log").toFile()).start();
        awaitListening(port);
        awaitListening(tlsPort);
        Path strangers = tmp.resolve("stranger");
        Fleet.init(strangers, random, Clock.systemUTC());
        Fleet.open(strangers, random, Clock.systemUTC()).setUpTls(List.of("127.0.0.1"));
        String fleetPassword = Files.readString(dir.resolve(Fleet.FLEET_PASSWORD_FILE)).strip();

        try (MqttWatcher admin = MqttWatcher.to(Loopback.tcpUrl(port)).as("fleet",
                fleetPassword.getBytes(StandardCharsets.UTF_8)).watch("yizhan/v1/#")) {
            Path aDir = a.configFile().getParent();
            Path bDir = b.configFile().getParent();
            List<String> asA = List.of("-u", a.kiosk().broker().username(), "-P", password(a),
                    "-t", "yizhan/v1/demo/kiosk-a/health");

            // when A publishes over TLS with the CA and its certificate
            int withCertificate = publish(pub, tlsPort, asA, "--cafile", aDir.resolve("ca.crt").toString(),
                    "--cert", aDir.resolve("client.crt").toString(), "--key", aDir.resolve("client.key").toString(),
                    "-m", "over-tls");

            // then it arrives
            assertEquals(0, withCertificate, log());
            admin.take(r -> r.on("yizhan/v1/demo/kiosk-a/health") && r.text().equals("over-tls"), "A's TLS message");

            // and a client that trusts another fleet's CA does not even finish the handshake, nor does one
            // without a client certificate, though it has the right CA and password
            assertNotEquals(0, publish(pub, tlsPort, asA, "--cafile", strangers.resolve("tls/ca.crt").toString(),
                    "--cert", aDir.resolve("client.crt").toString(), "--key", aDir.resolve("client.key").toString(),
                    "-m", "wrong-ca"));
            assertNotEquals(0, publish(pub, tlsPort, List.of("-u", b.kiosk().broker().username(), "-P", password(b),
                    "-t", "yizhan/v1/demo/kiosk-b/health"), "--cafile", bDir.resolve("ca.crt").toString(),
                    "-m", "no-certificate"));
            assertEquals(List.of(), admin.rest(Duration.ofMillis(700)).stream().map(MqttWatcher.Received::text)
                    .toList());
        }
        assertTrue(Files.readString(conf).contains("require_certificate true"));
        assertTrue(mosquitto.isAlive(), log());
    }

    private static String password(Fleet.Enrolment kiosk) throws Exception {
        return Files.readString(kiosk.passwordFile()).strip();
    }

    private int publish(Path pub, int port, List<String> identity, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(pub.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-q", "1", "-i", "tls-test-" + System.nanoTime()));
        command.addAll(identity);
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    private void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                assertTrue(mosquitto.isAlive() && System.nanoTime() < deadline, "mosquitto did not start:\n" + log());
                Thread.sleep(50);
            }
        }
    }

    private String log() {
        try {
            return Files.readString(tmp.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
