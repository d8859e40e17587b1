package org.yizhan.fleet.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yizhan.fleet.view.Alert;
import org.yizhan.fleet.view.HealthPoint;
import org.yizhan.fleet.view.KioskCondition;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.protocol.topic.KioskId;

/**
 * Coalescing, decided by calling {@code flush} by hand: the interval is an hour, so the writer's own timer never
 * fires during a test.
 */
class LiveUpdatesTest {

    private static final KioskId PUJIN_1 = KioskId.parse("pujin/kiosk-1");
    private static final KioskId PUJIN_2 = KioskId.parse("pujin/kiosk-2");

    private final LiveUpdates live = new LiveUpdates(Duration.ofHours(1));

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void a_burst_of_a_thousand_changes_reaches_a_page_as_one_event_naming_a_hundred() throws Exception {
        Recorded page = connect(null);
        for (int i = 0; i < 1000; i++) {
            live.kioskChanged(summary(new KioskId("site-" + (i % 50), "kiosk-" + i)));
        }

        live.flush();
        live.flush();

        String change = page.next();
        assertTrue(change.startsWith("change {\"kiosks\":[\""), change);
        assertEquals(LiveUpdates.NAMED, change.split("\",\"").length);
        assertTrue(change.contains("\"moreKiosks\":900,"), change);
        assertEquals(0, page.events.size(), "the second flush had nothing to say");
    }

    @Test
    void a_health_point_wakes_only_the_page_of_that_kiosk() throws Exception {
        Recorded fleet = connect(null);
        Recorded one = connect(PUJIN_1);
        Recorded two = connect(PUJIN_2);

        live.healthArrived(PUJIN_1, new HealthPoint(Instant.now(), 51.0, 0.4, 72.0, 0L));
        live.flush();

        assertEquals("change {\"kiosks\":[],\"moreKiosks\":0,\"alerts\":false,\"footfall\":false,\"health\":true,"
                + "\"events\":false,\"commands\":false}", one.next());
        assertEquals(0, fleet.events.size());
        assertEquals(0, two.events.size());
    }

    @Test
    void alerts_and_footfall_reach_the_fleet_pages_and_a_command_answer_its_kiosks_page() throws Exception {
        Recorded fleet = connect(null);
        Recorded one = connect(PUJIN_1);

        live.alertChanged(new Alert(1, "cpu-hot", PUJIN_2, "CPU 82.0 °C", Instant.now(), null, null, null));
        live.footfallChanged(PUJIN_2);
        live.commandDone(PUJIN_1);
        live.flush();

        assertEquals("change {\"kiosks\":[],\"moreKiosks\":0,\"alerts\":true,\"footfall\":true}", fleet.next());
        String kiosk = one.next();
        assertTrue(kiosk.contains("\"alerts\":true") && kiosk.contains("\"commands\":true")
                && kiosk.contains("\"footfall\":false"), kiosk);
    }

    @Test
    void a_stream_that_cannot_be_written_is_dropped() throws Exception {
        Recorded page = connect(null);
        page.broken = true;

        live.kioskChanged(summary(PUJIN_1));
        live.flush();

        assertEquals(0, live.streams());
        assertTrue(page.closed);
    }

    private Recorded connect(KioskId kiosk) throws InterruptedException {
        Recorded stream = new Recorded();
        live.connect(stream, kiosk);
        assertEquals("hello {}", stream.next());
        return stream;
    }

    private static KioskSummary summary(KioskId id) {
        return new KioskSummary(id, null, KioskCondition.DEGRADED, List.of("CPU 82.0 °C"), Instant.now(), "0.2.0",
                "17.0.15", "Debian", List.of());
    }

    /** A page's stream, recording what it was sent. */
    private static final class Recorded implements LiveStream {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        volatile boolean broken;
        volatile boolean closed;

        @Override
        public void send(String name, String data) {
            if (broken) {
                throw new IllegalStateException("the browser went away");
            }
            events.add(name + " " + data);
        }

        @Override
        public void comment(String text) {
        }

        @Override
        public void close() {
            closed = true;
        }

        String next() throws InterruptedException {
            String event = events.poll(5, TimeUnit.SECONDS);
            if (event == null) {
                throw new AssertionError("nothing was sent");
            }
            return event;
        }
    }
}
