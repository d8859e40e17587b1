package org.yizhan.kiosk.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.yizhan.kiosk.visitlog.VisitStats;
import org.yizhan.provisioning.demo.DemoSite;
import org.yizhan.provisioning.pass.PassIssuer;
import org.yizhan.provisioning.pass.PassSigningKey;
import org.yizhan.provisioning.pass.VisitorCategory;

/** The headless kiosk as a support engineer or a test drives it: lines in, JSON events out. */
class HeadlessKioskTest {

    private static final Clock START = Clock.fixed(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private PassIssuer issuer;
    private VisitStats stats;

    @BeforeEach
    void demoSite() {
        issuer = new PassIssuer(PassSigningKey.read(DemoSite.ensure(data).signingKeyFile()), START);
    }

    private String pass(String subject, VisitorCategory category) {
        return issuer.issue(subject, category, "demo", Duration.ofDays(30));
    }

    private List<JsonNode> run(String... lines) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (KioskAssembly kiosk = KioskAssembly.create(KioskConfigFile.load(null, data), DeviceMode.SIMULATED,
                START);
                PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new HeadlessKiosk(kiosk, out).run(new BufferedReader(new StringReader(String.join("\n", lines))));
            stats = kiosk.visitLog().stats(START.instant(), ZoneOffset.UTC);
        }
        List<JsonNode> events = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
            events.add(JSON.readTree(line));
        }
        return events;
    }

    private static List<JsonNode> of(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("event").asText().equals(type)).collect(Collectors.toList());
    }

    private static List<String> screens(List<JsonNode> events) {
        return of(events, "screen").stream().map(e -> e.get("screen").asText()).collect(Collectors.toList());
    }

    @Test
    void announces_ready_on_the_home_screen_first() throws Exception {
        List<JsonNode> events = run();

        assertEquals("screen", events.get(0).get("event").asText());
        assertEquals("home", events.get(0).get("screen").asText());
        assertEquals("ready", events.get(1).get("event").asText());
    }

    @Test
    void a_pass_scanned_twice_is_one_visit_then_a_friendly_duplicate() throws Exception {
        String token = pass("v-rider-1", VisitorCategory.RIDER);

        List<JsonNode> events = run("scan " + token, "clock +3s", "scan " + token);

        List<JsonNode> checkIns = of(events, "check-in");
        assertEquals("accepted", checkIns.get(0).get("result").asText());
        assertEquals("rider", checkIns.get(0).get("category").asText());
        assertTrue(checkIns.get(0).get("reason").isNull());
        assertEquals("duplicate", checkIns.get(1).get("result").asText());
        assertEquals(checkIns.get(0).get("visitId"), checkIns.get(1).get("visitId"));
        assertEquals(List.of("home", "welcome", "already-checked-in"), screens(events));
        assertEquals(1, stats.total());
    }

    @Test
    void a_changed_signature_character_is_rejected_as_bad_signature() throws Exception {
        String token = pass("v-rider-2", VisitorCategory.RIDER);
        int last = token.length() - 2;
        String tampered = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.charAt(last + 1);

        List<JsonNode> events = run("scan " + tampered);

        JsonNode checkIn = of(events, "check-in").get(0);
        assertEquals("rejected", checkIn.get("result").asText());
        assertEquals("bad-signature", checkIn.get("reason").asText());
        assertEquals("bad-signature", of(events, "screen").get(1).get("reason").asText());
        assertEquals(0, stats.total());
    }

    @Test
    void garbage_from_a_scanner_is_rejected_not_crashed_on() throws Exception {
        List<JsonNode> events = run("scan https://example.com/menu", "scan \u0000\u0007\u00ff", "scan "
                + "x".repeat(5000));

        List<String> reasons = of(events, "check-in").stream().map(e -> e.get("reason").asText())
                .collect(Collectors.toList());
        assertEquals(List.of("not-a-pass", "malformed", "malformed"), reasons);
    }

    @Test
    void the_same_visitor_counts_again_after_the_duplicate_window() throws Exception {
        String token = pass("v-resident-1", VisitorCategory.RESIDENT);

        List<JsonNode> events = run("scan " + token, "clock +10m", "scan " + token);

        List<JsonNode> checkIns = of(events, "check-in");
        assertEquals("accepted", checkIns.get(1).get("result").asText());
        assertNotEquals(checkIns.get(0).get("visitId"), checkIns.get(1).get("visitId"));
        assertEquals(2, stats.total());
    }

    @Test
    void a_chosen_purpose_replaces_the_default_and_thanks_the_visitor() throws Exception {
        List<JsonNode> events = run("scan " + pass("v-courier-1", VisitorCategory.COURIER), "tap purpose-charge");

        JsonNode accepted = of(events, "check-in").get(0);
        assertEquals("rest", accepted.get("purpose").asText());
        JsonNode purpose = of(events, "purpose").get(0);
        assertEquals(accepted.get("visitId"), purpose.get("visitId"));
        assertEquals("charge", purpose.get("purpose").asText());
        assertEquals(List.of("home", "welcome", "thanks"), screens(events));
        assertEquals(1L, stats.byPurpose().get("charge"));
    }

    @Test
    void result_screens_return_home_after_their_timeout_keeping_the_default_purpose() throws Exception {
        List<JsonNode> events = run("scan " + pass("v-rider-3", VisitorCategory.RIDER), "clock +7s", "clock +1s",
                "tap purpose-charge");

        assertEquals(List.of("home", "welcome", "home"), screens(events));
        assertTrue(of(events, "error").get(0).get("message").asText().contains("not on the home screen"));
        assertEquals(1L, stats.byPurpose().get("rest"));
    }

    @Test
    void a_walk_in_chooses_a_purpose_and_is_counted_without_a_pass() throws Exception {
        List<JsonNode> events = run("tap walk-in", "tap purpose-health");

        JsonNode checkIn = of(events, "check-in").get(0);
        assertEquals("accepted", checkIn.get("result").asText());
        assertEquals("walk-in", checkIn.get("category").asText());
        assertEquals("health", checkIn.get("purpose").asText());
        assertEquals(List.of("home", "walk-in", "thanks"), screens(events));
        assertEquals(1L, stats.byCategory().get("walk-in"));
    }

    @Test
    void the_language_switches_and_returns_to_chinese_for_the_next_visitor() throws Exception {
        List<JsonNode> events = run("tap lang-en", "scan " + pass("v-staff-1", VisitorCategory.STAFF), "clock +8s");

        List<String> languages = of(events, "screen").stream().map(e -> e.get("language").asText())
                .collect(Collectors.toList());
        assertEquals(List.of("zh", "en", "en", "zh"), languages);
    }

    @Test
    void switching_language_gives_the_visitor_the_whole_time_to_read() throws Exception {
        List<JsonNode> events = run("scan " + pass("v-rider-6", VisitorCategory.RIDER), "clock +6s", "tap lang-en",
                "clock +6s", "tap purpose-charge");

        assertEquals(List.of("home", "welcome", "welcome", "thanks"), screens(events));
        assertEquals(1L, stats.byPurpose().get("charge"));
    }

    @Test
    void an_idle_home_screen_in_english_returns_to_chinese_for_the_next_visitor() throws Exception {
        List<JsonNode> events = run("tap lang-en", "clock +29s", "clock +1s");

        List<String> languages = of(events, "screen").stream().map(e -> e.get("language").asText())
                .collect(Collectors.toList());
        assertEquals(List.of("zh", "en", "zh"), languages);
    }

    @Test
    void the_maintenance_screen_opens_only_from_home_and_returns_home_after_its_timeout() throws Exception {
        // given a visitor's welcome screen, then home
        List<JsonNode> events = run("scan " + pass("v-rider-9", VisitorCategory.RIDER), "tap maintenance", "tap home",
                // when a maintainer opens the maintenance screen and leaves it
                "tap maintenance", "clock +59s", "devices", "clock +1s");

        // then it was refused mid-visit, shown from home, and still there a second before its 60 s were up
        assertEquals(List.of("home", "welcome", "home", "maintenance", "home"), screens(events));
        assertTrue(of(events, "error").get(0).get("message").asText()
                .contains("'maintenance' is not on the welcome screen"), of(events, "error").toString());
        JsonNode maintenance = of(events, "screen").get(3);
        assertEquals("zh", maintenance.get("language").asText());
        assertTrue(events.lastIndexOf(of(events, "screen").get(4)) > events.lastIndexOf(of(events, "device")
                .get(of(events, "device").size() - 1)), "home came only after the 60th second");
    }

    @Test
    void bad_commands_get_an_error_and_the_kiosk_carries_on() throws Exception {
        List<JsonNode> events = run("dance", "scan", "tap nothing", "clock 5s", "clock +soon",
                "scan " + pass("v-rider-4", VisitorCategory.RIDER));

        List<String> errors = of(events, "error").stream().map(e -> e.get("message").asText())
                .collect(Collectors.toList());
        assertEquals(5, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("unknown command 'dance'"));
        assertTrue(errors.get(2).contains("unknown button 'nothing'"));
        assertEquals("accepted", of(events, "check-in").get(0).get("result").asText());
    }

    @Test
    void quit_ends_the_kiosk_before_the_lines_after_it() throws Exception {
        List<JsonNode> events = run("quit", "scan " + pass("v-rider-5", VisitorCategory.RIDER));

        assertTrue(of(events, "check-in").isEmpty());
    }

    @Test
    void a_code_held_before_the_scanner_is_read_once() throws Exception {
        String token = pass("v-rider-7", VisitorCategory.RIDER);

        // Given a scanner reading the same code three times within two seconds
        List<JsonNode> events = run("scan " + token, "clock +1s", "scan " + token, "clock +1s", "scan " + token);

        // Then it is one check-in, not an accepted one followed by duplicates
        assertEquals(1, of(events, "check-in").size());
        assertEquals(List.of("home", "welcome"), screens(events));
    }

    @Test
    void every_simulated_device_reports_connected_after_ready() throws Exception {
        List<JsonNode> events = run();

        List<String> devices = of(events, "device").stream().map(e -> e.get("device").asText()).sorted()
                .collect(Collectors.toList());
        assertEquals(List.of("bp-monitor", "buzzer", "door", "entry", "help", "light", "scale", "scanner", "system",
                "thermometer", "voice"), devices);
        assertTrue(of(events, "device").stream().allMatch(e -> e.get("state").asText().equals("connected")));
        assertEquals("ready", events.get(1).get("event").asText());
        assertEquals("device", events.get(2).get("event").asText());
    }

    @Test
    void a_blood_pressure_frame_is_decoded_with_its_values_units_and_flags() throws Exception {
        // Given flags 0x14 (pulse rate and measurement status present), 120/80 mmHg, MAP 93, pulse 72,
        // status 0x0004 (irregular pulse)
        List<JsonNode> events = run("ble 2A35 14 78 00 50 00 5D 00 48 00 04 00");

        JsonNode measurement = of(events, "measurement").get(0);
        assertEquals("bp-monitor", measurement.get("device").asText());
        assertEquals("2A35", measurement.get("characteristic").asText());
        assertEquals("measured", measurement.get("result").asText());
        assertEquals(120, measurement.get("systolic").asInt());
        assertEquals(80, measurement.get("diastolic").asInt());
        assertEquals(93, measurement.get("map").asInt());
        assertEquals(72, measurement.get("pulse").asInt());
        assertEquals("mmHg", measurement.get("unit").asText());
        assertEquals("irregular-pulse", measurement.get("flags").get(0).asText());
    }

    @Test
    void a_truncated_frame_is_rejected_with_a_reason_and_the_bytes() throws Exception {
        List<JsonNode> events = run("ble 2A35 04 78 00 50");

        JsonNode measurement = of(events, "measurement").get(0);
        assertEquals("rejected", measurement.get("result").asText());
        assertEquals("malformed", measurement.get("kind").asText());
        assertFalse(measurement.get("reason").asText().isBlank());
        assertEquals("04 78 00 50", measurement.get("bytes").asText());
    }

    @Test
    void weight_and_temperature_frames_reach_the_scale_and_the_thermometer() throws Exception {
        // Weight 0x2A9D: SI, 70.00 kg = 14000 × 0.005 kg. Temperature 0x2A1C: Celsius FLOAT 36.6 = 366 × 10^-1.
        List<JsonNode> events = run("ble 2A9D 00 B0 36", "ble 2A1C 00 6E 01 00 FF");

        // Each device reading is followed by the health check's judgement of it (result "assessed").
        List<JsonNode> measurements = of(events, "measurement").stream()
                .filter(e -> e.get("result").asText().equals("measured")).collect(Collectors.toList());
        assertEquals(List.of("measured", "assessed", "measured", "assessed"), of(events, "measurement").stream()
                .map(e -> e.get("result").asText()).collect(Collectors.toList()));
        assertEquals("scale", measurements.get(0).get("device").asText());
        assertEquals(70.0, measurements.get(0).get("weight").asDouble(), 1e-9);
        assertEquals("thermometer", measurements.get(1).get("device").asText());
        assertEquals(36.6, measurements.get(1).get("temperature").asDouble(), 1e-9);
    }

    @Test
    void an_unplugged_scanner_reports_absent_loses_codes_and_works_again_when_plugged() throws Exception {
        String token = pass("v-rider-8", VisitorCategory.RIDER);

        List<JsonNode> events = run("unplug scanner", "scan " + token, "plug scanner", "scan " + token);

        List<String> states = of(events, "device").stream()
                .filter(e -> e.get("device").asText().equals("scanner"))
                .map(e -> e.get("state").asText()).collect(Collectors.toList());
        assertEquals(List.of("connected", "absent", "connected"), states);
        assertEquals(1, of(events, "check-in").size());
    }

    @Test
    void every_simulated_device_can_be_unplugged_and_plugged_back() throws Exception {
        List<String> names = List.of("scanner", "light", "buzzer", "door", "entry", "help", "bp-monitor", "scale",
                "thermometer");
        List<String> lines = new ArrayList<>();
        names.forEach(name -> {
            lines.add("unplug " + name);
            lines.add("plug " + name);
        });

        List<JsonNode> events = run(lines.toArray(String[]::new));

        for (String name : names) {
            List<String> states = of(events, "device").stream()
                    .filter(e -> e.get("device").asText().equals(name))
                    .map(e -> e.get("state").asText()).collect(Collectors.toList());
            assertEquals(List.of("connected", "absent", "connected"), states, name);
        }
        assertTrue(of(events, "error").isEmpty(), of(events, "error").toString());
    }

    @Test
    void the_entry_sensor_counts_a_visitor_once_its_signal_has_held() throws Exception {
        // Given a beam broken with a bounce inside the debounce window, then held
        List<JsonNode> events = run("gpio entry high", "gpio entry low", "gpio entry high", "clock +100ms",
                "gpio entry low", "clock +100ms", "gpio entry high", "clock +100ms");

        List<JsonNode> entries = of(events, "entry");
        assertEquals(2, entries.size(), entries.toString());
        assertEquals(2, entries.get(1).get("count").asInt());
    }

    @Test
    void the_help_button_tells_a_short_press_from_a_long_one() throws Exception {
        List<JsonNode> events = run("gpio help low", "clock +200ms", "gpio help high", "clock +200ms",
                "gpio help low", "clock +4s", "gpio help high", "clock +200ms");

        List<String> presses = of(events, "help").stream().map(e -> e.get("press").asText())
                .collect(Collectors.toList());
        assertEquals(List.of("short", "long"), presses);
    }

    @Test
    void device_commands_with_bad_arguments_get_an_error_naming_the_problem() throws Exception {
        List<JsonNode> events = run("ble 2A35 zz", "ble 9999 00", "gpio door high", "gpio entry sideways",
                "unplug toaster");

        List<String> errors = of(events, "error").stream().map(e -> e.get("message").asText())
                .collect(Collectors.toList());
        assertEquals(5, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("zz"), errors.get(0));
        assertTrue(errors.get(2).contains("entry"), errors.get(2));
        assertTrue(errors.get(4).contains("toaster") && errors.get(4).contains("scanner"), errors.get(4));
    }
}
