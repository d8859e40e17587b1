package org.yizhan.kiosk.visitlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.yizhan.kiosk.checkin.Purpose;

class SqliteVisitLogTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOON = Instant.parse("2025-03-14T04:00:00Z");

    @TempDir
    Path dir;

    private Path file;
    private SqliteVisitLog log;
    private int nextId;

    @BeforeEach
    void openLog() {
        file = dir.resolve("visits.db");
        log = SqliteVisitLog.open(file);
    }

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void a_recorded_visit_is_there_after_close_and_reopen() {
        // given
        Visit visit = visit("v-1", Purpose.HEALTH, NOON);
        log.record(visit);

        // when
        log.close();
        log = SqliteVisitLog.open(file);

        // then
        assertEquals(Optional.of(visit), log.latestVisitOf("v-1", NOON.minus(Duration.ofHours(1))));
    }

    @Test
    void the_latest_visit_time_survives_a_reopen_and_is_empty_for_a_new_log() {
        assertEquals(Optional.empty(), log.latestVisitAt());
        log.record(visit("v-1", Purpose.REST, NOON));
        log.record(visit("v-2", Purpose.REST, NOON.plusSeconds(90)));
        log.record(visit("v-3", Purpose.REST, NOON.plusSeconds(30)));

        log.close();
        log = SqliteVisitLog.open(file);

        assertEquals(Optional.of(NOON.plusSeconds(90)), log.latestVisitAt());
    }

    @Test
    void the_log_connection_is_in_wal_mode_with_full_synchronous_foreign_keys_and_a_busy_timeout() {
        // given an open log

        // when
        String journalMode = log.pragma("journal_mode");
        String synchronous = log.pragma("synchronous");
        String foreignKeys = log.pragma("foreign_keys");
        String busyTimeout = log.pragma("busy_timeout");

        // then
        assertEquals("wal", journalMode);
        assertEquals("2", synchronous, "2 is FULL");
        assertEquals("1", foreignKeys);
        assertEquals("5000", busyTimeout);
    }

    @Test
    void wal_mode_is_stored_in_the_file_for_every_connection() throws SQLException {
        // given an open log

        // when
        String journalMode;
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            journalMode = single(other, "PRAGMA journal_mode");
        }

        // then
        assertEquals("wal", journalMode);
    }

    @Test
    void opening_creates_missing_parent_directories() {
        // given
        Path nested = dir.resolve("data").resolve("kiosk").resolve("visits.db");

        // when
        try (SqliteVisitLog nestedLog = SqliteVisitLog.open(nested)) {
            nestedLog.record(visit("v-1", Purpose.REST, NOON));
        }

        // then
        assertTrue(Files.isRegularFile(nested));
    }

    @Test
    void reopening_an_existing_database_runs_no_migration_twice_and_keeps_its_visits() throws SQLException {
        // given
        Visit visit = visit("v-1", Purpose.CHARGE, NOON);
        log.record(visit);
        log.close();

        // when
        log = SqliteVisitLog.open(file);
        log.close();
        log = SqliteVisitLog.open(file);

        // then
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals("1", single(other, "SELECT count(*) FROM flyway_schema_history WHERE version = '1'"));
            assertEquals("1", single(other, "SELECT count(*) FROM visit"));
        }
        assertEquals(Optional.of(visit), log.latestVisitOf("v-1", NOON));
    }

    @Test
    void migrating_an_up_to_date_database_executes_nothing() {
        // given a database the log has already migrated
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file);

        // when
        int executed = SqliteVisitLog.migrate(dataSource).migrationsExecuted;

        // then
        assertEquals(0, executed);
    }

    @Test
    void migration_closes_every_connection_it_opens() {
        // given
        SQLiteDataSource target = new SQLiteDataSource();
        target.setUrl("jdbc:sqlite:" + dir.resolve("fresh.db"));
        CountingDataSource counting = new CountingDataSource(target);

        // when
        SqliteVisitLog.migrate(counting.proxy());

        // then
        assertTrue(counting.opened.get() > 0, "the migration used the data source");
        assertEquals(counting.opened.get(), counting.closed.get(), "connections closed");
    }

    @Test
    void the_visit_table_stores_the_pseudonym_and_no_token() throws SQLException {
        // given an open log

        // when
        List<String> columns = new ArrayList<>();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = other.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM pragma_table_info('visit') ORDER BY cid")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }

        // then
        assertEquals(List.of("id", "visitor_id", "category", "purpose", "at_epoch_ms", "recorded_epoch_ms"), columns);
    }

    @Test
    void changing_the_purpose_updates_the_stored_visit() {
        // given
        Visit visit = visit("v-1", Purpose.REST, NOON);
        log.record(visit);

        // when
        boolean changed = log.changePurpose(visit.id(), Purpose.HEALTH);

        // then
        assertTrue(changed);
        assertEquals(Optional.of(visit.withPurpose(Purpose.HEALTH)), log.latestVisitOf("v-1", NOON));
    }

    @Test
    void changing_the_purpose_of_an_unknown_visit_returns_false_and_changes_nothing() {
        // given
        Visit visit = visit("v-1", Purpose.REST, NOON);
        log.record(visit);

        // when
        boolean changed = log.changePurpose("01JPZZZZZZZZZZZZZZZZZZZZZZ", Purpose.HEALTH);

        // then
        assertFalse(changed);
        assertEquals(Optional.of(visit), log.latestVisitOf("v-1", NOON));
    }

    @Test
    void latest_visit_of_returns_the_latest_of_several() {
        // given
        log.record(visit("v-1", Purpose.REST, NOON.minus(Duration.ofMinutes(30))));
        Visit latest = visit("v-1", Purpose.CHARGE, NOON);
        log.record(latest);
        log.record(visit("v-1", Purpose.HEALTH, NOON.minus(Duration.ofMinutes(10))));

        // when
        Optional<Visit> found = log.latestVisitOf("v-1", NOON.minus(Duration.ofHours(1)));

        // then
        assertEquals(Optional.of(latest), found);
    }

    @Test
    void latest_visit_of_ignores_visits_before_since_and_includes_one_exactly_at_since() {
        // given
        Instant since = NOON.minus(Duration.ofMinutes(20));
        log.record(visit("v-1", Purpose.REST, since.minusMillis(1)));
        Visit atSince = visit("v-1", Purpose.REST, since);
        log.record(atSince);

        // when
        Optional<Visit> fromSince = log.latestVisitOf("v-1", since);
        Optional<Visit> fromLater = log.latestVisitOf("v-1", since.plusMillis(1));

        // then
        assertEquals(Optional.of(atSince), fromSince);
        assertEquals(Optional.empty(), fromLater);
    }

    @Test
    void latest_visit_of_compares_a_sub_millisecond_since_with_the_stored_millisecond() {
        // given a visit stored at a whole millisecond
        log.record(visit("v-1", Purpose.REST, NOON));

        // when
        Optional<Visit> justAfter = log.latestVisitOf("v-1", NOON.plusNanos(1));
        Optional<Visit> justBefore = log.latestVisitOf("v-1", NOON.minusNanos(1));

        // then
        assertEquals(Optional.empty(), justAfter);
        assertTrue(justBefore.isPresent());
    }

    @Test
    void latest_visit_of_ignores_other_visitors() {
        // given
        log.record(visit("v-2", Purpose.REST, NOON));

        // when
        Optional<Visit> found = log.latestVisitOf("v-1", NOON.minus(Duration.ofDays(1)));

        // then
        assertEquals(Optional.empty(), found);
    }

    @Test
    void walk_ins_are_never_returned_by_latest_visit_of() {
        // given
        log.record(walkIn(Purpose.REST, NOON));

        // when
        Optional<Visit> forNull = log.latestVisitOf(null, NOON.minus(Duration.ofDays(1)));
        Optional<Visit> forWalkInCategory = log.latestVisitOf(Visit.WALK_IN, NOON.minus(Duration.ofDays(1)));

        // then
        assertEquals(Optional.empty(), forNull);
        assertEquals(Optional.empty(), forWalkInCategory);
    }

    @Test
    void latest_visit_of_searches_the_visitor_index() throws SQLException {
        // given an open log

        // when
        StringBuilder plan = new StringBuilder();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             var explain = other.prepareStatement("EXPLAIN QUERY PLAN " + SqliteVisitLog.LATEST_SQL)) {
            explain.setString(1, "v-1");
            explain.setLong(2, 0);
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString("detail")).append('\n');
                }
            }
        }

        // then
        assertTrue(plan.toString().contains("SEARCH visit USING INDEX idx_visit_visitor_at"), plan.toString());
    }

    @Test
    void a_visit_reads_back_with_its_time_truncated_to_the_millisecond() {
        // given
        Instant precise = NOON.plusNanos(123_456_789);
        log.record(new Visit("01JPA00000000000000000000X", "v-1", "resident", Purpose.REST, precise));

        // when
        Optional<Visit> found = log.latestVisitOf("v-1", NOON);

        // then
        assertEquals(Optional.of(NOON.plusMillis(123)), found.map(Visit::at));
    }

    @Test
    void stats_count_total_and_today_across_local_midnight_in_shanghai() {
        // given visits just before and at midnight, Shanghai time (UTC+8)
        ZonedDateTime midnight = ZonedDateTime.of(2025, 3, 14, 0, 0, 0, 0, SHANGHAI);
        log.record(visit("v-1", Purpose.REST, midnight.minusHours(3).toInstant()));
        log.record(visit("v-2", Purpose.REST, midnight.toInstant().minusMillis(1)));
        log.record(visit("v-3", Purpose.REST, midnight.toInstant()));
        log.record(walkIn(Purpose.OTHER, midnight.plusHours(6).toInstant()));
        log.record(visit("v-4", Purpose.REST, midnight.plusDays(1).toInstant()));

        // when at seven in the morning there, which is still the previous day in UTC
        Instant now = midnight.plusHours(7).toInstant();
        VisitStats stats = log.stats(now, SHANGHAI);

        // then
        assertEquals(5, stats.total());
        assertEquals(2, stats.today());
    }

    @Test
    void stats_count_by_category_and_by_purpose() {
        // given
        log.record(new Visit(id(), "v-1", "resident", Purpose.HEALTH, NOON));
        log.record(new Visit(id(), "v-2", "resident", Purpose.REST, NOON));
        log.record(new Visit(id(), "v-3", "rider", Purpose.CHARGE, NOON));
        log.record(walkIn(Purpose.REST, NOON));

        // when
        VisitStats stats = log.stats(NOON, SHANGHAI);

        // then
        assertEquals(Map.of("resident", 2L, "rider", 1L, Visit.WALK_IN, 1L), stats.byCategory());
        assertEquals(Map.of("health", 1L, "rest", 2L, "charge", 1L), stats.byPurpose());
    }

    @Test
    void stats_of_an_empty_log_are_zero() {
        // given an empty log

        // when
        VisitStats stats = log.stats(NOON, SHANGHAI);

        // then
        assertEquals(new VisitStats(0, 0, Map.of(), Map.of()), stats);
    }

    @Test
    void recording_a_visit_twice_fails_naming_the_operation_and_leaves_the_log_usable() {
        // given
        Visit first = visit("v-1", Purpose.REST, NOON);
        log.record(first);
        Visit sameId = new Visit(first.id(), "v-2", "rider", Purpose.CHARGE, NOON.plusSeconds(5));

        // when
        VisitLogException failure = assertThrows(VisitLogException.class, () -> log.record(sameId));

        // then
        assertTrue(failure.getMessage().startsWith("record: "), failure.getMessage());
        assertTrue(failure.getMessage().contains(first.id()), failure.getMessage());
        assertFalse(failure.getMessage().contains("v-1"), "no visitor in the message");
        assertEquals(Optional.empty(), log.latestVisitOf("v-2", NOON));
        Visit next = visit("v-3", Purpose.HEALTH, NOON.plusSeconds(10));
        log.record(next);
        assertEquals(Optional.of(next), log.latestVisitOf("v-3", NOON));
        assertEquals(2, log.stats(NOON, SHANGHAI).total());
    }

    @Test
    void close_is_idempotent_and_a_closed_log_refuses_work_naming_the_operation() {
        // given
        log.close();

        // when
        log.close();
        VisitLogException failure = assertThrows(VisitLogException.class,
                () -> log.record(visit("v-1", Purpose.REST, NOON)));

        // then
        assertTrue(failure.getMessage().startsWith("record: "), failure.getMessage());
    }

    @Test
    void the_database_is_intact_after_many_writes() {
        // given
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Visit visit = i % 5 == 0
                    ? walkIn(Purpose.REST, NOON.plusSeconds(i))
                    : visit("v-" + (i % 37), Purpose.values()[i % Purpose.values().length], NOON.plusSeconds(i));
            log.record(visit);
            visits.add(visit);
        }

        // when
        for (int i = 0; i < visits.size(); i += 3) {
            log.changePurpose(visits.get(i).id(), Purpose.ACTIVITY);
        }

        // then
        assertEquals("ok", log.pragma("integrity_check"));
        assertEquals(400, log.stats(NOON, SHANGHAI).total());
    }

    @Test
    void readers_on_other_threads_see_consistent_counts_while_the_writer_records() throws Exception {
        // given
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        Future<Integer> reads = reader.submit(() -> {
            int count = 0;
            long last = 0;
            do {
                VisitStats stats = log.stats(NOON, SHANGHAI);
                long byCategory = stats.byCategory().values().stream().mapToLong(Long::longValue).sum();
                assertEquals(stats.total(), byCategory);
                assertTrue(stats.total() >= last, "counts never go back");
                last = stats.total();
                count++;
            } while (writing.get());
            return count;
        });

        // when
        try {
            for (int i = 0; i < 150; i++) {
                log.record(visit("v-" + i, Purpose.REST, NOON.plusSeconds(i)));
            }
        } finally {
            writing.set(false);
            reader.shutdown();
        }

        // then
        assertTrue(reads.get() > 0);
        assertEquals(150, log.stats(NOON, SHANGHAI).total());
    }

    private Visit visit(String visitorId, Purpose purpose, Instant at) {
        return new Visit(id(), visitorId, "resident", purpose, at);
    }

    private Visit walkIn(Purpose purpose, Instant at) {
        return new Visit(id(), null, Visit.WALK_IN, purpose, at);
    }

    /** Distinct ids in the ULID alphabet, increasing in the order they are made. */
    private String id() {
        return String.format("01JPA%021d", nextId++);
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Wraps a data source to count the connections it hands out and the ones closed again. */
    private static final class CountingDataSource {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        private final DataSource target;

        CountingDataSource(DataSource target) {
            this.target = target;
        }

        DataSource proxy() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    forward((method, args) -> {
                        Object result = method.invoke(target, args);
                        if (method.getName().equals("getConnection")) {
                            opened.incrementAndGet();
                            return counted((Connection) result);
                        }
                        return result;
                    }));
        }

        private Connection counted(Connection connection) {
            AtomicBoolean done = new AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    forward((method, args) -> {
                        if (method.getName().equals("close") && done.compareAndSet(false, true)) {
                            closed.incrementAndGet();
                        }
                        return method.invoke(connection, args);
                    }));
        }

        private interface Call {
            Object invoke(java.lang.reflect.Method method, Object[] args) throws Exception;
        }

        private static InvocationHandler forward(Call call) {
            return (proxy, method, args) -> {
                try {
                    return call.invoke(method, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
        }
    }
}
