package org.yizhan.kiosk.telemetry.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.visitlog.SqliteVisitLog;
import org.yizhan.kiosk.visitlog.Visit;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallLedger;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.Topics;

/**
 * {@link OutboxPublisher} draining a real {@link SqliteOutbox} into a {@link FakeSink}, a broker the test
 * controls: what reaches the broker, in what order, and what stays in the outbox when the broker does not
 * acknowledge.
 */
class OutboxPublisherTest {

    private static final KioskId KIOSK = new KioskId("demo", "kiosk-1");
    private static final Topics TOPICS = Topics.of(KIOSK);
    private static final Instant BUCKET = Instant.parse("2026-03-02T08:15:00Z");
    private static final Instant BUCKET_END = BUCKET.plus(Duration.ofMinutes(15));
    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant NEXT_DAY = DAY.plus(Duration.ofDays(1));
    /** Rounds only when asked ({@link OutboxPublisher#drain}); a short PUBACK timeout; a long backoff. */
    private static final PublisherOptions OPTIONS = new PublisherOptions(8, Duration.ofMillis(300), Duration.ofHours(1),
            Duration.ofMinutes(10), Duration.ofMinutes(10));
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(BUCKET);
    private final List<OutboxPublisher> publishers = new ArrayList<>();
    private SqliteVisitLog log;
    private SqliteOutbox outbox;
    private int nextId;

    @BeforeEach
    void open() {
        log = SqliteVisitLog.open(dir.resolve("kiosk.db"));
        outbox = SqliteOutbox.on(log, clock, OutboxLimits.DEFAULT);
    }

    @AfterEach
    void close() {
        publishers.forEach(OutboxPublisher::close);
        log.close();
    }

    @Test
    void publishes_footfall_and_events_at_qos_1_unretained_to_the_kiosks_topics_and_empties_the_outbox()
            throws Exception {
        // given
        FakeSink broker = new FakeSink(FakeSink.Mode.ACK);
        OutboxPublisher publisher = connected(broker);
        record("rider", Purpose.REST, BUCKET.plusSeconds(10));
        enqueue(Event.HELP_BUTTON, Severity.ERROR, "help");
        clock.set(BUCKET_END);

        // when
        DrainReport report = drain(publisher);

        // then
        assertEquals(1, report.bucketsQueued());
        assertEquals(2, report.published());
        assertEquals(0, report.remaining().rows());
        assertEquals(0, outbox.depth().rows());
        List<FakeSink.Received> received = broker.received();
        assertEquals(List.of(TOPICS.events().toString(), TOPICS.footfall().toString()),
                received.stream().map(FakeSink.Received::topic).toList());
        assertTrue(received.stream().allMatch(r -> r.qos() == 1 && !r.retained()));
    }

    @Test
    void drains_alerts_first_then_lifecycle_footfall_and_changes_each_oldest_first_across_batches() throws Exception {
        // given more messages than a batch holds, made in an order unlike their priorities
        FakeSink broker = new FakeSink(FakeSink.Mode.ACK);
        OutboxPublisher publisher = connected(broker);
        List<String> made = List.of("change 1", "alert 1", "change 2", "lifecycle 1", "alert 2", "change 3",
                "lifecycle 2", "alert 3", "change 4", "alert 4");
        for (String message : made) {
            clock.advance(Duration.ofSeconds(1));
            if (message.startsWith("alert")) {
                enqueue(Event.SYSTEM_PROBLEM, Severity.WARNING, message);
            } else if (message.startsWith("lifecycle")) {
                enqueue(Event.APP_STARTED, Severity.INFO, message);
            } else {
                enqueue(Event.DEVICE_STATUS, Severity.INFO, message);
            }
        }
        record("rider", Purpose.REST, BUCKET.plusSeconds(1));
        record("rider", Purpose.REST, BUCKET_END.plusSeconds(1));
        clock.set(BUCKET_END.plus(Duration.ofMinutes(15)));

        // when
        drain(publisher);

        // then
        List<String> order = broker.messages().stream().map(OutboxPublisherTest::describe).toList();
        assertEquals(List.of("alert 1", "alert 2", "alert 3", "alert 4", "lifecycle 1", "lifecycle 2",
                "footfall " + BUCKET, "footfall " + BUCKET_END, "change 1", "change 2", "change 3", "change 4"), order);
    }

