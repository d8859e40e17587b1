package org.yizhan.kiosk.telemetry.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.visitlog.FootfallBucket;
import org.yizhan.kiosk.visitlog.SqliteVisitLog;
import org.yizhan.kiosk.visitlog.Visit;
import org.yizhan.kiosk.visitlog.VisitLogException;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.footfall.FootfallKey;
import org.yizhan.protocol.footfall.FootfallLedger;
import org.yizhan.protocol.health.OutboxDepth;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.TopicKind;

/**
 * The outbox in the visit log's database, through the two interfaces its users see: what the kiosk puts in
 * ({@link Outbox}) and what the publisher takes out ({@link OutboxStore}). "The fleet" in these tests is a
 * {@link FootfallLedger} fed with what was claimed, i.e. what a broker would have passed on.
 */
class SqliteOutboxTest {

    private static final KioskId KIOSK = new KioskId("demo", "kiosk-1");
    private static final Instant BUCKET = Instant.parse("2026-03-02T08:15:00Z");
    private static final Instant BUCKET_END = BUCKET.plus(Duration.ofMinutes(15));
    private static final Instant DAY_1 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant DAY_2 = DAY_1.plus(Duration.ofDays(1));
    private static final Instant DAY_3 = DAY_2.plus(Duration.ofDays(1));
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(BUCKET);
    private final PayloadCodec codec = new PayloadCodec();
    private Path file;
    private SqliteVisitLog log;
    private SqliteOutbox outbox;
    private int nextId;

    @BeforeEach
    void open() {
        file = dir.resolve("kiosk.db");
        log = SqliteVisitLog.open(file);
        outbox = SqliteOutbox.on(log, clock, OutboxLimits.DEFAULT);
    }

    @AfterEach
    void close() {
        log.close();
    }

    // ---- one transaction: a count and its message commit together or not at all ----

    @Test
    void a_visit_that_cannot_be_stored_is_never_counted_in_a_footfall_message() throws SQLException {
        // given a visit stored, and a second one whose footfall count fails to be written, as a full disk would
        record("rider", Purpose.REST, BUCKET.plusSeconds(10));
        execute("CREATE TRIGGER fail_bucket BEFORE UPDATE ON footfall_bucket"
                + " BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END");
        Visit lost = visit("courier", Purpose.CHARGE, BUCKET.plusSeconds(20));

        // when
        assertThrows(VisitLogException.class, () -> log.record(lost));
        execute("DROP TRIGGER fail_bucket");
        clock.set(BUCKET_END);
        outbox.queueClosedBuckets(clock.instant());

        // then the fleet is told of the one visit the kiosk kept, and the kiosk kept only that one
        Footfall sent = onlyFootfall(claimAll());
        assertEquals(Map.of("rider", 1L), sent.counts().checkInsByCategory());
        assertEquals(1, log.stats(BUCKET, ZoneOffset.UTC).total());
    }

    @Test
    void a_visit_accepted_before_the_kiosk_stopped_is_counted_in_the_message_made_after_the_restart() {
        // given a visit accepted, and the kiosk stopped before its bucket ended
        record(Visit.WALK_IN, Purpose.REST, BUCKET.plusSeconds(10));
        log.close();

        // when
        reopen(OutboxLimits.DEFAULT);
        clock.set(BUCKET_END);
        outbox.queueClosedBuckets(clock.instant());

        // then
        Footfall sent = onlyFootfall(claimAll());
        assertEquals(1, sent.counts().walkIns());
        assertEquals(Map.of("rest", 1L), sent.counts().checkInsByPurpose());
    }

    @Test
    void when_a_footfall_message_cannot_be_written_its_bucket_stays_unsent_and_goes_out_with_the_next_round()
            throws SQLException {
        // given a closed bucket, and an outbox table that fails its next write
        record("rider", Purpose.REST, BUCKET.plusSeconds(10));
        record("resident", Purpose.HEALTH, BUCKET.plusSeconds(20));
        clock.set(BUCKET_END);
        execute("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox"
                + " BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END");

        // when
        assertThrows(VisitLogException.class, () -> outbox.queueClosedBuckets(clock.instant()));
        execute("DROP TRIGGER fail_outbox");
        int queued = outbox.queueClosedBuckets(clock.instant());

        // then nothing of the failed round remains: the bucket is queued once, as revision 1, with both visits
        assertEquals(1, queued);
        Footfall sent = onlyFootfall(claimAll());
        assertEquals(1, sent.revision());
        assertEquals(2, sent.counts().checkIns());
        assertEquals(1, sent.envelope().seq(), "the failed round's sequence number was rolled back with it");
    }

