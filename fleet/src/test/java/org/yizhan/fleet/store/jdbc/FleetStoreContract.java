package org.yizhan.fleet.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.fleet.KioskMessages.birth;
import static org.yizhan.fleet.KioskMessages.event;
import static org.yizhan.fleet.KioskMessages.fine;
import static org.yizhan.fleet.KioskMessages.footfall;
import static org.yizhan.fleet.KioskMessages.health;
import static org.yizhan.fleet.KioskMessages.online;
import static org.yizhan.fleet.KioskMessages.scanner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.store.BatchResult;
import org.yizhan.fleet.store.HealthCompaction;
import org.yizhan.fleet.store.HealthSample;
import org.yizhan.fleet.store.ReceivedFootfall;
import org.yizhan.fleet.store.StoreBatch;
import org.yizhan.fleet.store.StoreException;
import org.yizhan.fleet.store.StoreSettings;
import org.yizhan.fleet.store.StoredFleet;
import org.yizhan.fleet.store.StoredKiosk;
import org.yizhan.fleet.view.Alert;
import org.yizhan.fleet.view.EventRecord;
import org.yizhan.fleet.view.FootfallQuery;
import org.yizhan.fleet.view.FootfallRow;
import org.yizhan.fleet.view.HealthPoint;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallLedger.Outcome;
import org.yizhan.protocol.message.DeviceState;
import org.yizhan.protocol.topic.KioskId;

/**
 * What every {@link org.yizhan.fleet.store.FleetStore} on JDBC must do, whatever the database: run by
 * {@link JdbcFleetStoreTest} on SQLite and by {@link PostgresFleetStoreTest} on PostgreSQL.
 */
abstract class FleetStoreContract {

    private static final KioskId ONE = KioskId.parse("pujin/kiosk-1");
    private static final KioskId TWO = KioskId.parse("pujin/kiosk-2");
    private static final KioskId OTHER_SITE = KioskId.parse("tangqiao/kiosk-1");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Midnight of 2 March in Shanghai (UTC+8). */
    private static final Instant MIDNIGHT = Instant.parse("2026-03-01T16:00:00Z");

    protected JdbcFleetStore store;

    /** The database to test on, fresh for each test. */
    protected abstract StoreSettings settings() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = JdbcFleetStore.open(settings());
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static StoreBatch kiosks(StoredKiosk... kiosks) {
        return new StoreBatch(List.of(kiosks), List.of(), List.of(), List.of(), List.of());
    }

    private static StoreBatch footfallBatch(KioskId kiosk, Footfall... buckets) {
        List<ReceivedFootfall> received = new ArrayList<>();
        for (Footfall bucket : buckets) {
            received.add(new ReceivedFootfall(kiosk, bucket, bucket.bucketEnd()));
        }
        return new StoreBatch(List.of(), List.of(), received, List.of(), List.of());
    }

    private static StoredKiosk seen(KioskId id, Instant at) {
        return new StoredKiosk(id, null, null, null, null, null, at);
    }

    @Test
    void kiosks_with_their_latest_messages_come_back_after_a_reopen() throws Exception {
        Instant t = Instant.parse("2026-03-02T08:15:00Z");
        StoredKiosk one = new StoredKiosk(ONE, online(7, t), t, birth(7, "0.1.0", t, scanner(DeviceState.CONNECTED)),
                health(t, fine(), 2), t.plusSeconds(1), t.plusSeconds(1));
        store.write(kiosks(one, seen(TWO, t)));
        store.write(kiosks(new StoredKiosk(TWO, null, null, null, null, null, t.plusSeconds(5))));
        store.close();

        store = JdbcFleetStore.open(settings());
        List<StoredKiosk> loaded = store.load().kiosks();

        assertEquals(List.of(one, seen(TWO, t.plusSeconds(5))), loaded);
    }

