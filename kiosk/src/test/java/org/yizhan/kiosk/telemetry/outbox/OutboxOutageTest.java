package org.yizhan.kiosk.telemetry.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.telemetry.ConnectionEvent;
import org.yizhan.kiosk.telemetry.ConnectionListener;
import org.yizhan.kiosk.telemetry.KioskBirth;
import org.yizhan.kiosk.telemetry.MqttConfig;
import org.yizhan.kiosk.telemetry.ReconnectBackoff;
import org.yizhan.kiosk.telemetry.mqtt.PahoMqttTransport;
import org.yizhan.kiosk.visitlog.FootfallBucket;
import org.yizhan.kiosk.visitlog.SqliteVisitLog;
import org.yizhan.kiosk.visitlog.Visit;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.footfall.FootfallLedger;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.state.BirthSequence;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.testsupport.mqtt.EmbeddedTestBroker;
import org.yizhan.testsupport.mqtt.TcpRelay;

/**
 * The outbox's promise end to end: a kiosk that loses its broker for a week of traffic and then gets it back
 * delivers every footfall bucket, and the fleet, counting by the documented rule ({@link FootfallLedger}),
 * ends with exactly the kiosk's own totals although some messages reach it twice.
 *
 * <p>Everything is real except the clock: {@link SqliteVisitLog} and {@link SqliteOutbox} in a file,
 * {@link OutboxPublisher}, {@link PahoMqttTransport} over TCP to an embedded HiveMQ CE broker through a
 * {@link TcpRelay} that the test takes down and cuts, and a fleet subscriber on the broker. The kiosk clock is
 * simulated, so a week of traffic (about 900 check-ins a day, entries, measurements, late purpose choices,
 * events) takes seconds; the publisher runs a round every simulated quarter of an hour, as its poll would.
 */
class OutboxOutageTest {

    private static final KioskId KIOSK = new KioskId("demo", "kiosk-outage");
    private static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
    /** The broker is lost just after the round that sent the 01:45 bucket. */
    private static final Instant OUTAGE = MONDAY.plus(Duration.ofHours(2)).plusSeconds(30);
    /** The last visit is made a week after the outage began. */
    private static final Instant TRAFFIC_END = MONDAY.plus(Duration.ofDays(7)).plus(Duration.ofHours(2));
    private static final int CHECK_INS_PER_DAY = 900;
    /** Visits per hour of the day, relative: the window is open all night, busiest mornings and evenings. */
    private static final int[] HOURLY = {3, 2, 2, 1, 1, 2, 4, 7, 8, 6, 5, 5, 6, 5, 5, 5, 6, 7, 8, 7, 6, 5, 4, 3};
    /** Small enough for a week to fill it: old days are compacted into hours and the near-full alert is raised. */
    private static final OutboxLimits LIMITS = new OutboxLimits(300, 64L * 1024 * 1024, 0.8, Duration.ofDays(1));
    private static final ReconnectBackoff FAST = new ReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    static Path brokerDir;
    private static EmbeddedTestBroker broker;

