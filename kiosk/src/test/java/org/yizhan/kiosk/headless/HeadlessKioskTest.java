package org.yizhan.kiosk.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.yizhan.kiosk.KioskDevices;
import org.yizhan.kiosk.config.KioskConfigFile;
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
        try (KioskAssembly kiosk = KioskAssembly.create(KioskConfigFile.load(null, data), KioskDevices.simulated(),
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

        List<JsonNode> events = run("scan " + token, "scan " + token);

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
}