    @Test
    void a_bucket_counts_once_at_its_highest_revision() {
        Instant start = Instant.parse("2026-03-02T00:15:00Z");
        Footfall first = footfall(start, 1, 6, 1);
        Footfall revised = footfall(start, 2, 6, 2);

        BatchResult result = store.write(footfallBatch(ONE, first, first, revised));
        BatchResult later = store.write(footfallBatch(ONE, first, revised, footfall(start, 2, 9, 9)));

        assertEquals(List.of(Outcome.ADDED, Outcome.DUPLICATE, Outcome.SUPERSEDED), result.footfall());
        assertEquals(List.of(Outcome.STALE, Outcome.DUPLICATE, Outcome.CONFLICT), later.footfall());
        List<FootfallRow> rows = store.footfall(new FootfallQuery(null, null, start, start.plusSeconds(900),
                FootfallQuery.Period.HOUR, SHANGHAI));
        assertEquals(1, rows.size());
        assertEquals(8, rows.get(0).counts().checkIns());
        assertEquals(2, rows.get(0).counts().walkIns());
    }

    @Test
    void footfall_adds_up_by_hour_and_by_day_in_shanghai_time() {
        // given buckets around midnight in Shanghai (16:00 UTC): one the day before, three on 2 March
        store.write(footfallBatch(ONE,
                footfall(MIDNIGHT.minusSeconds(900), 1, 5, 0),
                footfall(MIDNIGHT, 1, 1, 0),
                footfall(MIDNIGHT.plusSeconds(900), 1, 2, 1),
                footfall(MIDNIGHT.plusSeconds(3600), 1, 4, 0)));
        store.write(footfallBatch(TWO, footfall(MIDNIGHT.plusSeconds(1800), 1, 10, 0)));
        store.write(footfallBatch(OTHER_SITE, footfall(MIDNIGHT, 1, 100, 0)));

        // when counting pujin by hour over the Shanghai day of 2 March
        List<FootfallRow> hours = store.footfall(new FootfallQuery("pujin", null, MIDNIGHT,
                MIDNIGHT.plus(Duration.ofDays(1)), FootfallQuery.Period.HOUR, SHANGHAI));

        // then ordered by hour, then kiosk
        assertEquals(List.of(
                        MIDNIGHT + " pujin/kiosk-1 4",
                        MIDNIGHT + " pujin/kiosk-2 10",
                        MIDNIGHT.plusSeconds(3600) + " pujin/kiosk-1 4"),
                hours.stream().map(r -> r.periodStart() + " " + r.kiosk() + " " + r.counts().checkIns()).toList());

        // when counting by day over two days, every site
        List<FootfallRow> days = store.footfall(new FootfallQuery(null, null, MIDNIGHT.minus(Duration.ofDays(1)),
                MIDNIGHT.plus(Duration.ofDays(1)), FootfallQuery.Period.DAY, SHANGHAI));
        assertEquals(List.of(
                        MIDNIGHT.minus(Duration.ofDays(1)) + " pujin/kiosk-1 5",
                        MIDNIGHT + " pujin/kiosk-1 8",
                        MIDNIGHT + " pujin/kiosk-2 10",
                        MIDNIGHT + " tangqiao/kiosk-1 100"),
                days.stream().map(r -> r.periodStart() + " " + r.kiosk() + " " + r.counts().checkIns()).toList());

        // and one kiosk alone, with its categories kept apart
        List<FootfallRow> one = store.footfall(new FootfallQuery(null, ONE, MIDNIGHT, MIDNIGHT.plus(Duration.ofDays(1)),
                FootfallQuery.Period.DAY, SHANGHAI));
        assertEquals(1, one.size());
        assertEquals(Map.of("rider", 7L, "walk-in", 1L), one.get(0).counts().checkInsByCategory());
    }

    @Test
    void the_same_event_stored_twice_is_kept_once_and_the_latest_come_first() {
        Instant t = Instant.parse("2026-03-02T08:40:00Z");
        store.write(kiosks(seen(ONE, t)));
        Event first = event(Event.HELP_BUTTON, Severity.WARNING, t, Map.of("press", "short"));
        Event second = event(Event.DEVICE_STATUS, Severity.ERROR, t.plusSeconds(5), Map.of("state", "absent"));
        EventRecord a = new EventRecord(ONE, t, first);
        EventRecord b = new EventRecord(ONE, t.plusSeconds(5), second);

        BatchResult result = store.write(new StoreBatch(List.of(), List.of(), List.of(), List.of(a, b, a),
                List.of()));
        BatchResult again = store.write(new StoreBatch(List.of(), List.of(), List.of(), List.of(a), List.of()));

        assertEquals(List.of(true, true, false), result.eventsAdded());
        assertEquals(List.of(false), again.eventsAdded());
        assertEquals(List.of(b, a), store.recentEvents(ONE, 10));
        assertEquals(List.of(b), store.recentEvents(ONE, 1));
        assertEquals(List.of(), store.recentEvents(TWO, 10));
    }

