package org.yizhan.fleet.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yizhan.fleet.KioskMessages;
import org.yizhan.fleet.TestClock;
import org.yizhan.fleet.status.ConditionThresholds;
import org.yizhan.fleet.status.KioskConditions;
import org.yizhan.fleet.view.Alert;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.topic.KioskId;

class WebhookNotifierTest {

    private static final KioskId KIOSK = KioskId.parse("pujin/kiosk-1");
    private static final Instant T0 = Instant.parse("2026-03-02T08:15:00Z");

    private HttpServer server;
    private final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            if (status == 204) {
                bodies.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type")
                        + " " + new String(body, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI hook() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @Test
    void a_raised_alert_is_posted_as_a_small_json_document() throws Exception {
        // given the help-button rule posting to the local server
        KioskConditions conditions = new KioskConditions(new TestClock(T0), ConditionThresholds.DEFAULTS);
        AlertSettings settings = AlertSettings.DEFAULTS.withWebhook(AlertRule.HELP_BUTTON, hook());
        try (Alerting alerting = new Alerting(new AlertRules(settings, conditions), new AlertBook(List.of(), 6),
                change -> { })) {
            // when
            alerting.onEvent(KIOSK, KioskMessages.event(Event.HELP_BUTTON, Severity.WARNING, T0,
                    Map.of("press", "short")), T0);

            // then
            String received = bodies.poll(10, TimeUnit.SECONDS);
            assertTrue(received.startsWith("POST application/json; charset=utf-8 "), received);
            JsonNode json = new ObjectMapper().readTree(received.substring(received.indexOf('{')));
            assertEquals("raised", json.get("status").asText());
            assertEquals(7, json.get("id").asLong());
            assertEquals("help-button", json.get("rule").asText());
            assertEquals("pujin/kiosk-1", json.get("kiosk").asText());
            assertEquals("help button pressed (short) at 2026-03-02T08:15:00Z", json.get("message").asText());
            assertEquals("2026-03-02T08:15:00Z", json.get("raised").asText());
            assertTrue(json.get("cleared").isNull());
        }
    }

    @Test
    void a_failed_post_is_tried_once_more() throws Exception {
        failuresLeft.set(1);
        try (WebhookNotifier notifier = new WebhookNotifier(Duration.ofSeconds(2))) {
            boolean delivered = notifier.post(hook(), alert(), "cleared").get(10, TimeUnit.SECONDS);

            assertTrue(delivered);
            assertTrue(bodies.poll(1, TimeUnit.SECONDS).contains("\"status\":\"cleared\""));
        }
    }

    @Test
    void a_webhook_that_keeps_failing_is_given_up_without_blocking_anyone() throws Exception {
        failuresLeft.set(2);
        try (WebhookNotifier notifier = new WebhookNotifier(Duration.ofSeconds(2))) {
            long start = System.nanoTime();
            var pending = notifier.post(hook(), alert(), "raised");
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500), "post returned at once");

            assertFalse(pending.get(10, TimeUnit.SECONDS));
            assertEquals(1, notifier.failed());
        }
    }

    @Test
    void a_webhook_nobody_listens_on_fails_quietly() throws Exception {
        URI nowhere = hook();
        server.stop(0);
        try (WebhookNotifier notifier = new WebhookNotifier(Duration.ofSeconds(1))) {
            assertFalse(notifier.post(nowhere, alert(), "raised").get(10, TimeUnit.SECONDS));
        }
    }

    private static Alert alert() {
        return new Alert(3, "cpu-hot", KIOSK, "CPU 82.0 °C (limit 80 °C)", T0, T0.plusSeconds(60), null, null);
    }
}
