package org.yizhan.kiosk.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.config.KioskConfigFile;
import org.yizhan.kiosk.devices.DeviceMode;
import org.yizhan.kiosk.health.MeasurementKind;
import org.yizhan.kiosk.health.SqliteHealthRecords;
import org.yizhan.kiosk.visitlog.SqliteVisitLog;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.provisioning.demo.DemoSite;
import org.yizhan.provisioning.pass.PassIssuer;
import org.yizhan.provisioning.pass.PassSigningKey;
import org.yizhan.provisioning.pass.VisitorCategory;

/** The health check as the headless mode drives it: consent, a pass, a reading; what is kept, counted and purged. */
class HealthCheckHeadlessTest {

    private static final Clock START = Clock.fixed(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NORMAL_118_76 = "ble 2A35 00 76 00 4C 00 5A 00";
    private static final String CRISIS_185_100 = "ble 2A35 00 B9 00 64 00 80 00";

    @TempDir
    Path data;

    private String pass;

    @BeforeEach
    void aResidentWithAPass() {
        PassIssuer issuer = new PassIssuer(PassSigningKey.read(DemoSite.ensure(data).signingKeyFile()), START);
        pass = issuer.issue("resident-7", VisitorCategory.RESIDENT, "demo", Duration.ofDays(400));
    }

    @Test
    void a_resident_who_keeps_a_history_has_the_reading_kept_under_their_pass() throws Exception {
        List<JsonNode> events = run("tap health", "tap consent-keep", "scan " + pass, NORMAL_118_76);

        JsonNode assessed = assessed(events);
        assertEquals("normal", assessed.get("category").asText());
        assertEquals(118.0, assessed.get("systolic").asDouble());
        assertTrue(assessed.get("stored").asBoolean());
        assertEquals(List.of("health-consent", "health-identify", "health-measuring", "health-result"),
                screens(events).subList(1, 5));
        assertEquals(1, keptReadings());
        assertEquals(1L, counted().measurementsByKind().get("blood-pressure"));
    }

    @Test
    void without_consent_the_reading_is_shown_and_counted_but_not_kept() throws Exception {
        List<JsonNode> events = run("tap health", "tap consent-anonymous", NORMAL_118_76);

        assertFalse(assessed(events).get("stored").asBoolean());
        assertEquals(0, keptReadings());
        assertEquals(1L, counted().measurementsByKind().get("blood-pressure"));
    }

    @Test
    void a_crisis_reading_raises_an_alert_and_shows_the_seek_care_screen() throws Exception {
        List<JsonNode> events = run("tap health", "tap consent-anonymous", CRISIS_185_100);

        JsonNode assessed = assessed(events);
        assertTrue(assessed.get("crisis").asBoolean());
        List<JsonNode> alerts = of(events, "alert");
        assertEquals(1, alerts.size());
        assertEquals("crisis-reading", alerts.get(0).get("kind").asText());
        assertFalse(alerts.get(0).toString().contains("resident-7"), "no identifier in the alert");
        assertTrue(screens(events).contains("health-crisis"));
    }

    @Test
    void an_implausible_reading_is_refused_and_neither_kept_nor_counted() throws Exception {
        // diastolic 95 above systolic 90
        List<JsonNode> events = run("tap health", "tap consent-keep", "scan " + pass, "ble 2A35 00 5A 00 5F 00 5D 00");

        JsonNode refused = of(events, "measurement").stream()
                .filter(e -> e.path("result").asText().equals("refused")).findFirst().orElseThrow();
        assertEquals("implausible", refused.get("reason").asText());
        assertFalse(refused.get("stored").asBoolean());
        assertEquals("health-result", screens(events).get(screens(events).size() - 1));
        assertEquals(0, keptReadings());
        assertEquals(null, counted().measurementsByKind().get("blood-pressure"));
    }

    @Test
    void kept_readings_are_purged_after_the_retention() throws Exception {
        run("tap health", "tap consent-keep", "scan " + pass, NORMAL_118_76, "tap home", "clock +179d");
        assertEquals(1, keptReadings(), "still kept at 179 days");

        run("clock +181d");

        assertEquals(0, keptReadings(), "purged after 180 days");
    }

    @Test
    void delete_my_data_removes_every_reading_of_the_resident() throws Exception {
        // The second scan of the same pass comes after the scanner's repeat window, as a second visit would.
        run("tap health", "tap consent-keep", "scan " + pass, NORMAL_118_76, "tap home", "clock +1h",
                "tap health", "tap consent-keep", "scan " + pass, NORMAL_118_76, "tap home");
        assertEquals(2, keptReadings());

        List<JsonNode> events = run("clock +1h", "tap health", "tap delete-my-data", "scan " + pass,
                "tap confirm-delete");

        assertEquals(2, of(events, "health-data-deleted").get(0).get("readings").asInt());
        assertEquals(0, keptReadings());
    }

    private List<JsonNode> run(String... lines) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (KioskAssembly kiosk = KioskAssembly.create(KioskConfigFile.load(null, data), DeviceMode.SIMULATED, START);
                PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new HeadlessKiosk(kiosk, out).run(new BufferedReader(new StringReader(String.join("\n", lines))));
        }
        List<JsonNode> events = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            events.add(JSON.readTree(line));
        }
        List<JsonNode> errors = of(events, "error");
        assertTrue(errors.isEmpty(), () -> "errors: " + errors);
        return events;
    }

    private int keptReadings() {
        try (SqliteVisitLog log = SqliteVisitLog.open(data.resolve("kiosk.db"))) {
            return SqliteHealthRecords.on(log).history("resident-7", MeasurementKind.BLOOD_PRESSURE, 100).size();
        }
    }

    private FootfallCounts counted() {
        try (SqliteVisitLog log = SqliteVisitLog.open(data.resolve("kiosk.db"))) {
            return log.footfallTotals(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        }
    }

    private static JsonNode assessed(List<JsonNode> events) {
        return of(events, "measurement").stream()
                .filter(e -> e.path("result").asText().equals("assessed")).findFirst()
                .orElseThrow(() -> new AssertionError("no assessed measurement in " + events));
    }

    private static List<JsonNode> of(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("event").asText().equals(type)).collect(Collectors.toList());
    }

    private static List<String> screens(List<JsonNode> events) {
        return of(events, "screen").stream().map(e -> e.get("screen").asText()).collect(Collectors.toList());
    }
}
