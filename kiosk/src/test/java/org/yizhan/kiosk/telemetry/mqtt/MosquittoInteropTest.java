package org.yizhan.kiosk.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.kiosk.telemetry.ConnectionEvent;
import org.yizhan.kiosk.telemetry.MqttConfig;
import org.yizhan.kiosk.telemetry.PublishFailedException;
import org.yizhan.kiosk.telemetry.ReceivedCommand;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.Topics;
import org.yizhan.testsupport.mqtt.Loopback;
import org.yizhan.testsupport.mqtt.MosquittoProcess;
import org.yizhan.testsupport.mqtt.MqttWatcher;
import org.yizhan.testsupport.mqtt.TcpRelay;

/**
 * {@link PahoMqttTransport} against a real {@code mosquitto}, the production broker, configured as
 * {@code docs/mqtt.md} says: per-kiosk passwords and ACLs on one listener, TLS with client certificates (made
 * here by {@code openssl}) on another. Skips itself with a message when mosquitto is not installed
 * ({@code apt-get install mosquitto}), and the TLS tests when openssl is not.
 */
@Tag("interop")
class MosquittoInteropTest {

    private static final String KIOSK_PASSWORD = "kiosk-secret";
    private static final String FLEET_PASSWORD = "fleet-secret";
    private static final KioskId TLS_KIOSK = new KioskId("test", "kiosk-tls");

    @TempDir
    static Path dir;
    private static MosquittoProcess mosquitto;
    private static int tcpPort;
    private static int tlsPort;
    private static boolean tlsReady;

    private final PayloadCodec codec = new PayloadCodec();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final TestBirth birth = new TestBirth();
    private final Events events = new Events();