    @Test
    void an_entry_or_measurement_that_fails_to_be_counted_leaves_the_bucket_as_it_was() throws SQLException {
        // given
        outbox.countEntry(BUCKET.plusSeconds(5));
        execute("CREATE TRIGGER fail_bucket BEFORE UPDATE ON footfall_bucket"
                + " BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END");

        // when
        assertThrows(VisitLogException.class, () -> outbox.countEntry(BUCKET.plusSeconds(6)));
        assertThrows(VisitLogException.class, () -> outbox.countMeasurement("blood-pressure", BUCKET.plusSeconds(7)));

        // then
        assertEquals(new FootfallCounts(Map.of(), Map.of(), 1, Map.of()), totalsOfDay());
    }

    @Test
    void an_event_whose_making_fails_queues_nothing_and_uses_no_sequence_number() {
        // given
        IllegalStateException broken = new IllegalStateException("the event's own failure");

        // when
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> outbox.enqueue(envelope -> {
            throw broken;
        }));
        assertThrows(IllegalArgumentException.class, () -> outbox.enqueue(envelope ->
                new Event(Envelope.next(envelope.seq(), envelope.ts()), Event.HELP_BUTTON, Severity.ERROR, "help",
                        null, Map.of())));

        // then
        assertEquals(broken, thrown);
        assertEquals(0, outbox.depth().rows());
        assertEquals(1, outbox.nextEnvelope().seq());
    }

    @Test
    void a_measurement_of_a_kind_that_is_not_a_code_is_refused_before_anything_is_written() {
        assertThrows(IllegalArgumentException.class, () -> outbox.countMeasurement("Blood Pressure", BUCKET));

        assertEquals(FootfallCounts.NONE, totalsOfDay());
    }

    // ---- order and delivery ----

    @Test
    void claims_alerts_first_then_lifecycle_footfall_and_changes_each_oldest_first() {
        // given messages made in an order unlike their priorities
        enqueue(Event.DEVICE_STATUS, Severity.INFO, "change 1");
        clock.advance(Duration.ofSeconds(1));
        record("rider", Purpose.REST, BUCKET.plusSeconds(1));
        clock.set(BUCKET_END);
        outbox.queueClosedBuckets(clock.instant());
        clock.advance(Duration.ofSeconds(1));
        enqueue(Event.APP_STARTED, Severity.INFO, "lifecycle");
        clock.advance(Duration.ofSeconds(1));
        enqueue(Event.HELP_BUTTON, Severity.ERROR, "alert 1");
        clock.advance(Duration.ofSeconds(1));
        enqueue(Event.DEVICE_STATUS, Severity.INFO, "change 2");
        clock.advance(Duration.ofSeconds(1));
        enqueue(Event.SYSTEM_PROBLEM, Severity.WARNING, "alert 2");

        // when
        List<Message> claimed = claimAll().stream().map(this::decode).toList();

        // then
        assertEquals(List.of("alert 1", "alert 2", "lifecycle", "footfall", "change 1", "change 2"),
                claimed.stream().map(SqliteOutboxTest::describe).toList());
    }

    @Test
    void a_claimed_message_stays_until_confirmed_and_is_claimed_again_after_a_failure() {
        // given
        enqueue(Event.HELP_BUTTON, Severity.ERROR, "help");
        PendingMessage first = outbox.claim(10).get(0);

        // when the broker did not acknowledge it
        outbox.fail(Map.of(first.id(), "connection lost before the PUBACK"));
        PendingMessage again = outbox.claim(10).get(0);

        // then it is handed out again, the same message
        assertEquals(first.id(), again.id());
        assertEquals(2, again.attempts());
        assertEquals(decode(first), decode(again));
        assertEquals(1, outbox.depth().rows());

        // and only a confirmation deletes it; a confirmation of an unknown id deletes nothing
        outbox.confirm(List.of(again.id() + 1000));
        assertEquals(1, outbox.depth().rows());
        outbox.confirm(List.of(again.id()));
        assertEquals(0, outbox.depth().rows());
        assertEquals(List.of(), outbox.claim(10));
    }

    @Test
    void a_message_claimed_when_the_kiosk_died_is_claimed_again_after_the_restart() {
        // given a message handed to the broker, and then the kiosk lost power before the PUBACK
        enqueue(Event.HELP_BUTTON, Severity.ERROR, "help");
        PendingMessage handedOver = outbox.claim(10).get(0);
        log.close();

        // when
        reopen(OutboxLimits.DEFAULT);
        List<PendingMessage> claimed = outbox.claim(10);

        // then
        assertEquals(1, claimed.size());
        assertEquals(handedOver.id(), claimed.get(0).id());
        assertEquals(2, claimed.get(0).attempts());
    }

    @Test
    void the_depth_counts_messages_and_bytes_and_names_the_oldest() {
        // given
        enqueue(Event.HELP_BUTTON, Severity.ERROR, "help");
        Instant first = clock.instant();
        clock.advance(Duration.ofMinutes(3));
        enqueue(Event.DEVICE_STATUS, Severity.INFO, "scanner connected");

        // when
        OutboxDepth depth = outbox.depth();
        List<PendingMessage> waiting = outbox.claim(10);

        // then
        assertEquals(2, depth.rows());
        assertEquals(waiting.stream().mapToLong(m -> m.payload().length).sum(), depth.bytes());
        assertEquals(first, depth.oldest());
        assertEquals(OutboxLimits.DEFAULT.maxRows(), depth.maxRows());
        outbox.confirm(waiting.stream().map(PendingMessage::id).toList());
        assertEquals(new OutboxDepth(0, 0, OutboxLimits.DEFAULT.maxRows(), OutboxLimits.DEFAULT.maxBytes(), null),
                outbox.depth());
    }

    // ---- footfall buckets and revisions ----

    @Test
    void a_bucket_is_sent_when_it_ends_with_its_full_counts_as_revision_1() {
        // given
        record("rider", Purpose.CHARGE, BUCKET.plusSeconds(10));
        record(Visit.WALK_IN, Purpose.REST, BUCKET.plusSeconds(20));
        outbox.countEntry(BUCKET.plusSeconds(9));
        outbox.countMeasurement("blood-pressure", BUCKET.plusSeconds(60));
        clock.set(BUCKET_END.minusMillis(1));

        // when
        int beforeTheEnd = outbox.queueClosedBuckets(clock.instant());
        clock.set(BUCKET_END);
        int atTheEnd = outbox.queueClosedBuckets(clock.instant());

        // then
        assertEquals(0, beforeTheEnd);
        assertEquals(1, atTheEnd);
        Footfall sent = onlyFootfall(claimAll());
        assertEquals(BUCKET, sent.bucketStart());
        assertEquals(15, sent.bucketMinutes());
        assertEquals(1, sent.revision());
        assertEquals(new FootfallCounts(Map.of("rider", 1L, "walk-in", 1L), Map.of("charge", 1L, "rest", 1L), 1,
                Map.of("blood-pressure", 1L)), sent.counts());
    }

    @Test
    void measurements_are_sent_by_kind_and_by_category_and_a_late_purpose_change_keeps_the_categories() {
        // given readings counted with and without a category, and a walk-in who chose a purpose after the bucket
        Visit walkIn = record(Visit.WALK_IN, Purpose.OTHER, BUCKET.plusSeconds(5));
        outbox.countMeasurement("blood-pressure", "grade-1", BUCKET.plusSeconds(60));
        outbox.countMeasurement("blood-pressure", "grade-1", BUCKET.plusSeconds(120));
        outbox.countMeasurement("blood-pressure", "isolated-systolic", BUCKET.plusSeconds(180));
        outbox.countMeasurement("weight", BUCKET.plusSeconds(240));
        clock.set(BUCKET_END);
        outbox.queueClosedBuckets(clock.instant());
        Footfall first = onlyFootfall(claimAll());

        // when
        log.changePurpose(walkIn.id(), Purpose.REST);
        outbox.queueClosedBuckets(clock.instant());
        Footfall revised = onlyFootfall(claimAll());

        // then
        Map<String, Long> byCategory = Map.of("blood-pressure:grade-1", 2L, "blood-pressure:isolated-systolic", 1L);
        assertEquals(Map.of("blood-pressure", 3L, "weight", 1L), first.counts().measurementsByKind());
        assertEquals(byCategory, first.counts().measurementsByCategory());
        assertEquals(2, revised.revision());
        assertEquals(Map.of("rest", 1L), revised.counts().checkInsByPurpose());
        assertEquals(byCategory, revised.counts().measurementsByCategory());
    }

    @Test
    void a_measurement_category_that_is_not_a_code_is_refused_before_anything_is_written() {
        assertThrows(IllegalArgumentException.class,
                () -> outbox.countMeasurement("blood-pressure", "Grade 1", BUCKET));

        assertEquals(FootfallCounts.NONE, totalsOfDay());
    }

    @Test
    void a_late_visit_re_sends_its_bucket_with_a_higher_revision_and_the_fleet_counts_it_once() {
        // given a bucket the fleet has received
        FootfallLedger fleet = new FootfallLedger();
        record("rider", Purpose.REST, BUCKET.plusSeconds(10));
        clock.set(BUCKET_END);
        outbox.queueClosedBuckets(clock.instant());
        deliverAll(fleet);

        // when a visit stored late is counted in it (a reading saved late, a clock corrected)
        clock.advance(Duration.ofMinutes(5));
        record("courier", Purpose.CHARGE, BUCKET.plusSeconds(600));
        int queued = outbox.queueClosedBuckets(clock.instant());
        List<Footfall> resent = deliverAll(fleet).stream().map(Footfall.class::cast).toList();

        // then
        assertEquals(1, queued);
        assertEquals(1, resent.size());
        assertEquals(2, resent.get(0).revision());
        assertEquals(Map.of("rider", 1L, "courier", 1L), resent.get(0).counts().checkInsByCategory());
        assertEquals(2, fleet.totals(KIOSK, DAY_1, DAY_2).checkIns());
        assertEquals(totalsOfDay(), fleet.totals(KIOSK, DAY_1, DAY_2));
    }

    @Test
    void a_purpose_chosen_after_the_bucket_was_sent_moves_the_count_in_a_new_revision() {
        // given
        FootfallLedger fleet = new FootfallLedger();
        Visit walkIn = record(Visit.WALK_IN, Purpose.OTHER, BUCKET.plus(Duration.ofMinutes(14)));
        clock.set(BUCKET_END);
        outbox.queueClosedBuckets(clock.instant());
        deliverAll(fleet);

        // when
        clock.advance(Duration.ofMinutes(2));
        log.changePurpose(walkIn.id(), Purpose.REST);
        outbox.queueClosedBuckets(clock.instant());
        deliverAll(fleet);

        // then
        Footfall kept = fleet.bucket(new FootfallKey(KIOSK, BUCKET)).orElseThrow();
        assertEquals(2, kept.revision());
        assertEquals(Map.of("rest", 1L), kept.counts().checkInsByPurpose());
        assertEquals(1, fleet.totals(KIOSK, DAY_1, DAY_2).checkIns());
    }

    @Test
    void changes_to_a_bucket_whose_message_still_waits_replace_that_message() {
        // given a bucket queued while the broker is away
        record("rider", Purpose.REST, BUCKET.plusSeconds(10));
        clock.set(BUCKET_END);
        outbox.queueClosedBuckets(clock.instant());

        // when two late changes come, each after a round
        record("rider", Purpose.REST, BUCKET.plusSeconds(20));
        clock.advance(Duration.ofMinutes(1));
        outbox.queueClosedBuckets(clock.instant());
        outbox.countEntry(BUCKET.plusSeconds(30));
        clock.advance(Duration.ofMinutes(1));
        outbox.queueClosedBuckets(clock.instant());

        // then one message waits, with everything, and each change raised the revision once
        Footfall waiting = onlyFootfall(claimAll());
        assertEquals(3, waiting.revision());
        assertEquals(new FootfallCounts(Map.of("rider", 2L), Map.of("rest", 2L), 1, Map.of()), waiting.counts());
    }

    @Test
    void flushing_sends_the_open_bucket_now_and_again_when_it_ends_if_it_changed() {
        // given
        record("rider", Purpose.REST, BUCKET.plusSeconds(10));
        clock.set(BUCKET.plus(Duration.ofMinutes(5)));
        FootfallLedger fleet = new FootfallLedger();

        // when
        int flushed = outbox.closeCurrentBucket();
        deliverAll(fleet);
        record("rider", Purpose.REST, BUCKET.plus(Duration.ofMinutes(6)));
        clock.set(BUCKET_END);
        int atTheEnd = outbox.queueClosedBuckets(clock.instant());
        List<Message> second = deliverAll(fleet);

        // then
        assertEquals(1, flushed);
        assertEquals(1, atTheEnd);
        assertEquals(2, ((Footfall) second.get(0)).revision());
        assertEquals(2, fleet.totals(KIOSK, DAY_1, DAY_2).checkIns());
    }

    @Test
    void an_unchanged_bucket_is_not_sent_again() {
        // given
        record("rider", Purpose.REST, BUCKET.plusSeconds(10));
        clock.set(BUCKET_END);
        outbox.queueClosedBuckets(clock.instant());
        deliverAll(new FootfallLedger());

        // when
        clock.advance(Duration.ofHours(1));
        int queued = outbox.queueClosedBuckets(clock.instant());

        // then
        assertEquals(0, queued);
        assertEquals(0, outbox.depth().rows());
    }

    // ---- limits ----

    @Test
    void at_its_row_limit_the_outbox_refuses_change_events_but_takes_alerts_lifecycle_and_footfall() {
        // given an outbox at its limit of four messages
        reopen(OutboxLimits.of(4, MIB));
        for (int i = 0; i < 4; i++) {
            assertTrue(enqueue(Event.DEVICE_STATUS, Severity.INFO, "change " + i));
        }
        record("rider", Purpose.REST, BUCKET.plusSeconds(10));

        // when
        boolean change = enqueue(Event.DEVICE_STATUS, Severity.INFO, "one change too many");
        boolean alert = enqueue(Event.CRISIS_READING, Severity.ERROR, "crisis reading");
        boolean lifecycle = enqueue(Event.APP_STARTED, Severity.INFO, "app started");
        clock.set(BUCKET_END);
        int footfall = outbox.queueClosedBuckets(clock.instant());

        // then
        assertFalse(change);
        assertTrue(alert);
        assertTrue(lifecycle);
        assertEquals(1, footfall);
        List<String> waiting = claimAll().stream().map(this::decode).map(SqliteOutboxTest::describe).toList();
        assertFalse(waiting.contains("one change too many"));
        assertTrue(waiting.containsAll(List.of("crisis reading", "app started", "footfall")), waiting.toString());
        assertTrue(outbox.depth().rows() > 4, "alerts, lifecycle and footfall pass the cap");
    }

    @Test
    void at_its_byte_limit_the_outbox_refuses_change_events_but_takes_alerts() {
        // given an outbox with room for a few events' bytes
        reopen(OutboxLimits.of(1000, 1500));
        int taken = 0;
        while (taken < 100 && enqueue(Event.DEVICE_STATUS, Severity.INFO, "scanner connected")) {
            taken++;
        }

        // when
        boolean alert = enqueue(Event.HELP_BUTTON, Severity.ERROR, "help");

        // then
        assertTrue(taken > 0 && taken < 100, "took " + taken);
        long changeBytes = peek().stream().filter(m -> describe(m.message()).equals("scanner connected"))
                .mapToLong(m -> m.bytes()).sum();
        assertTrue(changeBytes <= 1500, changeBytes + " bytes of changes");
        assertTrue(alert);
        assertTrue(peek().stream().anyMatch(m -> describe(m.message()).equals("help")));
    }

    @Test
    void raises_one_near_full_alert_however_full_the_outbox_gets() {
        // given an outbox of ten messages, near full at eight
        reopen(OutboxLimits.of(10, MIB));

        // when far more is offered than it holds
        for (int i = 0; i < 20; i++) {
            enqueue(Event.DEVICE_STATUS, Severity.INFO, "change " + i);
        }
        enqueue(Event.HELP_BUTTON, Severity.ERROR, "help");

        // then
        List<Event> alerts = nearFullAlertsWaiting();
        assertEquals(1, alerts.size());
        assertEquals(Severity.WARNING, alerts.get(0).severity());
        assertEquals(8L, ((Number) alerts.get(0).details().get("rows")).longValue());
        assertEquals(10L, ((Number) alerts.get(0).details().get("maxRows")).longValue());
    }

    @Test
    void raises_the_alert_again_only_after_the_outbox_drained_below_half() {
        // given an outbox that raised its alert at eight changes
        reopen(OutboxLimits.of(10, MIB));
        for (int i = 0; i < 8; i++) {
            enqueue(Event.DEVICE_STATUS, Severity.INFO, "change " + i);
        }
        assertEquals(1, nearFullAlertsWaiting().size());

        // when the alert and two changes are delivered (six left, not below half) and it fills again
        confirmOldest(3);
        assertEquals(6, outbox.depth().rows());
        enqueue(Event.DEVICE_STATUS, Severity.INFO, "refill 1");
        enqueue(Event.DEVICE_STATUS, Severity.INFO, "refill 2");

        // then no second alert
        assertEquals(List.of(), nearFullAlertsWaiting());

        // when it drains to four (below half) and fills again
        confirmOldest(4);
        assertEquals(4, outbox.depth().rows());
        for (int i = 0; i < 4; i++) {
            enqueue(Event.DEVICE_STATUS, Severity.INFO, "refill again " + i);
        }

        // then a second alert
        assertEquals(1, nearFullAlertsWaiting().size());
    }

    // ---- compaction ----

    @Test
    void compaction_merges_old_unsent_quarters_into_hours_and_keeps_the_totals() {
        // given two days of footfall queued while the broker was away, in an outbox near full
        reopen(new OutboxLimits(200, 64 * MIB, 0.8, Duration.ofDays(1)));
        twoDaysOfTraffic();
        clock.set(DAY_3.plusSeconds(5));
        outbox.queueClosedBuckets(clock.instant());
        FootfallCounts kiosk = log.footfallTotals(DAY_1, DAY_3);
        long rowsBefore = outbox.depth().rows();

        // when
        int hours = outbox.compactIfNearFull(clock.instant());

        // then day 1 (ended a day ago) is in hours, day 2 still in quarters, and nothing is lost or added
        assertEquals(24, hours);
        assertEquals(rowsBefore - 96 + 24, outbox.depth().rows());
        FootfallLedger fleet = new FootfallLedger();
        List<Footfall> sent = deliverAll(fleet).stream().filter(Footfall.class::isInstance).map(Footfall.class::cast)
                .toList();
        assertEquals(24, sent.stream().filter(f -> f.bucketStart().isBefore(DAY_2)).count());
        assertTrue(sent.stream().filter(f -> f.bucketStart().isBefore(DAY_2)).allMatch(f -> f.bucketMinutes() == 60
                && f.revision() == 1));
        assertEquals(96, sent.stream().filter(f -> !f.bucketStart().isBefore(DAY_2) && f.bucketMinutes() == 15).count());
        assertEquals(kiosk, log.footfallTotals(DAY_1, DAY_3));
        assertEquals(kiosk, fleet.totals(KIOSK, DAY_1, DAY_3));
        assertEquals(log.footfallTotals(DAY_1, DAY_2), fleet.totals(KIOSK, DAY_1, DAY_2));
    }

    @Test
    void compaction_never_merges_an_hour_with_a_bucket_that_was_handed_to_the_broker() {
        // given two days queued, of which the first bucket reached the fleet and the second was handed over
        // without a PUBACK (it may have reached the fleet too)
        reopen(new OutboxLimits(200, 64 * MIB, 0.8, Duration.ofDays(1)));
        twoDaysOfTraffic();
        clock.set(DAY_3.plusSeconds(5));
        outbox.queueClosedBuckets(clock.instant());
        FootfallLedger fleet = new FootfallLedger();
        List<PendingMessage> batch = outbox.claim(3);
        Event alert = assertInstanceOf(Event.class, decode(batch.get(0)), "the near-full alert drains first");
        Footfall confirmed = assertInstanceOf(Footfall.class, decode(batch.get(1)));
        Footfall unacknowledged = assertInstanceOf(Footfall.class, decode(batch.get(2)));
        fleet.record(KIOSK, confirmed);
        fleet.record(KIOSK, unacknowledged);
        outbox.confirm(List.of(batch.get(0).id(), batch.get(1).id()));
        outbox.fail(Map.of(batch.get(2).id(), "connection lost before the PUBACK"));

        // when
        outbox.compactIfNearFull(clock.instant());

        // then the hour of those two buckets keeps its quarters, and the fleet counts every visit once
        assertEquals(Event.OUTBOX_NEAR_FULL, alert.kind());
        assertEquals(DAY_1, confirmed.bucketStart());
        assertEquals(DAY_1.plus(Duration.ofMinutes(15)), unacknowledged.bucketStart());
        assertEquals(15, bucketCovering(DAY_1.plus(Duration.ofMinutes(20))).minutes());
        assertEquals(15, bucketCovering(DAY_1.plus(Duration.ofMinutes(50))).minutes());
        deliverAll(fleet);
        assertEquals(log.footfallTotals(DAY_1, DAY_3), fleet.totals(KIOSK, DAY_1, DAY_3));
        assertEquals(bucketsOf(DAY_1, DAY_3), fleet.size(), "one kept bucket per kiosk bucket");
    }

    @Test
    void compaction_never_merges_a_bucket_whose_earlier_revision_reached_the_fleet() {
        // given a bucket the fleet received, revised later while the broker was away, among two days of footfall
        reopen(new OutboxLimits(200, 64 * MIB, 0.8, Duration.ofDays(1)));
        FootfallLedger fleet = new FootfallLedger();
        record("rider", Purpose.REST, DAY_1.plus(Duration.ofMinutes(20)));
        clock.set(DAY_1.plus(Duration.ofMinutes(30)));
        outbox.queueClosedBuckets(clock.instant());
        deliverAll(fleet);
        twoDaysOfTraffic();
        clock.set(DAY_3.plusSeconds(5));
        outbox.queueClosedBuckets(clock.instant());

        // when
        int hours = outbox.compactIfNearFull(clock.instant());

        // then its hour keeps its quarters, and the fleet counts every visit once
        assertEquals(23, hours);
        assertEquals(15, bucketCovering(DAY_1.plus(Duration.ofMinutes(20))).minutes());
        deliverAll(fleet);
        assertEquals(log.footfallTotals(DAY_1, DAY_3), fleet.totals(KIOSK, DAY_1, DAY_3));
    }

    @Test
    void compaction_merges_the_hours_whose_buckets_were_never_handed_over_beside_those_that_were() {
        // given two days queued, of which only the first day's first hour was claimed (and failed)
        reopen(new OutboxLimits(200, 64 * MIB, 0.8, Duration.ofDays(1)));
        twoDaysOfTraffic();
        clock.set(DAY_1.plus(Duration.ofHours(1)));
        outbox.queueClosedBuckets(clock.instant());
        List<PendingMessage> firstHour = outbox.claim(100);
        outbox.fail(firstHour.stream().collect(Collectors.toMap(PendingMessage::id, m -> "no PUBACK")));
        clock.set(DAY_3.plusSeconds(5));
        outbox.queueClosedBuckets(clock.instant());

        // when
        int hours = outbox.compactIfNearFull(clock.instant());

        // then
        assertEquals(4, firstHour.size());
        assertEquals(23, hours);
        assertEquals(15, bucketCovering(DAY_1.plus(Duration.ofMinutes(50))).minutes());
        assertEquals(60, bucketCovering(DAY_1.plus(Duration.ofMinutes(70))).minutes());
    }

    @Test
    void a_late_visit_in_a_merged_hour_is_counted_in_the_hour_and_sent_as_its_next_revision() {
        // given a merged day
        reopen(new OutboxLimits(200, 64 * MIB, 0.8, Duration.ofDays(1)));
        twoDaysOfTraffic();
        clock.set(DAY_3.plusSeconds(5));
        outbox.queueClosedBuckets(clock.instant());
        outbox.compactIfNearFull(clock.instant());
        FootfallLedger fleet = new FootfallLedger();
        deliverAll(fleet);
        long before = fleet.totals(KIOSK, DAY_1, DAY_3).checkIns();

        // when
        record("courier", Purpose.SERVICES, DAY_1.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(20)));
        outbox.queueClosedBuckets(clock.instant());
        List<Message> resent = deliverAll(fleet);

        // then
        Footfall hour = (Footfall) resent.get(0);
        assertEquals(DAY_1.plus(Duration.ofHours(5)), hour.bucketStart());
        assertEquals(60, hour.bucketMinutes());
        assertEquals(2, hour.revision());
        assertEquals(before + 1, fleet.totals(KIOSK, DAY_1, DAY_3).checkIns());
        assertEquals(log.footfallTotals(DAY_1, DAY_3), fleet.totals(KIOSK, DAY_1, DAY_3));
    }

    @Test
    void an_outbox_that_is_not_near_full_is_not_compacted() {
        // given
        twoDaysOfTraffic();
        clock.set(DAY_3.plusSeconds(5));
        outbox.queueClosedBuckets(clock.instant());

        // when
        int hours = outbox.compactIfNearFull(clock.instant());

        // then
        assertEquals(0, hours);
        assertEquals(15, bucketCovering(DAY_1.plus(Duration.ofMinutes(70))).minutes());
    }

    // ---- sequence ----

    @Test
    void sequence_numbers_rise_in_the_order_messages_are_made_and_keep_rising_after_a_restart() {
        // given an event, a footfall message, an envelope for a state message and another event, in that order
        enqueue(Event.DEVICE_STATUS, Severity.INFO, "change");
        record("rider", Purpose.REST, BUCKET.plusSeconds(1));
        clock.set(BUCKET_END);
        outbox.queueClosedBuckets(clock.instant());
        long state = outbox.nextEnvelope().seq();
        enqueue(Event.HELP_BUTTON, Severity.ERROR, "help");
        Map<String, Long> seqs = claimAll().stream().map(this::decode)
                .collect(Collectors.toMap(SqliteOutboxTest::describe, m -> m.envelope().seq()));
        log.close();

        // when the kiosk restarts
        reopen(OutboxLimits.DEFAULT);
        long afterRestart = outbox.nextEnvelope().seq();

        // then
        assertEquals(Map.of("change", 1L, "footfall", 2L, "help", 4L), seqs);
        assertEquals(3L, state);
        assertEquals(5L, afterRestart);
    }

    // ---- helpers ----

    /** A message waiting in the outbox, read without claiming it. */
    private record Waiting(Message message, long bytes) {
    }

    /** A visit every quarter of an hour for two days, and an entry and a measurement every hour. */
    private void twoDaysOfTraffic() {
        int n = 0;
        for (Instant at = DAY_1.plusSeconds(60); at.isBefore(DAY_3); at = at.plus(Duration.ofMinutes(15))) {
            record(n++ % 3 == 0 ? Visit.WALK_IN : "rider", n % 2 == 0 ? Purpose.REST : Purpose.CHARGE, at);
            if (at.atZone(ZoneOffset.UTC).getMinute() == 16) {
                outbox.countEntry(at.plusSeconds(1));
                outbox.countMeasurement("blood-pressure", at.plusSeconds(2));
            }
        }
    }

    private void reopen(OutboxLimits limits) {
        log.close();
        log = SqliteVisitLog.open(file);
        outbox = SqliteOutbox.on(log, clock, limits);
    }

    private Visit record(String category, Purpose purpose, Instant at) {
        Visit visit = visit(category, purpose, at);
        log.record(visit);
        return visit;
    }

    private Visit visit(String category, Purpose purpose, Instant at) {
        String id = String.format("01JPA%021d", nextId++);
        return new Visit(id, Visit.WALK_IN.equals(category) ? null : "v-" + id, category, purpose, at);
    }

    private boolean enqueue(String kind, Severity severity, String message) {
        return outbox.enqueue(envelope -> new Event(envelope, kind, severity, message, null, Map.of()));
    }

    /** What waits, in draining order, without claiming it (a claim counts as handed to the broker). */
    private List<Waiting> peek() {
        return log.transaction("peek", c -> {
            List<Waiting> waiting = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT kind, payload FROM outbox ORDER BY priority, created_at_epoch_ms, id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    TopicKind kind = TopicKind.fromSegment(rows.getString(1)).orElseThrow();
                    byte[] payload = rows.getBytes(2);
                    waiting.add(new Waiting(codec.decode(kind, payload).decoded().orElseThrow(), payload.length));
                }
            }
            return waiting;
        });
    }

    private List<Event> nearFullAlertsWaiting() {
        return peek().stream().map(Waiting::message).filter(Event.class::isInstance).map(Event.class::cast)
                .filter(e -> e.kind().equals(Event.OUTBOX_NEAR_FULL)).toList();
    }

    private List<PendingMessage> claimAll() {
        return outbox.claim(100_000);
    }

    private void confirmOldest(long n) {
        List<PendingMessage> oldest = outbox.claim((int) n);
        outbox.confirm(oldest.stream().map(PendingMessage::id).toList());
    }

    /** Claims and confirms everything waiting, feeding footfall to {@code fleet}; returns what was delivered. */
    private List<Message> deliverAll(FootfallLedger fleet) {
        List<Message> delivered = new ArrayList<>();
        for (List<PendingMessage> batch = outbox.claim(64); !batch.isEmpty(); batch = outbox.claim(64)) {
            for (PendingMessage pending : batch) {
                Message message = decode(pending);
                if (message instanceof Footfall) {
                    FootfallLedger.Outcome outcome = fleet.record(KIOSK, (Footfall) message);
                    assertTrue(outcome != FootfallLedger.Outcome.CONFLICT, "a revision reused with other counts");
                }
                delivered.add(message);
            }
            outbox.confirm(batch.stream().map(PendingMessage::id).toList());
        }
        return delivered;
    }

    private Message decode(PendingMessage pending) {
        return codec.decode(pending.kind(), pending.payload()).decoded()
                .orElseThrow(() -> new AssertionError("an undecodable " + pending.kind() + " message"));
    }

    private Footfall onlyFootfall(List<PendingMessage> claimed) {
        List<Message> messages = claimed.stream().map(this::decode).toList();
        assertEquals(1, messages.size(), messages.toString());
        return assertInstanceOf(Footfall.class, messages.get(0));
    }

    private FootfallCounts totalsOfDay() {
        return log.footfallTotals(DAY_1, DAY_2);
    }

    private FootfallBucket bucketCovering(Instant at) {
        return log.transaction("covering", c -> log.footfall().covering(c, at)).orElseThrow();
    }

    private int bucketsOf(Instant from, Instant to) {
        return log.transaction("buckets", c -> log.footfall().startingIn(c, from, to)).size();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String describe(Message message) {
        return message instanceof Event event ? event.message() : "footfall";
    }
}