    @TempDir
    Path data;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedTestBroker.start(brokerDir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void after_a_week_without_the_broker_every_bucket_arrives_and_the_fleet_counts_what_the_kiosk_counted()
            throws Exception {
        // given a kiosk connected to the broker through a link the test controls, and the fleet watching
        SettableClock clock = new SettableClock(MONDAY);
        SqliteVisitLog log = open(SqliteVisitLog.open(data.resolve("kiosk.db")));
        SqliteOutbox outbox = SqliteOutbox.on(log, clock, LIMITS);
        FleetSubscriber fleet = open(FleetSubscriber.watching(broker.url(), KIOSK));
        TcpRelay link = open(new TcpRelay(broker.port()).listen());
        PahoMqttTransport transport = new PahoMqttTransport(MqttConfig.plain(link.url()).withReconnect(FAST), KIOSK,
                new OutboxBirth(outbox));
        OutboxPublisher publisher = new OutboxPublisher(outbox, transport::publish, KIOSK, clock,
                PublisherOptions.DEFAULT);
        opened.add(0, publisher);
        Connections connections = new Connections(publisher);
        transport.addConnectionListener(connections);
        opened.add(0, transport);
        transport.start();
        connections.next(ConnectionEvent.Connected.class);
        Week week = new Week(log, outbox, publisher, clock);

        // when the kiosk works two hours with the broker
        week.runUntil(OUTAGE);
        int beforeTheOutage = fleet.received();
        List<FleetSubscriber.Arrival> sentWhileConnected = fleet.arrivals();

        // and then a week without it
        link.down();
        connections.next(ConnectionEvent.Disconnected.class);
        week.runUntil(TRAFFIC_END);
        week.round(TRAFFIC_END.plusSeconds(5));
        long backlog = outbox.depth().rows();
        assertEquals(beforeTheOutage, fleet.received(), "nothing can reach the fleet during the outage");

        // and the broker is back, and half-way through the drain the link drops, with the PUBACKs of the
        // messages in flight lost: the broker passed those on, and the kiosk sends them again
        clock.set(TRAFFIC_END.plus(Duration.ofMinutes(1)));
        fleet.whenReceived(beforeTheOutage + (int) backlog / 2, link::holdReplies);
        link.listen();
        connections.next(ConnectionEvent.Connected.class);
        CompletableFuture<DrainReport> firstDrain = publisher.drain();
        fleet.await(f -> f.received() >= beforeTheOutage + backlog / 2, PATIENCE, "half the backlog");
        fleet.awaitQuiet(Duration.ofMillis(300), PATIENCE);
        link.cut();
        link.releaseReplies();
        firstDrain.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        drainUntilEmpty(publisher, outbox);

        // then every bucket the kiosk holds arrives, as the kiosk holds it
        List<FootfallBucket> kioskBuckets = log.transaction("buckets",
                c -> log.footfall().startingIn(c, MONDAY, TRAFFIC_END));
        fleet.await(f -> kioskBuckets.stream().allMatch(b -> f.bucket(b.start())
                        .filter(sent -> sent.counts().equals(b.counts()) && sent.bucketMinutes() == b.minutes())
                        .isPresent()),
                PATIENCE, "every bucket the kiosk counted");
        assertEquals(kioskBuckets.size(), fleet.buckets(), "no bucket the kiosk does not hold");

        // and the fleet's totals are the kiosk's own, which are what happened
        FootfallCounts kiosk = log.footfallTotals(MONDAY, TRAFFIC_END);
        assertEquals(week.happened(), kiosk);
        assertEquals(kiosk, fleet.totals(MONDAY, TRAFFIC_END));
        assertEquals(week.checkIns(), kiosk.checkIns());
        assertTrue(kiosk.checkIns() >= 7 * CHECK_INS_PER_DAY * 95 / 100, kiosk.checkIns() + " check-ins");

        // and nothing was counted twice although copies arrived, and a late change superseded what was sent
        assertTrue(fleet.outcomes(FootfallLedger.Outcome.DUPLICATE) > 0, "copies: " + fleet.outcomes());
        assertTrue(fleet.outcomes(FootfallLedger.Outcome.SUPERSEDED) > 0, "revisions: " + fleet.outcomes());
        assertEquals(0, fleet.outcomes(FootfallLedger.Outcome.CONFLICT), fleet.outcomes().toString());
        assertEquals(List.of(), fleet.undecodable());

        // and the full outbox merged old days into hours instead of dropping them, and said it was near full
        assertTrue(kioskBuckets.stream().anyMatch(b -> b.minutes() == 60), "compaction");
        List<Event> events = fleet.arrivals().stream().map(FleetSubscriber.Arrival::message)
                .filter(Event.class::isInstance).map(Event.class::cast).toList();
        assertTrue(events.stream().anyMatch(e -> e.kind().equals(Event.OUTBOX_NEAR_FULL)), "the near-full alert");

        // and every event the kiosk queued arrived
        Set<String> eventIds = events.stream().map(e -> e.envelope().id()).collect(Collectors.toSet());
        assertTrue(eventIds.containsAll(week.eventIds()), "events lost: " + week.eventIds().stream()
                .filter(id -> !eventIds.contains(id)).toList());

        // and what waited through the outage says so; what was sent while connected does not
        List<FleetSubscriber.Arrival> arrivals = fleet.arrivals();
        List<FleetSubscriber.Arrival> afterTheOutage = arrivals.subList(beforeTheOutage, arrivals.size());
        assertFalse(sentWhileConnected.isEmpty());
        assertTrue(sentWhileConnected.stream().noneMatch(a -> a.message().envelope().replayed()));
        assertTrue(afterTheOutage.stream().allMatch(a -> a.message().envelope().replayed()),
                "not marked replayed: " + afterTheOutage.stream().filter(a -> !a.message().envelope().replayed())
                        .map(a -> a.kind() + " " + a.message().envelope().ts()).limit(5).toList());
    }

    private static void drainUntilEmpty(OutboxPublisher publisher, SqliteOutbox outbox) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (outbox.depth().rows() > 0) {
            if (System.nanoTime() > deadline) {
                fail("the outbox did not drain within " + PATIENCE + ": " + outbox.depth());
            }
            if (publisher.isConnected()) {
                publisher.drain().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                Thread.sleep(20);
            }
        }
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(0, closeable);
        return closeable;
    }

