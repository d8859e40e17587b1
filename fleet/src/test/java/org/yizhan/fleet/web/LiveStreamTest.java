package org.yizhan.fleet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yizhan.fleet.view.HealthPoint;
import org.yizhan.fleet.view.KioskCondition;
import org.yizhan.protocol.topic.KioskId;

/** {@code /api/v1/live} over real HTTP: a page hears about the changes of the fleet it shows. */
class LiveStreamTest {

    private static TestConsole console;

    @BeforeAll
    static void start() {
        console = TestConsole.start();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void the_fleets_stream_names_a_kiosk_whose_condition_changed() throws Exception {
        try (Listening stream = listen("/api/v1/live")) {
            assertEquals("event: hello", stream.next("event:"));

            console.fleet.changeCondition(SampleFleet.PUJIN_1, KioskCondition.DEGRADED, List.of("CPU 81.0 °C"));

            assertEquals("event: change", stream.next("event:"));
            String data = stream.next("data:");
            assertTrue(data.contains("\"kiosks\":[\"pujin/kiosk-1\"]"), data);
        }
    }

    @Test
    void a_kiosks_stream_hears_of_its_health() throws Exception {
        try (Listening stream = listen("/api/v1/live?kiosk=huamu/kiosk-1")) {
            assertEquals("event: hello", stream.next("event:"));

            console.fleet.addHealth(SampleFleet.PUJIN_2, new HealthPoint(Instant.now(), 80.0, 1.0, 70.0, 0L));
            console.fleet.addHealth(KioskId.parse("huamu/kiosk-1"),
                    new HealthPoint(Instant.now(), 50.0, 0.3, 70.0, 0L));

            assertEquals("event: change", stream.next("event:"));
            assertTrue(stream.next("data:").contains("\"health\":true"));
        }
    }

    private static Listening listen(String path) {
        ConsoleClient client = console.loggedIn();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = client.http().sendAsync(
                HttpRequest.newBuilder(client.uri(path)).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = response.thenAccept(r -> r.body().forEach(lines::add));
        return new Listening(lines, reading);
    }

    /** The lines of an open stream. */
    private record Listening(BlockingQueue<String> lines, CompletableFuture<Void> reading) implements AutoCloseable {

        /** The next line starting with {@code prefix}, normalised to one space after the colon. */
        String next(String prefix) throws InterruptedException {
            while (true) {
                String line = lines.poll(10, TimeUnit.SECONDS);
                if (line == null) {
                    throw new AssertionError("no '" + prefix + "' line within 10 s");
                }
                if (line.startsWith(prefix)) {
                    return prefix + " " + line.substring(prefix.length()).strip();
                }
            }
        }

        @Override
        public void close() {
            reading.cancel(true);
        }
    }
}