    @Test
    void a_message_the_broker_refused_stays_and_is_sent_on_the_next_round() throws Exception {
        // given a broker that takes nothing
        FakeSink broker = new FakeSink(FakeSink.Mode.FAIL);
        OutboxPublisher publisher = connected(broker);
        enqueue(Event.HELP_BUTTON, Severity.ERROR, "help");

        // when
        DrainReport refused = drain(publisher);

        // then
        assertEquals(0, refused.published());
        assertEquals(1, refused.failed());
        assertEquals(1, refused.remaining().rows());

        // when it takes messages again
        broker.mode(FakeSink.Mode.ACK);
        DrainReport accepted = drain(publisher);

        // then
        assertEquals(1, accepted.published());
        assertEquals(0, outbox.depth().rows());
        assertEquals(List.of("help"), broker.messages().stream().map(OutboxPublisherTest::describe).toList());
    }

    @Test
    void a_message_whose_puback_does_not_come_stays_and_is_sent_again_with_the_same_id() throws Exception {
        // given a broker that takes messages but does not acknowledge them in time
        FakeSink broker = new FakeSink(FakeSink.Mode.HOLD);
        OutboxPublisher publisher = connected(broker);
        enqueue(Event.HELP_BUTTON, Severity.ERROR, "help");

        // when
        DrainReport unacknowledged = drain(publisher);
        broker.mode(FakeSink.Mode.ACK);
        DrainReport again = drain(publisher);

        // then
        assertEquals(1, unacknowledged.failed());
        assertEquals(1, unacknowledged.remaining().rows());
        assertEquals(1, again.published());
        assertEquals(0, outbox.depth().rows());
        List<Message> copies = broker.messages();
        assertEquals(2, copies.size());
        assertEquals(copies.get(0).envelope().id(), copies.get(1).envelope().id());
        assertEquals(copies.get(0).envelope().seq(), copies.get(1).envelope().seq());
    }

    @Test
    void copies_sent_after_lost_pubacks_are_counted_once_by_the_fleet() throws Exception {
        // given a day of visits, and a broker that loses every third PUBACK
        FakeSink broker = new FakeSink(FakeSink.Mode.ACK);
        broker.losePubackEvery(3);
        OutboxPublisher publisher = connected(broker);
        for (Instant at = DAY.plusSeconds(30); at.isBefore(NEXT_DAY); at = at.plus(Duration.ofMinutes(7))) {
            record("rider", Purpose.CHARGE, at);
        }
        clock.set(NEXT_DAY);

        // when
        drainUntilEmpty(publisher);

        // then
        FootfallLedger fleet = new FootfallLedger();
        Map<FootfallLedger.Outcome, Integer> outcomes = new HashMap<>();
        for (Footfall bucket : broker.footfall()) {
            outcomes.merge(fleet.record(KIOSK, bucket), 1, Integer::sum);
        }
        assertEquals(96, outcomes.get(FootfallLedger.Outcome.ADDED));
        assertTrue(outcomes.getOrDefault(FootfallLedger.Outcome.DUPLICATE, 0) > 0, outcomes.toString());
        assertFalse(outcomes.containsKey(FootfallLedger.Outcome.CONFLICT));
        assertEquals(log.footfallTotals(DAY, NEXT_DAY), fleet.totals(KIOSK, DAY, NEXT_DAY));
        assertEquals(0, outbox.depth().rows());
    }