    /**
     * A week of a kiosk's life on the simulated clock: what visitors and devices do, in time order, with a
     * publisher round five seconds after every quarter of an hour. It keeps its own tally of what happened.
     */
    private static final class Week {

        private static final String[] CATEGORIES = {"rider", "rider", "rider", "courier", "courier", "resident",
            "resident", "visitor", "staff", Visit.WALK_IN, Visit.WALK_IN};
        private static final Purpose[] PURPOSES = {Purpose.REST, Purpose.REST, Purpose.CHARGE, Purpose.CHARGE,
            Purpose.HEALTH, Purpose.ACTIVITY, Purpose.SERVICES, Purpose.OTHER};
        private static final Duration ROUNDS = Duration.ofMinutes(15);

        private final SqliteVisitLog log;
        private final SqliteOutbox outbox;
        private final OutboxPublisher publisher;
        private final SettableClock clock;
        private final PriorityQueue<Action> actions = new PriorityQueue<>(
                Comparator.comparing(Action::at).thenComparingLong(Action::order));
        private final Map<String, Purpose> purposes = new TreeMap<>();
        private final Map<String, String> categories = new TreeMap<>();
        private final List<String> eventIds = new ArrayList<>();
        private long entries;
        private final Map<String, Long> measurements = new TreeMap<>();
        private Instant nextRound = MONDAY.plus(ROUNDS).plusSeconds(5);
        private long order;
        private int ids;

        Week(SqliteVisitLog log, SqliteOutbox outbox, OutboxPublisher publisher, SettableClock clock) {
            this.log = log;
            this.outbox = outbox;
            this.publisher = publisher;
            this.clock = clock;
            plan(new Random(20260302));
        }

        /** Everything that happens before {@code end}, with the rounds due by then. */
        void runUntil(Instant end) throws Exception {
            while (!actions.isEmpty() && actions.peek().at().isBefore(end)) {
                Action next = actions.poll();
                roundsUntil(next.at());
                clock.set(next.at());
                next.run().run();
            }
            roundsUntil(end);
            clock.set(end);
        }