    @BeforeAll
    static void startMosquitto() throws Exception {
        Path program = MosquittoProcess.installedOrSkip("mosquitto", "the interop tests");
        Path passwd = MosquittoProcess.installedOrSkip("mosquitto_passwd", "the interop tests");
        tcpPort = Loopback.freePort();
        tlsPort = Loopback.freePort();
        Path passwords = dir.resolve("passwords");
        run(passwd.toString(), "-c", "-b", passwords.toString(), "fleet", FLEET_PASSWORD);
        StringBuilder acl = new StringBuilder("user fleet\ntopic read yizhan/v1/#\ntopic write yizhan/v1/+/+/cmd/+\n");
        for (int i = 1; i <= 6; i++) {
            KioskId kiosk = new KioskId("test", "kiosk-" + i);
            run(passwd.toString(), "-b", passwords.toString(), username(kiosk), KIOSK_PASSWORD);
            // the ACL of docs/mqtt.md, "Broker access"
            acl.append("\nuser ").append(username(kiosk)).append('\n');
            for (String kind : List.of("state", "birth", "health", "footfall", "events", "cmd-result")) {
                acl.append("topic write yizhan/v1/test/").append(kiosk.kiosk()).append('/').append(kind).append('\n');
            }
            acl.append("topic read yizhan/v1/test/").append(kiosk.kiosk()).append("/cmd/+\n");
        }
        Path aclFile = Files.writeString(dir.resolve("acl"), acl);
        String config = """
                # started as root, mosquitto would switch to the user "mosquitto", who cannot read the test's files
                user %s
                per_listener_settings true
                persistence false
                log_dest stdout
                log_type error
                log_type warning
                log_type notice
                log_type information

                listener %d 127.0.0.1
                allow_anonymous false
                password_file %s
                acl_file %s
                """.formatted(System.getProperty("user.name"), tcpPort, passwords, aclFile);
        tlsReady = MosquittoProcess.program("openssl").isPresent();
        List<Integer> ports = new ArrayList<>(List.of(tcpPort));
        if (tlsReady) {
            makeCertificates();
            config += """

                    listener %d 127.0.0.1
                    cafile %s
                    certfile %s
                    keyfile %s
                    require_certificate true
                    use_identity_as_username true
                    allow_anonymous false
                    """.formatted(tlsPort, dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server.key"));
            ports.add(tlsPort);
        }
        mosquitto = MosquittoProcess.start(program, dir, config, ports);
    }

    @AfterAll
    static void stopMosquitto() throws Exception {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void connects_with_its_password_and_the_fleet_sees_it_online() throws Exception {
        // given
        KioskId kiosk = new KioskId("test", "kiosk-1");
        Topics topics = Topics.of(kiosk);

        // when
        transport(kiosk, tcpUrl(), KIOSK_PASSWORD).start();

        // then
        long birthSeq = events.next(ConnectionEvent.Connected.class).birthSeq();
        MqttWatcher fleet = fleet(topics.state().toString(), topics.birth().toString());
        KioskState state = state(fleet.take(m -> m.topic().equals(topics.state().toString()), "the retained state"));
        assertTrue(state.online());
        assertEquals(birthSeq, state.birthSeq());
        assertArrayEquals(TestBirth.payload(birthSeq),
                fleet.take(m -> m.topic().equals(topics.birth().toString()), "the retained birth").payload());
    }

    @Test
    void the_will_reaches_the_fleet_when_the_kiosk_vanishes() throws Exception {
        // given a kiosk connected through a connection the test can cut
        KioskId kiosk = new KioskId("test", "kiosk-2");
        Topics topics = Topics.of(kiosk);
        TcpRelay proxy = new TcpRelay(tcpPort).listen();
        opened.add(proxy);
        transport(kiosk, proxy.url(), KIOSK_PASSWORD).start();
        long birthSeq = events.next(ConnectionEvent.Connected.class).birthSeq();
        MqttWatcher fleet = fleet(topics.state().toString());
        fleet.take(m -> state(m).online() && state(m).birthSeq() == birthSeq, "the online state");

        // when
        proxy.down();

        // then
        KioskState will = state(fleet.take(m -> !state(m).online(), "the will"));
        assertEquals(birthSeq, will.birthSeq());
        assertEquals(KioskState.CONNECTION_LOST, will.reason());
    }

    @Test
    void a_publish_its_acl_forbids_fails_as_refused_and_the_connection_stays() throws Exception {
        // given
        KioskId kiosk = new KioskId("test", "kiosk-3");
        PahoMqttTransport transport = transport(kiosk, tcpUrl(), KIOSK_PASSWORD);
        transport.start();
        events.next(ConnectionEvent.Connected.class);

        // when it publishes under another kiosk's prefix
        String elsewhere = Topics.of(new KioskId("test", "kiosk-4")).events().toString();
        ExecutionException e = assertThrows(ExecutionException.class, () -> transport.publish(elsewhere,
                "x".getBytes(StandardCharsets.UTF_8), 1, false).toCompletableFuture().get(10, TimeUnit.SECONDS));

        // then
        PublishFailedException failure = assertInstanceOf(PublishFailedException.class, e.getCause());
        assertEquals(PublishFailedException.Reason.REFUSED, failure.reason());
        assertTrue(failure.getMessage().contains("not authorized (0x87)"), failure.getMessage());
        transport.publish(Topics.of(kiosk).events().toString(), "allowed".getBytes(StandardCharsets.UTF_8), 1, false)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_wrong_password_is_reported_and_retried_with_backoff() throws Exception {
        // given
        KioskId kiosk = new KioskId("test", "kiosk-4");

        // when
        transport(kiosk, tcpUrl(), "not-the-password").start();

        // then
        ConnectionEvent.AttemptFailed first = events.next(ConnectionEvent.AttemptFailed.class);
        ConnectionEvent.AttemptFailed second = events.next(ConnectionEvent.AttemptFailed.class);
        assertTrue(first.reason().startsWith("refused by the broker: "), first.reason());
        assertEquals(2, second.failures());
    }

    @Test
    void a_command_from_the_fleet_arrives_with_its_response_topic_and_correlation_data() throws Exception {
        // given
        KioskId kiosk = new KioskId("test", "kiosk-5");
        Topics topics = Topics.of(kiosk);
        BlockingQueue<ReceivedCommand> commands = new LinkedBlockingQueue<>();
        PahoMqttTransport transport = transport(kiosk, tcpUrl(), KIOSK_PASSWORD);
        transport.subscribeCommands(commands::add);
        transport.start();
        events.next(ConnectionEvent.Connected.class);
        byte[] correlation = "01KJPV8JR0F8Y1TBHZ99DPRZCF".getBytes(StandardCharsets.UTF_8);

        // when
        fleet().request(topics.command("diagnostics").toString(), "jws".getBytes(StandardCharsets.UTF_8),
                topics.commandResult().toString(), correlation);

        // then
        ReceivedCommand command = commands.poll(10, TimeUnit.SECONDS);
        assertEquals(topics.command("diagnostics").toString(), command.topic());
        assertEquals(topics.commandResult().toString(), command.responseTopic());
        assertArrayEquals(correlation, command.correlationData());
    }

    @Test
    void connects_over_tls_with_a_client_certificate_and_a_traditional_rsa_key() throws Exception {
        assertConnectsOverTls("kiosk-rsa.pem", "kiosk-rsa.key", "BEGIN RSA PRIVATE KEY");
    }

    @Test
    void connects_over_tls_with_a_client_certificate_and_a_traditional_ec_key() throws Exception {
        assertConnectsOverTls("kiosk-ec.pem", "kiosk-ec.key", "BEGIN EC PRIVATE KEY");
    }

    @Test
    void does_not_connect_to_a_broker_whose_certificate_another_ca_signed() throws Exception {
        Assumptions.assumeTrue(tlsReady, "openssl is not installed; skipping the TLS tests");
        // given a CA file that does not hold the broker's CA
        Map<String, String> values = tlsValues("kiosk-rsa.pem", "kiosk-rsa.key");
        values.put("mqtt.ca-file", dir.resolve("other-ca.pem").toString());

        // when
        transport(TLS_KIOSK, MqttConfig.parse(values).orElseThrow()).start();

        // then
        ConnectionEvent.AttemptFailed failed = events.next(ConnectionEvent.AttemptFailed.class);
        assertTrue(failed.reason().startsWith("TLS with the broker failed: "), failed.reason());
        assertTrue(failed.reason().contains("certification path"), failed.reason());
    }

    private void assertConnectsOverTls(String cert, String key, String keyFormat) throws Exception {
        Assumptions.assumeTrue(tlsReady, "openssl is not installed; skipping the TLS tests");
        // given a key in the format OpenSSL's traditional commands write
        assertTrue(Files.readString(dir.resolve(key)).contains(keyFormat), keyFormat);
        MqttConfig config = MqttConfig.parse(tlsValues(cert, key)).orElseThrow();

        // when
        transport(TLS_KIOSK, config).start();

        // then: mosquitto required the certificate and verified it; the kiosk verified mosquitto's
        ConnectionEvent.Connected connected = events.next(ConnectionEvent.Connected.class);
        assertEquals("ssl://127.0.0.1:" + tlsPort, connected.broker());
    }

    private Map<String, String> tlsValues(String cert, String key) {
        Map<String, String> values = new HashMap<>();
        values.put("mqtt.url", "ssl://127.0.0.1:" + tlsPort);
        values.put("mqtt.ca-file", dir.resolve("ca.pem").toString());
        values.put("mqtt.client-cert-file", dir.resolve(cert).toString());
        values.put("mqtt.client-key-file", dir.resolve(key).toString());
        values.put("mqtt.reconnect-min", "50ms");
        values.put("mqtt.reconnect-max", "400ms");
        return values;
    }

    private PahoMqttTransport transport(KioskId kiosk, String url, String password) throws IOException {
        Path passwordFile = Files.writeString(dir.resolve("password-" + kiosk.kiosk()), password + "\n");
        return transport(kiosk, MqttConfig.parse(Map.of(
                "mqtt.url", url,
                "mqtt.username", username(kiosk),
                "mqtt.password-file", passwordFile.toString(),
                "mqtt.reconnect-min", "50ms",
                "mqtt.reconnect-max", "400ms")).orElseThrow());
    }

    private PahoMqttTransport transport(KioskId kiosk, MqttConfig config) {
        PahoMqttTransport transport = new PahoMqttTransport(config, kiosk, birth);
        transport.addConnectionListener(events);
        opened.add(0, transport);
        return transport;
    }

    private MqttWatcher fleet(String... filters) throws Exception {
        MqttWatcher fleet = MqttWatcher.to(tcpUrl()).as("fleet", FLEET_PASSWORD.getBytes(StandardCharsets.UTF_8))
                .watch(filters);
        opened.add(0, fleet);
        return fleet;
    }

    private KioskState state(MqttWatcher.Received received) {
        return codec.decode(received.payload(), KioskState.class).decoded()
                .orElseThrow(() -> new AssertionError("not a state: " + received.text()));
    }

    private static String tcpUrl() {
        return "tcp://127.0.0.1:" + tcpPort;
    }

    /** The kiosk's broker user, as docs/mqtt.md names it: its client id without the prefix. */
    private static String username(KioskId kiosk) {
        return kiosk.site() + "." + kiosk.kiosk();
    }

    /** A CA, mosquitto's certificate for 127.0.0.1, and kiosk certificates with RSA and EC keys. */
    private static void makeCertificates() throws Exception {
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\n");
        Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        for (String ca : List.of("ca", "other-ca")) {
            run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=Yizhan test " + ca, "-keyout", path(ca + ".key"), "-out", path(ca + ".pem"));
        }
        run("openssl", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                "-keyout", path("server.key"), "-out", path("server.csr"));
        sign("server", "server.ext");
        run("openssl", "genrsa", "-traditional", "-out", path("kiosk-rsa.key"), "2048");
        run("openssl", "req", "-new", "-key", path("kiosk-rsa.key"), "-subj", "/CN=test.kiosk-tls",
                "-out", path("kiosk-rsa.csr"));
        sign("kiosk-rsa", "client.ext");
        run("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", path("kiosk-ec.key"));
        run("openssl", "req", "-new", "-key", path("kiosk-ec.key"), "-subj", "/CN=test.kiosk-tls",
                "-out", path("kiosk-ec.csr"));
        sign("kiosk-ec", "client.ext");
    }

    private static void sign(String name, String extensions) throws Exception {
        run("openssl", "x509", "-req", "-in", path(name + ".csr"), "-CA", path("ca.pem"), "-CAkey", path("ca.key"),
                "-CAcreateserial", "-days", "2", "-extfile", path(extensions), "-out", path(name + ".pem"));
    }

    private static String path(String name) {
        return dir.resolve(name).toString();
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
