package org.yizhan.provisioning.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.testsupport.mqtt.Loopback;
import org.yizhan.testsupport.mqtt.MosquittoProcess;
import org.yizhan.testsupport.mqtt.MqttWatcher;

/**
 * Done-when 1 of issue 6: a real {@code mosquitto}, run with exactly the files {@link Fleet} wrote, lets each kiosk
 * reach only its own topics, refuses anonymous and wrong-password connections, and refuses a revoked kiosk once
 * SIGHUP made it reload the password and ACL files. Skips itself when mosquitto is not installed.
 */
@Tag("interop")
class BrokerAccessMosquittoInteropTest {

    private static final Duration QUIET = Duration.ofMillis(700);

    @TempDir
    Path tmp;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private Process mosquitto;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                // already gone with the broker
            }
        }
        if (mosquitto != null) {
            mosquitto.destroy();
            if (!mosquitto.waitFor(10, TimeUnit.SECONDS)) {
                mosquitto.destroyForcibly();
            }
        }
    }

    private MqttWatcher connect(String url, String user, String password, String... filters) throws MqttException {
        MqttWatcher watcher = MqttWatcher.to(url).as(user, password.getBytes(StandardCharsets.UTF_8)).watch(filters);
        opened.add(watcher);
        return watcher;
    }

    @Test
    void a_kiosk_reaches_only_its_own_topics_and_is_refused_after_revoke() throws Exception {
        // given a fleet with kiosks A and B, and mosquitto running the config broker-config wrote
        Path program = MosquittoProcess.installedOrSkip("mosquitto", "the broker-access interop test");
        Path dir = tmp.resolve("fleet");
        SecureRandom random = new SecureRandom();
        Fleet.init(dir, random, Clock.systemUTC());
        Fleet fleet = Fleet.open(dir, random, Clock.systemUTC());
        int port = Loopback.freePort();
        String url = Loopback.tcpUrl(port);
        Fleet.Enrolment a = fleet.enroll("demo", "kiosk-a", "A", null, url, false, Duration.ofHours(1), ZoneOffset.UTC);
        Fleet.Enrolment b = fleet.enroll("demo", "kiosk-b", "B", null, url, false, Duration.ofHours(1), ZoneOffset.UTC);
        Path conf = fleet.writeBrokerConfig("127.0.0.1", port, System.getProperty("user.name"), null, 8883, false);
        mosquitto = new ProcessBuilder(program.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("mosquitto.log").toFile()).start();
        awaitListening(port);
        String fleetPassword = Files.readString(dir.resolve(Fleet.FLEET_PASSWORD_FILE)).strip();
        String aPassword = Files.readString(a.passwordFile()).strip();
        String bPassword = Files.readString(b.passwordFile()).strip();
        String aUser = a.kiosk().broker().username();
        MqttWatcher admin = connect(url, "fleet", fleetPassword, "yizhan/v1/#");
        MqttWatcher kioskB = connect(url, b.kiosk().broker().username(), bPassword, "yizhan/v1/demo/kiosk-b/cmd/+");

        // when A publishes its own topics, then B's, and subscribes to B's commands
        MqttWatcher kioskA = connect(url, aUser, aPassword);
        kioskA.publish("yizhan/v1/demo/kiosk-a/health", "a-health".getBytes(StandardCharsets.UTF_8), false);
        kioskA.publish("yizhan/v1/demo/kiosk-a/state", "a-state".getBytes(StandardCharsets.UTF_8), true);
        publishIgnoringRefusal(kioskA, "yizhan/v1/demo/kiosk-b/health", "forged");
        publishIgnoringRefusal(kioskA, "yizhan/v1/demo/kiosk-b/state", "forged");
        MqttWatcher spy = subscribeIgnoringRefusal(url, aUser, aPassword, "yizhan/v1/demo/kiosk-b/cmd/+");
        admin.publish("yizhan/v1/demo/kiosk-b/cmd/restart", "for-b".getBytes(StandardCharsets.UTF_8), false);

        // then the admin sees A's own messages only, B gets its command and A's spy nothing
        admin.take(r -> r.on("yizhan/v1/demo/kiosk-a/health") && r.text().equals("a-health"), "A's health");
        admin.take(r -> r.on("yizhan/v1/demo/kiosk-a/state"), "A's state");
        admin.take(r -> r.on("yizhan/v1/demo/kiosk-b/cmd/restart"), "the fleet's command to B");
        kioskB.take(r -> r.on("yizhan/v1/demo/kiosk-b/cmd/restart") && r.text().equals("for-b"), "B's command");
        assertEquals(List.of(), admin.rest(QUIET).stream().map(MqttWatcher.Received::topic).toList(),
                "A's forged messages under B's prefix reached the admin");
        if (spy != null) {
            assertEquals(List.of(), spy.rest(Duration.ZERO).stream().map(MqttWatcher.Received::topic).toList(),
                    "A read B's commands");
        }

        // and anonymous and wrong-password connections are refused
        assertThrows(MqttException.class, () -> opened.add(MqttWatcher.watching(url)), "anonymous");
        assertThrows(MqttException.class, () -> connect(url, aUser, aPassword + "x"), "wrong password");
        assertThrows(MqttException.class, () -> connect(url, aUser, bPassword), "B's password for A");

        // when A is revoked and mosquitto reloads its files on SIGHUP
        fleet.revoke(new KioskId("demo", "kiosk-a"));
        Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(mosquitto.pid())).inheritIO().start();
        assertEquals(0, hup.waitFor());

        // then A is refused, and B still gets in
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                connect(url, aUser, aPassword);
            } catch (MqttException refused) {
                break;
            }
            assertTrue(System.nanoTime() < deadline, "A still accepted 10 s after revoke and SIGHUP:\n" + log());
            Thread.sleep(100);
        }
        connect(url, b.kiosk().broker().username(), bPassword);
        assertTrue(mosquitto.isAlive(), log());
    }

    private static void publishIgnoringRefusal(MqttWatcher client, String topic, String text) {
        try {
            client.publish(topic, text.getBytes(StandardCharsets.UTF_8), false);
        } catch (MqttException refused) {
            // a PUBACK "not authorized" is one correct answer; silently dropping it is the other
        }
    }

    private MqttWatcher subscribeIgnoringRefusal(String url, String user, String password, String filter) {
        try {
            return connect(url, user, password, filter);
        } catch (MqttException refused) {
            return null;
        }
    }

    private void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                assertTrue(mosquitto.isAlive() && System.nanoTime() < deadline, "mosquitto did not start:\n" + log());
                Thread.sleep(20);
            }
        }
    }

    private String log() {
        try {
            return Files.readString(tmp.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
