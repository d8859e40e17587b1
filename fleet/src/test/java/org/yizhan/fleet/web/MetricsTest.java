package org.yizhan.fleet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics} as Prometheus scrapes it: the fleet's numbers, agreeing with the API, and the ingest's. */
class MetricsTest {

    private static final AtomicLong RECEIVED = new AtomicLong(41);
    private static TestConsole console;

    @BeforeAll
    static void start() {
        console = TestConsole.start(() -> Map.of("messages_received_total", RECEIVED.incrementAndGet(),
                "Not A Name", 1));
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void kiosks_by_condition_and_open_alerts_are_gauges() {
        String metrics = scrape();

        assertEquals(18.0, value(metrics, "yizhan_kiosks{condition=\"online\"}"));
        assertEquals(4.0, value(metrics, "yizhan_kiosks{condition=\"degraded\"}"));
        assertEquals(1.0, value(metrics, "yizhan_kiosks{condition=\"lost\"}"));
        assertEquals(6.0, value(metrics, "yizhan_sites"));
        assertEquals(console.fleet.alerts(false).size(), value(metrics, "yizhan_alerts_open"));
    }

    @Test
    void todays_check_ins_are_those_of_the_footfall_since_midnight_in_shanghai() throws Exception {
        String today = LocalDate.now(SampleFleet.SHANGHAI).toString();
        JsonNode footfall = new ObjectMapper().readTree(console.loggedIn()
                .get("/api/v1/footfall?from=" + today + "&to=" + today).body());
        long checkIns = 0;
        for (JsonNode n : footfall.get("totals").get("checkInsByCategory")) {
            checkIns += n.asLong();
        }

        String metrics = scrape();

        assertTrue(checkIns > 0);
        assertEquals(checkIns, value(metrics, "yizhan_check_ins_today"));
        assertEquals(footfall.get("totals").get("entriesSensed").asDouble(), value(metrics,
                "yizhan_entries_sensed_today"));
    }

    @Test
    void the_ingests_statistics_are_exported_as_they_are_at_each_scrape() {
        double first = value(scrape(), "yizhan_ingest_messages_received_total");
        double second = value(scrape(), "yizhan_ingest_messages_received_total");

        assertEquals(first + 1, second);
        assertFalse(scrape().contains("Not A Name"), "a name Prometheus cannot take is left out");
    }

    private static String scrape() {
        HttpResponse<String> response = console.client().get("/metrics", Map.of("Authorization", "Bearer "
                + TestConsole.METRICS_TOKEN));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        return response.body();
    }

    private static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        if (!matcher.find()) {
            throw new AssertionError(series + " is not in\n" + metrics);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
