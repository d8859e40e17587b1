package org.yizhan.kiosk.visitlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.protocol.footfall.FootfallCounts;

/** The visit log counts each visit in its footfall bucket, in the visit's own transaction. */
class SqliteVisitLogFootfallTest {

    private static final Instant BUCKET = Instant.parse("2026-03-02T08:15:00Z");
    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");

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
    void a_recorded_visit_is_counted_by_category_and_purpose_in_its_15_minute_bucket() {
        // given
        Instant at = BUCKET.plus(Duration.ofMinutes(7));

        // when
        log.record(visit("rider", Purpose.CHARGE, at));
        log.record(walkIn(Purpose.REST, at.plusSeconds(30)));

        // then
        FootfallBucket bucket = bucketAt(at).orElseThrow();
        assertEquals(BUCKET, bucket.start());
        assertEquals(15, bucket.minutes());
        assertEquals(Map.of("rider", 1L, "walk-in", 1L), bucket.counts().checkInsByCategory());
        assertEquals(Map.of("charge", 1L, "rest", 1L), bucket.counts().checkInsByPurpose());
        assertEquals(1, bucket.counts().walkIns());
        assertEquals(1, bucket.revision(), "never queued: every change so far belongs to revision 1");
    }

    @Test
    void visits_in_different_quarters_of_an_hour_go_to_different_buckets() {
        // given
        Instant first = BUCKET.minusMillis(1);

        // when
        log.record(visit("resident", Purpose.HEALTH, first));
        log.record(visit("resident", Purpose.HEALTH, BUCKET));

        // then
        assertEquals(Instant.parse("2026-03-02T08:00:00Z"), bucketAt(first).orElseThrow().start());
        assertEquals(1, bucketAt(first).orElseThrow().counts().checkIns());
        assertEquals(1, bucketAt(BUCKET).orElseThrow().counts().checkIns());
    }

    @Test
    void when_the_bucket_cannot_be_written_the_visit_is_not_stored_either() throws SQLException {
        // given a database whose footfall table fails the next write, as a full disk would mid-transaction
        execute("CREATE TRIGGER fail_bucket BEFORE INSERT ON footfall_bucket"
                + " BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END");
        Visit visit = visit("rider", Purpose.REST, BUCKET);

        // when
        VisitLogException failure = assertThrows(VisitLogException.class, () -> log.record(visit));

        // then
        assertTrue(failure.getMessage().startsWith("record: "), failure.getMessage());
        assertEquals(Optional.empty(), log.latestVisitOf(visit.visitorId(), DAY));
        assertEquals(0, log.stats(BUCKET, ZoneOffset.UTC).total());
        assertEquals(Optional.empty(), bucketAt(BUCKET));
    }

    @Test
    void a_visit_that_cannot_be_stored_adds_nothing_to_its_bucket() {
        // given
        Visit first = visit("rider", Purpose.REST, BUCKET);
        log.record(first);
        Visit sameId = new Visit(first.id(), "someone-else", "courier", Purpose.CHARGE, BUCKET.plusSeconds(5));

        // when
        assertThrows(VisitLogException.class, () -> log.record(sameId));

        // then
        FootfallCounts counts = bucketAt(BUCKET).orElseThrow().counts();
        assertEquals(Map.of("rider", 1L), counts.checkInsByCategory());
        assertEquals(Map.of("rest", 1L), counts.checkInsByPurpose());
    }

    @Test
    void changing_the_purpose_moves_the_count_from_the_old_purpose_to_the_new() {
        // given
        Visit visit = visit("rider", Purpose.REST, BUCKET);
        log.record(visit);
        log.record(visit("rider", Purpose.REST, BUCKET.plusSeconds(60)));

        // when
        boolean changed = log.changePurpose(visit.id(), Purpose.HEALTH);

        // then
        assertTrue(changed);
        FootfallBucket bucket = bucketAt(BUCKET).orElseThrow();
        assertEquals(Map.of("rest", 1L, "health", 1L), bucket.counts().checkInsByPurpose());
        assertEquals(Map.of("rider", 2L), bucket.counts().checkInsByCategory());
    }

    @Test
    void choosing_the_purpose_already_recorded_changes_no_count() {
        // given
        Visit visit = visit("rider", Purpose.REST, BUCKET);
        log.record(visit);

        // when
        boolean changed = log.changePurpose(visit.id(), Purpose.REST);

        // then
        assertTrue(changed);
        assertEquals(Map.of("rest", 1L), bucketAt(BUCKET).orElseThrow().counts().checkInsByPurpose());
    }