    @Test
    void alerts_are_replaced_by_id_and_open_ones_come_back_with_the_last_id() {
        Instant t = Instant.parse("2026-03-02T08:40:00Z");
        Alert raised = new Alert(1, "cpu-hot", ONE, "CPU 82.0 °C (limit 80 °C)", t, null, null, null);
        Alert acknowledged = new Alert(2, "help-button", TWO, "help button pressed", t, null, t.plusSeconds(60),
                "wang.li");
        Alert cleared = new Alert(1, "cpu-hot", ONE, "CPU 82.0 °C (limit 80 °C)", t, t.plusSeconds(90), null, null);
        store.write(new StoreBatch(List.of(), List.of(), List.of(), List.of(), List.of(raised, acknowledged)));
        store.write(new StoreBatch(List.of(), List.of(), List.of(), List.of(), List.of(cleared)));

        StoredFleet loaded = store.load();

        assertEquals(List.of(acknowledged, cleared), loaded.alerts());
        assertEquals(2, loaded.lastAlertId());
    }

    @Test
    void health_older_than_a_day_is_folded_into_quarter_hours_and_dropped_after_thirty_days() {
        // given raw points every 30 s from 08:00 to 08:30 two days ago, and one an hour ago
        Instant now = Instant.parse("2026-03-04T09:00:00Z");
        Instant old = Instant.parse("2026-03-02T08:00:00Z");
        store.write(kiosks(seen(ONE, now)));
        List<HealthSample> samples = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            samples.add(new HealthSample(ONE, new HealthPoint(old.plusSeconds(30L * i), 50.0 + (i < 30 ? 0 : 10),
                    0.5, 70.0, (long) i)));
        }
        samples.add(new HealthSample(ONE, new HealthPoint(now.minusSeconds(3600), 55.0, null, 69.0, 0L)));
        store.write(new StoreBatch(List.of(), samples, List.of(), List.of(), List.of()));

        // when
        HealthCompaction done = store.compactHealth(now);

        // then two points stand for the half hour: means, and the outbox's maximum
        assertEquals(new HealthCompaction(60, 2, 0), done);
        List<HealthPoint> history = store.healthHistory(ONE, old.minusSeconds(1), now);
        assertEquals(List.of(
                new HealthPoint(old, 50.0, 0.5, 70.0, 29L),
                new HealthPoint(old.plusSeconds(900), 60.0, 0.5, 70.0, 59L),
                new HealthPoint(now.minusSeconds(3600), 55.0, null, 69.0, 0L)), history);
        assertEquals(List.of(new HealthPoint(now.minusSeconds(3600), 55.0, null, 69.0, 0L)),
                store.healthHistory(ONE, now.minusSeconds(7200), now));

        // and thirty days later they are gone
        HealthCompaction later = store.compactHealth(old.plus(Duration.ofDays(30)).plusSeconds(1000));
        assertEquals(1, later.rawFolded());
        assertEquals(2, later.downsampledPurged());
        assertEquals(List.of(new HealthPoint(now.minusSeconds(3600).truncatedTo(ChronoUnit.HOURS),
                55.0, null, 69.0, 0L)), store.healthHistory(ONE, old, now.plus(Duration.ofDays(40))));
    }

    @Test
    void a_kiosk_never_heard_of_has_no_history() {
        assertEquals(List.of(), store.healthHistory(TWO, Instant.EPOCH, Instant.now()));
        assertNull(store.load().kiosks().stream().filter(k -> k.id().equals(TWO)).findFirst().orElse(null));
    }
}