    @Test
    void messages_made_before_the_connection_came_up_are_marked_replayed_and_keep_their_id_seq_and_ts()
            throws Exception {
        // given a message made during an outage
        FakeSink broker = new FakeSink(FakeSink.Mode.ACK);
        OutboxPublisher publisher = publisher(broker);
        enqueue(Event.HELP_BUTTON, Severity.ERROR, "pressed during the outage");
        Event made = (Event) peekOne();

        // when the connection comes up a minute later, and another message is made after that
        clock.advance(Duration.ofMinutes(1));
        publisher.connected();
        clock.advance(Duration.ofSeconds(1));
        enqueue(Event.HELP_BUTTON, Severity.ERROR, "pressed while connected");
        DrainReport report = drain(publisher);

        // then
        assertEquals(2, report.published());
        assertEquals(1, report.replayed());
        Map<String, Event> received = new HashMap<>();
        broker.messages().forEach(m -> received.put(((Event) m).message(), (Event) m));
        Event replayed = received.get("pressed during the outage");
        assertTrue(replayed.envelope().replayed());
        assertEquals(made.envelope().id(), replayed.envelope().id());
        assertEquals(made.envelope().seq(), replayed.envelope().seq());
        assertEquals(made.envelope().ts(), replayed.envelope().ts());
        assertEquals(made.details(), replayed.details());
        assertFalse(received.get("pressed while connected").envelope().replayed());
    }

    @Test
    void while_disconnected_a_round_queues_ended_buckets_but_publishes_nothing() throws Exception {
        // given
        FakeSink broker = new FakeSink(FakeSink.Mode.ACK);
        OutboxPublisher publisher = publisher(broker);
        record("rider", Purpose.REST, BUCKET.plusSeconds(10));
        clock.set(BUCKET_END);

        // when
        DrainReport offline = drain(publisher);

        // then
        assertEquals(1, offline.bucketsQueued());
        assertEquals(0, offline.published());
        assertEquals(1, offline.remaining().rows());
        assertEquals(0, broker.calls());

        // and after a connection that comes and goes, nothing is sent either
        publisher.connected();
        publisher.disconnected();
        assertFalse(publisher.isConnected());
        assertEquals(0, drain(publisher).published());
        assertEquals(0, broker.calls());
    }

    @Test
    void a_late_visit_re_sends_its_bucket_with_a_higher_revision_and_the_fleet_keeps_the_new_counts()
            throws Exception {
        // given a bucket the fleet has received
        FakeSink broker = new FakeSink(FakeSink.Mode.ACK);
        OutboxPublisher publisher = connected(broker);
        record("rider", Purpose.REST, BUCKET.plusSeconds(10));
        clock.set(BUCKET_END);
        drain(publisher);

        // when a late visit is stored in it, and the broker re-delivers the first revision afterwards
        clock.advance(Duration.ofMinutes(2));
        record(Visit.WALK_IN, Purpose.HEALTH, BUCKET.plusSeconds(500));
        DrainReport report = drain(publisher);
        FootfallLedger fleet = new FootfallLedger();
        List<Footfall> sent = broker.footfall();
        List<FootfallLedger.Outcome> outcomes = new ArrayList<>();
        for (Footfall bucket : List.of(sent.get(0), sent.get(1), sent.get(0))) {
            outcomes.add(fleet.record(KIOSK, bucket));
        }

        // then
        assertEquals(1, report.bucketsQueued());
        assertEquals(List.of(1, 2), sent.stream().map(Footfall::revision).toList());
        assertEquals(List.of(FootfallLedger.Outcome.ADDED, FootfallLedger.Outcome.SUPERSEDED,
                FootfallLedger.Outcome.STALE), outcomes);
        assertEquals(2, fleet.totals(KIOSK, DAY, NEXT_DAY).checkIns());
        assertEquals(1, fleet.totals(KIOSK, DAY, NEXT_DAY).walkIns());
    }

