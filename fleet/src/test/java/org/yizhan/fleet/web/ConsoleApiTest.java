package org.yizhan.fleet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yizhan.fleet.command.CommandNotSentException;
import org.yizhan.fleet.command.CommandReply;
import org.yizhan.protocol.command.Command;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandResult;
import org.yizhan.protocol.message.Envelope;

/** The JSON API's shapes, as openapi.yaml describes them, over real HTTP against the sample fleet. */
class ConsoleApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestConsole console;
    private static ConsoleClient client;

    @BeforeAll
    static void start() {
        console = TestConsole.start();
        client = console.loggedIn();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void the_overview_counts_the_kiosks_by_condition_and_lists_sites_and_open_alerts() throws Exception {
        JsonNode overview = json(client.get("/api/v1/overview"));

        assertEquals(18, overview.get("online").asInt());
        assertEquals(4, overview.get("degraded").asInt());
        assertEquals(1, overview.get("lost").asInt());
        assertEquals(23, overview.get("total").asInt());
        assertEquals(List.of("huamu", "lujiazui", "nanjingdonglu", "pujin", "tangqiao", "zhangjiang"),
                texts(overview.get("sites"), "site"));
        JsonNode pujin = overview.get("sites").get(3);
        assertEquals("浦锦 24h window", pujin.get("name").asText());
        assertEquals("pujin/kiosk-1", pujin.get("kiosks").get(0).get("id").asText());
        for (JsonNode alert : overview.get("openAlerts")) {
            assertTrue(alert.get("open").asBoolean());
        }
    }

    @Test
    void the_kiosk_list_filters_by_condition_and_sorts_as_asked() throws Exception {
        JsonNode degraded = json(client.get("/api/v1/kiosks?condition=degraded&sort=id&desc=true"));

        assertEquals(List.of("tangqiao/kiosk-2", "pujin/kiosk-2", "lujiazui/kiosk-4", "huamu/kiosk-3"),
                texts(degraded, "id"));
        JsonNode hot = degraded.get(1);
        assertEquals("degraded", hot.get("condition").asText());
        assertEquals("CPU 82.0 °C", hot.get("reasons").get(0).asText());
        assertEquals("pujin", hot.get("site").asText());
        assertEquals("kiosk-2", hot.get("kiosk").asText());
        assertEquals("0.2.0", hot.get("appVersion").asText());
        assertTrue(Instant.parse(hot.get("lastSeen").asText()).isBefore(Instant.now()));
        assertEquals("scanner", hot.get("devices").get(0).get("device").asText());
        assertEquals("connected", hot.get("devices").get(0).get("state").asText());
    }

    @Test
    void the_kiosk_list_searches_the_site_name_and_the_site() throws Exception {
        assertEquals(3, json(client.get("/api/v1/kiosks?q=%E6%B5%A6%E9%94%A6")).size()); // 浦锦
        assertEquals(List.of("huamu/kiosk-2"), texts(json(client.get("/api/v1/kiosks?site=huamu&condition=lost")),
                "id"));
    }

    @Test
    void a_bad_filter_is_400_naming_the_parameter() throws Exception {
        HttpResponse<String> response = client.get("/api/v1/kiosks?condition=broken");

        assertEquals(400, response.statusCode());
        assertEquals("bad-request", json(response).get("error").asText());
        assertTrue(json(response).get("message").asText().startsWith("condition: 'broken'"));
    }

    @Test
    void a_kiosk_comes_with_its_latest_messages_as_the_kiosk_sent_them() throws Exception {
        JsonNode kiosk = json(client.get("/api/v1/kiosks/huamu/kiosk-3?events=5"));

        assertEquals("huamu/kiosk-3", kiosk.get("kiosk").get("id").asText());
        assertEquals("online", kiosk.get("state").get("state").asText());
        assertEquals("花木 24小时驿站", kiosk.get("birth").get("siteName").asText());
        assertEquals("qr-scanner:hid", kiosk.get("birth").get("devices").get(0).get("kind").asText());
        assertEquals("absent", kiosk.get("health").get("devices").get(0).get("state").asText());
        assertTrue(kiosk.get("health").get("system").get("cpuCelsius").isNumber());
        JsonNode event = kiosk.get("recentEvents").get(0);
        assertEquals("device-status", event.get("event").get("kind").asText());
        assertEquals("error", event.get("event").get("severity").asText());
        assertNotNull(event.get("received").asText());
    }

    @Test
    void an_unknown_or_malformed_kiosk_is_404() {
        assertEquals(404, client.get("/api/v1/kiosks/pujin/kiosk-99").statusCode());
        assertEquals(404, client.get("/api/v1/kiosks/PUJIN/kiosk-1").statusCode());
        assertEquals(404, client.get("/api/v1/kiosks/pujin/kiosk-99/health").statusCode());
        assertEquals(404, client.get("/kiosks/pujin/kiosk-99").statusCode());
    }

    @Test
    void the_health_history_covers_the_last_day_oldest_first() throws Exception {
        JsonNode health = json(client.get("/api/v1/kiosks/pujin/kiosk-2/health"));

        JsonNode points = health.get("points");
        assertTrue(points.size() > 280, "a point every five minutes: " + points.size());
        Instant first = Instant.parse(points.get(0).get("at").asText());
        Instant last = Instant.parse(points.get(points.size() - 1).get("at").asText());
        assertTrue(first.isBefore(last));
        assertFalse(first.isBefore(Instant.parse(health.get("from").asText())));
        // the hot kiosk's last reading is the hot one
        assertTrue(points.get(points.size() - 1).get("cpuCelsius").asDouble() > 75);
    }

    @Test
    void a_health_range_longer_than_a_week_is_refused() {
        HttpResponse<String> response = client.get("/api/v1/kiosks/pujin/kiosk-2/health"
                + "?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z");

        assertEquals(400, response.statusCode());
    }

    @Test
    void footfall_rows_add_up_to_the_totals_and_follow_the_fleets_days() throws Exception {
        LocalDate today = LocalDate.now(SampleFleet.SHANGHAI);
        JsonNode footfall = json(client.get("/api/v1/footfall?site=pujin&from=" + today.minusDays(2) + "&to="
                + today.minusDays(1)));

        assertEquals("Asia/Shanghai", footfall.get("zone").asText());
        assertEquals("day", footfall.get("period").asText());
        assertEquals(today.minusDays(2).atStartOfDay(SampleFleet.SHANGHAI).toInstant(),
                Instant.parse(footfall.get("from").asText()));
        JsonNode rows = footfall.get("rows");
        assertEquals(6, rows.size(), "two days of three kiosks");
        long checkIns = 0;
        long entries = 0;
        for (JsonNode row : rows) {
            assertTrue(row.get("kiosk").asText().startsWith("pujin/"));
            for (JsonNode n : row.get("counts").get("checkInsByCategory")) {
                checkIns += n.asLong();
            }
            entries += row.get("counts").get("entriesSensed").asLong();
        }
        long totalCheckIns = 0;
        for (JsonNode n : footfall.get("totals").get("checkInsByCategory")) {
            totalCheckIns += n.asLong();
        }
        assertEquals(totalCheckIns, checkIns);
        assertEquals(footfall.get("totals").get("entriesSensed").asLong(), entries);
        assertTrue(entries >= checkIns, "the sensor sees at least everyone who checks in");
    }

    @Test
    void footfall_by_hour_is_limited_to_a_month() {
        assertEquals(400, client.get("/api/v1/footfall?period=hour&from=2026-01-01&to=2026-03-01").statusCode());
        assertEquals(400, client.get("/api/v1/footfall?period=week").statusCode());
    }

    @Test
    void an_alert_acknowledged_through_the_api_names_the_maintainer() throws Exception {
        long id = json(client.get("/api/v1/alerts")).get(0).get("id").asLong();

        HttpResponse<String> response = client.postJson("/api/v1/alerts/" + id + "/acknowledge", "");

        assertEquals(200, response.statusCode());
        JsonNode alert = json(response);
        assertFalse(alert.get("open").asBoolean());
        assertEquals(TestConsole.MAINTAINER, alert.get("acknowledgedBy").asText());
        assertFalse(texts(json(client.get("/api/v1/alerts")), "id").contains(String.valueOf(id)));
        assertTrue(texts(json(client.get("/api/v1/alerts?all=true")), "id").contains(String.valueOf(id)));
        assertEquals(404, client.postJson("/api/v1/alerts/9999/acknowledge", "").statusCode());
    }

    @Test
    void a_command_is_accepted_at_once_and_its_answer_appears_when_the_kiosk_sends_it() throws Exception {
        HttpResponse<String> response = client.postJson("/api/v1/kiosks/pujin/kiosk-1/commands",
                "{\"name\":\"notice\",\"zh\":\"今晚暂停开放\",\"en\":\"Closed tonight\",\"minutes\":30}");

        assertEquals(202, response.statusCode());
        JsonNode sent = json(response);
        String id = sent.get("id").asText();
        assertEquals("/api/v1/commands/" + id, response.headers().firstValue("Location").orElseThrow());
        assertEquals("waiting", sent.get("status").asText());
        assertEquals(TestConsole.MAINTAINER, sent.get("sentBy").asText());
        Command command = console.sent.get(id);
        CommandArgs.Notice notice = assertInstanceOf(CommandArgs.Notice.class, command.args());
        assertEquals("今晚暂停开放", notice.zh());

        // when the kiosk answers
        console.commands.get(id).complete(new CommandReply.Answered(command, CommandResult.ok(
                Envelope.next(7, Instant.now()), command, "notice shown", Map.of()), "{}"));

        JsonNode answered = json(client.get("/api/v1/commands/" + id));
        assertEquals("ok", answered.get("status").asText());
        assertEquals("notice shown", answered.get("message").asText());
    }

    @Test
    void a_command_that_never_reached_the_broker_says_so() throws Exception {
        JsonNode sent = json(client.postJson("/api/v1/kiosks/pujin/kiosk-1/commands", "{\"name\":\"resync\"}"));
        CompletableFuture<CommandReply> reply = console.commands.get(sent.get("id").asText());

        reply.completeExceptionally(new CommandNotSentException("the resync command did not reach tcp://broker: "
                + "connection lost", null));

        JsonNode status = json(client.get("/api/v1/commands/" + sent.get("id").asText()));
        assertEquals("not-sent", status.get("status").asText());
        assertTrue(status.get("message").asText().contains("did not reach"));
    }

    @Test
    void arguments_a_kiosk_would_refuse_are_400_before_anything_is_sent() throws Exception {
        int before = console.sent.size();

        HttpResponse<String> noText = client.postJson("/api/v1/kiosks/pujin/kiosk-1/commands", "{\"name\":\"notice\"}");
        HttpResponse<String> unknown = client.postJson("/api/v1/kiosks/pujin/kiosk-1/commands",
                "{\"name\":\"config-set\"}");
        HttpResponse<String> tooLong = client.postJson("/api/v1/kiosks/pujin/kiosk-1/commands",
                "{\"name\":\"notice\",\"zh\":\"" + "长".repeat(281) + "\"}");
        HttpResponse<String> noKiosk = client.postJson("/api/v1/kiosks/pujin/kiosk-99/commands",
                "{\"name\":\"resync\"}");

        assertEquals(400, noText.statusCode());
        assertEquals(400, unknown.statusCode());
        assertTrue(json(unknown).get("message").asText().contains("restart, resync, notice or diagnostics"));
        assertEquals(400, tooLong.statusCode());
        assertEquals(404, noKiosk.statusCode());
        assertEquals(before, console.sent.size());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.uri() + " " + response.statusCode() + " " + response.headers().map());
        return JSON.readTree(response.body());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }
}