        /** One publisher round at {@code at}, as the kiosk's poll would run it. */
        void round(Instant at) throws Exception {
            clock.set(at);
            publisher.drain().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** What happened, in the shape of the footfall counts. */
        FootfallCounts happened() {
            Map<String, Long> byCategory = categories.values().stream()
                    .collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
            Map<String, Long> byPurpose = purposes.values().stream()
                    .collect(Collectors.groupingBy(Purpose::code, TreeMap::new, Collectors.counting()));
            return new FootfallCounts(byCategory, byPurpose, entries, measurements);
        }

        long checkIns() {
            return categories.size();
        }

        List<String> eventIds() {
            return eventIds;
        }

        private void roundsUntil(Instant at) throws Exception {
            while (!nextRound.isAfter(at)) {
                round(nextRound);
                nextRound = nextRound.plus(ROUNDS);
            }
        }

        private void plan(Random random) {
            int weights = 0;
            for (int weight : HOURLY) {
                weights += weight;
            }
            for (Instant day = MONDAY; day.isBefore(TRAFFIC_END); day = day.plus(Duration.ofDays(1))) {
                for (int hour = 0; hour < 24; hour++) {
                    Instant from = day.plus(Duration.ofHours(hour));
                    int visits = Math.round((float) CHECK_INS_PER_DAY * HOURLY[hour] / weights);
                    for (int i = 0; i < visits; i++) {
                        Instant at = from.plusMillis(random.nextInt(3_600_000));
                        if (at.isBefore(TRAFFIC_END)) {
                            planVisit(random, at);
                        }
                    }
                }
                planEvents(random, day);
            }
            // A walk-in who chose the purpose after the bucket was sent, just as the broker went away.
            String walkIn = id();
            at(OUTAGE.minus(Duration.ofMinutes(3)), () -> visit(walkIn, Visit.WALK_IN, Purpose.OTHER));
            at(OUTAGE.plus(Duration.ofMinutes(2)), () -> changePurpose(walkIn, Purpose.REST));
        }

        private void planVisit(Random random, Instant at) {
            String id = id();
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            Purpose purpose = PURPOSES[random.nextInt(PURPOSES.length)];
            if (random.nextInt(100) < 15 && !at.minusSeconds(8).isBefore(MONDAY)) {
                at(at.minusSeconds(8), this::entry);
            }
            at(at, () -> visit(id, category, purpose));
            if (purpose == Purpose.HEALTH) {
                at(at.plus(Duration.ofMinutes(2)), () -> measurement("blood-pressure"));
                if (random.nextInt(10) == 0) {
                    at(at.plus(Duration.ofMinutes(3)), () -> measurement("weight"));
                }
            }
            if (Visit.WALK_IN.equals(category) && random.nextInt(100) < 5) {
                // chosen on the screen minutes later, often after the bucket ended
                Purpose chosen = PURPOSES[random.nextInt(PURPOSES.length)];
                at(at.plusSeconds(60 + random.nextInt(240)), () -> changePurpose(id, chosen));
            }
        }

        private void planEvents(Random random, Instant day) {
            at(day.plus(Duration.ofHours(3)).plusSeconds(random.nextInt(600)),
                    () -> event(Event.DEVICE_STATUS, Severity.WARNING, "scanner is degraded"));
            at(day.plus(Duration.ofHours(3)).plusSeconds(900 + random.nextInt(600)),
                    () -> event(Event.DEVICE_STATUS, Severity.INFO, "scanner is connected"));
            at(day.plus(Duration.ofHours(14)).plusSeconds(random.nextInt(3600)),
                    () -> event(Event.HELP_BUTTON, Severity.ERROR, "help button pressed"));
            if (day.equals(MONDAY.plus(Duration.ofDays(3)))) {
                at(day.plus(Duration.ofHours(4)), () -> event(Event.APP_STARTED, Severity.INFO, "app started"));
            }
        }

        private void visit(String id, String category, Purpose purpose) {
            Instant at = clock.instant();
            log.record(new Visit(id, Visit.WALK_IN.equals(category) ? null : "v-" + id, category, purpose, at));
            categories.put(id, category);
            purposes.put(id, purpose);
        }

        private void changePurpose(String id, Purpose purpose) {
            assertTrue(log.changePurpose(id, purpose));
            purposes.put(id, purpose);
        }

        private void entry() {
            outbox.countEntry(clock.instant());
            entries++;
        }

        private void measurement(String kind) {
            outbox.countMeasurement(kind, clock.instant());
            measurements.merge(kind, 1L, Long::sum);
        }

        private void event(String kind, Severity severity, String message) {
            List<String> made = new ArrayList<>();
            boolean taken = outbox.enqueue(envelope -> {
                made.add(envelope.id());
                return new Event(envelope, kind, severity, message, "scanner", Map.of());
            });
            if (taken) {
                eventIds.addAll(made);
            }
        }

        private void at(Instant at, Runnable action) {
            actions.add(new Action(at, order++, action));
        }

        private String id() {
            return String.format("01JPC%021d", ids++);
        }

        private record Action(Instant at, long order, Runnable run) {
        }
    }

    /** The kiosk's side of a connect: birth sequences in memory, envelopes from the outbox's sequence. */
    private static final class OutboxBirth implements KioskBirth {

        private final Outbox outbox;
        private long last;

        OutboxBirth(Outbox outbox) {
            this.outbox = outbox;
        }

        @Override
        public synchronized long nextBirthSequence() {
            last = BirthSequence.next(last, Instant.now());
            return last;
        }

        @Override
        public Envelope nextEnvelope() {
            return outbox.nextEnvelope();
        }

        @Override
        public byte[] birthPayload(long birthSeq) {
            return ("{\"birthSeq\":" + birthSeq + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Tells the publisher when the connection comes and goes, as the kiosk's wiring does, and records it. */
    private static final class Connections implements ConnectionListener {

        private final OutboxPublisher publisher;
        private final BlockingQueue<ConnectionEvent> events = new LinkedBlockingQueue<>();
        private final List<ConnectionEvent> seen = new CopyOnWriteArrayList<>();

        Connections(OutboxPublisher publisher) {
            this.publisher = publisher;
        }

        @Override
        public void connectionChanged(ConnectionEvent event) {
            if (event instanceof ConnectionEvent.Connected) {
                publisher.connected();
            } else if (event instanceof ConnectionEvent.Disconnected) {
                publisher.disconnected();
            }
            events.add(event);
        }

        /** The next event of {@code type}, skipping others. */
        <T extends ConnectionEvent> T next(Class<T> type) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                ConnectionEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event == null) {
                    return fail("no " + type.getSimpleName() + " within " + PATIENCE + "; before it: " + seen);
                }
                if (type.isInstance(event)) {
                    return type.cast(event);
                }
                seen.add(event);
            }
        }
    }
}
