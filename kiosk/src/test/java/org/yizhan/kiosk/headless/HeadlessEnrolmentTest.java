package org.yizhan.kiosk.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.config.KioskConfig;
import org.yizhan.kiosk.config.KioskConfigFile;
import org.yizhan.kiosk.devices.DeviceMode;
import org.yizhan.kiosk.enrolment.KioskEnrolment;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.Topics;
import org.yizhan.provisioning.fleet.Fleet;
import org.yizhan.testsupport.mqtt.EmbeddedTestBroker;
import org.yizhan.testsupport.mqtt.MqttWatcher;

/**
 * A blank kiosk enrolled from the code {@code provision enroll} printed, as {@code yizhan kiosk --headless
 * --config FILE} does when FILE does not exist: refusals first, then the real code, then the kiosk runs on the
 * written configuration and reaches the broker under its new identity.
 */
class HeadlessEnrolmentTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final KioskId KIOSK = new KioskId("pujin", "k-1");

    @TempDir
    static Path brokerDir;
    private static EmbeddedTestBroker broker;

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedTestBroker.start(brokerDir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void a_blank_kiosk_refuses_bad_codes_with_a_reason_then_enrols_from_its_code_and_connects() throws Exception {
        // given a fleet with the kiosk enrolled, and a blank kiosk that has only the fleet's public keys
        Path fleetDir = tmp.resolve("fleet");
        Fleet.init(fleetDir, new SecureRandom(), Clock.systemUTC());
        Fleet.open(fleetDir, new SecureRandom(), Clock.systemUTC()).enroll(KIOSK.site(), KIOSK.kiosk(),
                "浦锦 24h window 1", "浦锦社区服务中心", broker.url(), false, Duration.ofHours(24), SHANGHAI);
        String code = qrText(fleetDir.resolve("kiosks/pujin.k-1/enrolment.png"));
        String expired = expiredCode(fleetDir);
        String unsigned = code.substring(0, code.lastIndexOf('.') + 1);
        String stranger = strangersCode();
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        Files.copy(fleetDir.resolve("trusted-command-keys.jwks"), etc.resolve("trusted-command-keys.jwks"));
        Path configFile = etc.resolve("kiosk.conf");
        Path data = Files.createDirectories(tmp.resolve("data"));
        assertTrue(KioskEnrolment.needed(configFile));

        // when
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Optional<KioskEnrolment.Enrolled> enrolled;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            HeadlessEnrolment headless = new HeadlessEnrolment(new KioskEnrolment(configFile,
                    KioskEnrolment.defaultFleetKeys(configFile), Clock.systemUTC()), out);
            enrolled = headless.run(new BufferedReader(new StringReader(String.join("\n",
                    "tap start", "scan " + expired, "scan " + unsigned, "scan " + stranger, "scan hello",
                    "scan " + code, "scan this line is for the kiosk itself"))));
        }

        // then
        List<JsonNode> events = events(bytes);
        assertEquals(List.of("enrolment-needed", "error", "enrolment-refused", "enrolment-refused",
                "enrolment-refused", "enrolment-refused", "enrolled"), events.stream().map(e -> e.get("event").asText())
                .toList(), events::toString);
        assertEquals("expired", events.get(2).get("reason").asText());
        assertTrue(events.get(2).get("message").asText().contains("expired at"), events.get(2)::toString);
        assertEquals("unsigned", events.get(3).get("reason").asText());
        assertEquals("unknown-key", events.get(4).get("reason").asText());
        assertEquals("not-enrolment-code", events.get(5).get("reason").asText());
        assertEquals("pujin/k-1", events.get(6).get("kiosk").asText());
        assertEquals("浦锦 24h window 1", events.get(6).get("name").asText());
        assertTrue(enrolled.isPresent());

        String password = Files.readString(fleetDir.resolve("kiosks/pujin.k-1/mqtt-password")).strip();
        assertEquals(password, Files.readString(etc.resolve("mqtt-password")).strip());
        assertFalse(Files.readString(configFile).contains(password), "the password has a file of its own");
        if (configFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile)));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(etc.resolve("mqtt-password"))));
        }
        try (var list = Files.list(data)) {
            assertEquals(0, list.count(), "enrolling writes beside the config, not into the data directory");
        }

        // and the kiosk runs as pujin/k-1 on the written configuration, connected to the fleet's broker
        KioskConfig config = KioskConfigFile.load(configFile, data);
        assertEquals("pujin", config.siteId());
        assertEquals("k-1", config.kioskId());
        assertEquals("浦锦社区服务中心", config.siteName());
        try (MqttWatcher fleet = MqttWatcher.watching(broker.url(), "yizhan/v1/pujin/k-1/#");
                KioskAssembly kiosk = KioskAssembly.create(config, DeviceMode.SIMULATED, Clock.systemUTC())) {
            KioskAssembly.await(kiosk.start());
            String birth = new String(fleet.take(r -> r.topic().equals(Topics.of(KIOSK).birth().toString()),
                    "the enrolled kiosk's birth").payload(), StandardCharsets.UTF_8);
            assertEquals("浦锦社区服务中心", json.readTree(birth).get("siteName").asText(), birth);
        }
    }

    @Test
    void a_kiosk_without_the_fleets_keys_says_so_instead_of_waiting_for_a_code_it_cannot_check() {
        Path configFile = tmp.resolve("etc/kiosk.conf");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new KioskEnrolment(configFile, KioskEnrolment.defaultFleetKeys(configFile), Clock.systemUTC()));

        assertTrue(e.getMessage().contains("trusted-command-keys.jwks"), e.getMessage());
    }

    private String expiredCode(Path fleetDir) throws Exception {
        Clock twoDaysAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-48));
        Fleet.open(fleetDir, new SecureRandom(), twoDaysAgo).printEnrolmentCode(KIOSK, Duration.ofHours(24), SHANGHAI);
        String expired = qrText(fleetDir.resolve("kiosks/pujin.k-1/enrolment.png"));
        Fleet.open(fleetDir, new SecureRandom(), Clock.systemUTC()).printEnrolmentCode(KIOSK, Duration.ofHours(24),
                SHANGHAI);
        return expired;
    }

    private String strangersCode() throws Exception {
        Path other = tmp.resolve("other-fleet");
        Fleet.init(other, new SecureRandom(), Clock.systemUTC());
        Fleet.open(other, new SecureRandom(), Clock.systemUTC()).enroll(KIOSK.site(), KIOSK.kiosk(), "fake", null,
                "tcp://203.0.113.9:1883", false, Duration.ofHours(1), ZoneOffset.UTC);
        return qrText(other.resolve("kiosks/pujin.k-1/enrolment.png"));
    }

    private static String qrText(Path png) throws Exception {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(ImageIO.read(png.toFile()))))).getText();
    }

    private List<JsonNode> events(ByteArrayOutputStream bytes) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            events.add(json.readTree(line));
        }
        return events;
    }
}