    @Test
    void a_bucket_revised_while_its_message_is_in_flight_is_sent_again_after_the_old_puback() throws Exception {
        // given a bucket's first revision handed to a broker that has not acknowledged it yet
        FakeSink broker = new FakeSink(FakeSink.Mode.HOLD);
        OutboxPublisher publisher = publisher(broker, new PublisherOptions(8, Duration.ofSeconds(30),
                Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(10)));
        publisher.connected();
        record("rider", Purpose.REST, BUCKET.plusSeconds(10));
        clock.set(BUCKET_END);
        CompletableFuture<DrainReport> inFlight = publisher.drain();
        await(() -> broker.received().size() == 1, "the first revision handed to the broker");

        // when a late visit revises the bucket meanwhile, and then the PUBACK for the first revision comes
        record("rider", Purpose.REST, BUCKET.plusSeconds(20));
        outbox.queueClosedBuckets(clock.instant());
        broker.mode(FakeSink.Mode.ACK);
        broker.release();
        inFlight.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        drainUntilEmpty(publisher);

        // then the first PUBACK did not delete the second revision: the fleet gets both, and keeps the second
        List<Footfall> sent = broker.footfall();
        assertEquals(List.of(1, 2), sent.stream().map(Footfall::revision).toList());
        FootfallLedger fleet = new FootfallLedger();
        sent.forEach(bucket -> fleet.record(KIOSK, bucket));
        assertEquals(2, fleet.totals(KIOSK, DAY, NEXT_DAY).checkIns());
        assertEquals(log.footfallTotals(DAY, NEXT_DAY), fleet.totals(KIOSK, DAY, NEXT_DAY));
    }

    @Test
    void a_reconnect_ends_the_backoff_and_publishes_at_once() throws Exception {
        // given a started publisher whose broker refused everything, so that it backs off for ten minutes
        FakeSink broker = new FakeSink(FakeSink.Mode.FAIL);
        OutboxPublisher publisher = connected(broker);
        enqueue(Event.HELP_BUTTON, Severity.ERROR, "help");
        publisher.start();
        await(() -> broker.calls() >= 1, "a first, refused attempt");

        // when the broker takes messages again and the connection comes up
        broker.mode(FakeSink.Mode.ACK);
        publisher.connected();

        // then
        await(() -> outbox.depth().rows() == 0, "the outbox drained after the reconnect");
        assertEquals(List.of("help"), broker.messages().stream().map(OutboxPublisherTest::describe).toList());
    }

    @Test
    void a_started_publisher_sends_an_event_when_woken() throws Exception {
        // given
        FakeSink broker = new FakeSink(FakeSink.Mode.ACK);
        OutboxPublisher publisher = connected(broker);
        publisher.start();

        // when
        enqueue(Event.CRISIS_READING, Severity.ERROR, "crisis reading");
        publisher.wake();

        // then
        await(() -> outbox.depth().rows() == 0, "the event published");
        assertEquals(List.of("crisis reading"), broker.messages().stream().map(OutboxPublisherTest::describe).toList());
    }