    @Test
    void when_the_bucket_cannot_be_updated_the_purpose_stays_as_it_was() throws SQLException {
        // given
        Visit visit = visit("rider", Purpose.REST, BUCKET);
        log.record(visit);
        execute("CREATE TRIGGER fail_bucket BEFORE UPDATE ON footfall_bucket"
                + " BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END");

        // when
        assertThrows(VisitLogException.class, () -> log.changePurpose(visit.id(), Purpose.HEALTH));

        // then
        assertEquals(Optional.of(visit), log.latestVisitOf(visit.visitorId(), DAY));
        assertEquals(Map.of("rest", 1L), bucketAt(BUCKET).orElseThrow().counts().checkInsByPurpose());
    }

    @Test
    void a_change_after_the_bucket_was_queued_raises_its_revision_once_per_message() {
        // given a bucket whose revision 1 went into the outbox
        log.record(visit("rider", Purpose.REST, BUCKET));
        log.transaction("queue", c -> {
            log.footfall().markQueued(c, BUCKET, 1);
            return null;
        });

        // when two late visits arrive before the next message is made
        log.record(visit("rider", Purpose.REST, BUCKET.plusSeconds(10)));
        log.record(walkIn(Purpose.CHARGE, BUCKET.plusSeconds(20)));

        // then both belong to revision 2
        FootfallBucket bucket = bucketAt(BUCKET).orElseThrow();
        assertEquals(2, bucket.revision());
        assertEquals(1, bucket.queuedRevision());
        assertEquals(3, bucket.counts().checkIns());
    }

    @Test
    void buckets_have_the_length_the_log_was_opened_with() {
        // given
        log.close();
        log = SqliteVisitLog.open(dir.resolve("half-hours.db"), 30);

        // when
        log.record(visit("rider", Purpose.REST, Instant.parse("2026-03-02T08:59:00Z")));

        // then
        FootfallBucket bucket = bucketAt(Instant.parse("2026-03-02T08:59:00Z")).orElseThrow();
        assertEquals(Instant.parse("2026-03-02T08:30:00Z"), bucket.start());
        assertEquals(30, bucket.minutes());
    }

    @Test
    void a_bucket_length_that_does_not_divide_an_hour_is_refused() {
        // given
        Path other = dir.resolve("other.db");

        // when
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> SqliteVisitLog.open(other, 7));

        // then
        assertTrue(failure.getMessage().contains("divide 60"), failure.getMessage());
    }

    @Test
    void visits_stored_before_footfall_was_counted_are_counted_by_the_migration() throws SQLException {
        // given a database at schema version 1 with three visits
        Path old = dir.resolve("old.db");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + old);
        Flyway.configure(getClass().getClassLoader()).dataSource(dataSource).locations("classpath:db/migration")
                .target("1").load().migrate();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + old);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO visit VALUES (?, ?, ?, ?, ?, 0)")) {
            Object[][] visits = {
                {"01JPA000000000000000000001", "v-1", "rider", "rest", BUCKET.toEpochMilli()},
                {"01JPA000000000000000000002", null, "walk-in", "rest", BUCKET.plusSeconds(60).toEpochMilli()},
                {"01JPA000000000000000000003", "v-2", "resident", "health", BUCKET.plusSeconds(900).toEpochMilli()},
            };
            for (Object[] visit : visits) {
                for (int i = 0; i < visit.length; i++) {
                    insert.setObject(i + 1, visit[i]);
                }
                insert.executeUpdate();
            }
        }

        // when
        try (SqliteVisitLog upgraded = SqliteVisitLog.open(old)) {

            // then
            FootfallCounts total = upgraded.footfallTotals(DAY, DAY.plus(Duration.ofDays(1)));
            assertEquals(Map.of("rider", 1L, "walk-in", 1L, "resident", 1L), total.checkInsByCategory());
            assertEquals(Map.of("rest", 2L, "health", 1L), total.checkInsByPurpose());
            assertEquals(2, upgraded.transaction("buckets",
                    c -> upgraded.footfall().startingIn(c, DAY, DAY.plus(Duration.ofDays(1)))).size());
        }
    }

    @Test
    void an_unchecked_failure_inside_a_transaction_rolls_back_and_is_rethrown_as_it_is() {
        // given
        IllegalStateException thrown = new IllegalStateException("the work's own failure");

        // when
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> log.transaction("t", c -> {
            log.footfall().add(c, BUCKET, new FootfallCounts(Map.of(), Map.of(), 1, Map.of()));
            throw thrown;
        }));

        // then
        assertEquals(thrown, failure);
        assertFalse(bucketAt(BUCKET).isPresent());
    }

    private Optional<FootfallBucket> bucketAt(Instant at) {
        return log.transaction("bucketAt", c -> log.footfall().covering(c, at));
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Visit visit(String category, Purpose purpose, Instant at) {
        return new Visit(id(), "v-" + nextId, category, purpose, at);
    }

    private Visit walkIn(Purpose purpose, Instant at) {
        return new Visit(id(), null, Visit.WALK_IN, purpose, at);
    }

    private String id() {
        return String.format("01JPA%021d", nextId++);
    }
}