    @Test
    void closing_stops_a_round_that_waits_for_pubacks_and_keeps_its_messages() throws Exception {
        // given a round waiting for PUBACKs that will not come for half a minute
        FakeSink broker = new FakeSink(FakeSink.Mode.HOLD);
        OutboxPublisher publisher = publisher(broker, new PublisherOptions(8, Duration.ofSeconds(30),
                Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(10)));
        publisher.connected();
        enqueue(Event.HELP_BUTTON, Severity.ERROR, "help");
        CompletableFuture<DrainReport> waiting = publisher.drain();
        await(() -> broker.received().size() == 1, "the message handed to the broker");

        // when
        long start = System.nanoTime();
        publisher.close();
        long closing = System.nanoTime() - start;

        // then the round ended without deleting the message, and a new publisher sends it
        assertTrue(closing < Duration.ofSeconds(20).toNanos(), "close took " + closing / 1_000_000 + " ms");
        DrainReport stopped = waiting.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertEquals(0, stopped.published());
        assertEquals(1, outbox.depth().rows());
        ExecutionException closed = assertThrows(ExecutionException.class,
                () -> publisher.drain().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
        assertTrue(closed.getCause() instanceof IllegalStateException, closed.getCause().toString());
        FakeSink later = new FakeSink(FakeSink.Mode.ACK);
        drain(connected(later));
        assertEquals(List.of("help"), later.messages().stream().map(OutboxPublisherTest::describe).toList());
    }

    @Test
    void a_round_compacts_a_near_full_outbox_before_publishing() throws Exception {
        // given two days of footfall queued offline into a small outbox
        outbox = SqliteOutbox.on(log, clock, new OutboxLimits(150, 64L * 1024 * 1024, 0.8, Duration.ofDays(1)));
        FakeSink broker = new FakeSink(FakeSink.Mode.ACK);
        OutboxPublisher publisher = publisher(broker);
        for (Instant at = DAY.plusSeconds(30); at.isBefore(NEXT_DAY.plus(Duration.ofDays(1)));
             at = at.plus(Duration.ofMinutes(15))) {
            record("courier", Purpose.SERVICES, at);
        }
        clock.set(NEXT_DAY.plus(Duration.ofDays(1)));
        DrainReport offline = drain(publisher);

        // when
        publisher.connected();
        drainUntilEmpty(publisher);

        // then
        assertEquals(192, offline.bucketsQueued());
        assertEquals(24, offline.hoursMerged());
        FootfallLedger fleet = new FootfallLedger();
        broker.footfall().forEach(bucket -> fleet.record(KIOSK, bucket));
        assertEquals(24 + 96, fleet.size());
        assertEquals(192, fleet.totals(KIOSK, DAY, clock.instant()).checkIns());
        long alerts = broker.messages().stream().filter(m -> m instanceof Event e
                && e.kind().equals(Event.OUTBOX_NEAR_FULL)).count();
        assertEquals(1, alerts);
    }

    // ---- helpers ----

    private OutboxPublisher publisher(OutboxSink sink) {
        return publisher(sink, OPTIONS);
    }

    private OutboxPublisher publisher(OutboxSink sink, PublisherOptions options) {
        OutboxPublisher publisher = new OutboxPublisher(outbox, sink, KIOSK, clock, options);
        publishers.add(publisher);
        return publisher;
    }

    private OutboxPublisher connected(OutboxSink sink) {
        OutboxPublisher publisher = publisher(sink);
        publisher.connected();
        return publisher;
    }

    private static DrainReport drain(OutboxPublisher publisher) throws Exception {
        return publisher.drain().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void drainUntilEmpty(OutboxPublisher publisher) throws Exception {
        for (int round = 0; round < 100; round++) {
            if (drain(publisher).remaining().rows() == 0) {
                return;
            }
        }
        fail("the outbox did not drain in 100 rounds: " + outbox.depth());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("no " + what + " within " + PATIENCE);
            }
            Thread.sleep(10);
        }
    }

    private void record(String category, Purpose purpose, Instant at) {
        String id = String.format("01JPB%021d", nextId++);
        log.record(new Visit(id, Visit.WALK_IN.equals(category) ? null : "v-" + id, category, purpose, at));
    }

    private void enqueue(String kind, Severity severity, String message) {
        assertTrue(outbox.enqueue(envelope -> new Event(envelope, kind, severity, message, null,
                Map.of("made", message))));
    }

    /** The one message waiting, read by claiming and failing it: a claim that reached nobody. */
    private Message peekOne() {
        List<PendingMessage> claimed = outbox.claim(10);
        assertEquals(1, claimed.size());
        outbox.fail(Map.of(claimed.get(0).id(), "only looked at"));
        return new FakeSink.Received(TOPICS.events().toString(), claimed.get(0).payload(), 1, false).message();
    }

    private static String describe(Message message) {
        return message instanceof Event event ? event.message() : "footfall " + ((Footfall) message).bucketStart();
    }
}
