package org.yizhan.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.kiosk.telemetry.ConnectionEvent;
import org.yizhan.kiosk.telemetry.KioskBirth;
import org.yizhan.kiosk.telemetry.MqttConfig;
import org.yizhan.kiosk.telemetry.mqtt.PahoMqttTransport;
import org.yizhan.kiosk.telemetry.outbox.DrainReport;
import org.yizhan.kiosk.telemetry.outbox.OutboxLimits;
import org.yizhan.kiosk.telemetry.outbox.OutboxPublisher;
import org.yizhan.kiosk.telemetry.outbox.PublisherOptions;
import org.yizhan.kiosk.telemetry.outbox.SqliteOutbox;
import org.yizhan.kiosk.visitlog.SqliteVisitLog;
import org.yizhan.kiosk.visitlog.Visit;
import org.yizhan.launcher.broker.EmbeddedBroker;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.health.OutboxDepth;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.state.BirthSequence;
import org.yizhan.protocol.topic.KioskId;

/**
 * The outbox's drain after an outage: a kiosk database filled, on a simulated clock, with {@code days} of
 * traffic the broker never saw ({@code perDay} check-ins a day spread over the day and night, some entries
 * sensed, a measurement per health visit, a few events a day), then drained by the kiosk's own
 * {@link OutboxPublisher} through a {@link PahoMqttTransport} to an embedded HiveMQ CE broker on 127.0.0.1,
 * with the default publisher options and durable ({@code synchronous=FULL}) deletes. Timed from the
 * connection being up to the outbox being empty, i.e. to the last PUBACK's row deleted.
 */
final class OutboxDrainBenchmark {

    /** What was waiting, and how long draining it took. */
    record Result(long messages, long footfall, long bytes, Duration fill, Duration drain, int rounds,
                  long replayed) {

        double messagesPerSecond() {
            return messages / seconds(drain);
        }

        double kilobytesPerSecond() {
            return bytes / 1024.0 / seconds(drain);
        }

        static double seconds(Duration duration) {
            return Math.max(duration.toNanos(), 1) / 1e9;
        }
    }

    private static final KioskId KIOSK = new KioskId("bench", "kiosk-1");
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    /** Check-ins per hour of the day, relative: open all night, busiest mornings and evenings. */
    private static final int[] HOURLY = {3, 2, 2, 1, 1, 2, 4, 7, 8, 6, 5, 5, 6, 5, 5, 5, 6, 7, 8, 7, 6, 5, 4, 3};
    private static final String[] CATEGORIES = {"rider", "rider", "rider", "courier", "courier", "resident",
        "resident", "visitor", "staff", Visit.WALK_IN, Visit.WALK_IN};
    private static final Purpose[] PURPOSES = {Purpose.REST, Purpose.REST, Purpose.CHARGE, Purpose.CHARGE,
        Purpose.HEALTH, Purpose.ACTIVITY, Purpose.SERVICES, Purpose.OTHER};
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Path dataDir;
    private final int days;
    private final int perDay;

    OutboxDrainBenchmark(Path dataDir, int days, int perDay) {
        this.dataDir = dataDir;
        this.days = days;
        this.perDay = perDay;
    }

    Result run() throws Exception {
        ManualClock clock = new ManualClock(START);
        try (SqliteVisitLog log = SqliteVisitLog.open(dataDir.resolve("kiosk.db"))) {
            SqliteOutbox outbox = SqliteOutbox.on(log, clock, OutboxLimits.DEFAULT);
            long fillStart = System.nanoTime();
            Instant end = fill(log, outbox, clock);
            clock.set(end);
            outbox.queueClosedBuckets(end);
            Duration fill = Duration.ofNanos(System.nanoTime() - fillStart);
            OutboxDepth backlog = outbox.depth();
            long footfall = log.transaction("bench", c -> log.footfall().startingIn(c, START, end)).size();

            // The broker is back a minute after the last bucket ended.
            clock.set(end.plus(Duration.ofMinutes(1)));
            try (EmbeddedBroker broker = EmbeddedBroker.start(0)) {
                PahoMqttTransport transport = new PahoMqttTransport(MqttConfig.plain(broker.url()), KIOSK,
                        new Birth(outbox));
                try (transport; OutboxPublisher publisher = new OutboxPublisher(outbox, transport::publish, KIOSK,
                        clock, PublisherOptions.DEFAULT)) {
                    CountDownLatch up = new CountDownLatch(1);
                    transport.addConnectionListener(event -> {
                        if (event instanceof ConnectionEvent.Connected) {
                            publisher.connected();
                            up.countDown();
                        } else if (event instanceof ConnectionEvent.Disconnected) {
                            publisher.disconnected();
                        }
                    });
                    transport.start();
                    if (!up.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the kiosk did not connect to " + broker.url());
                    }
                    long drainStart = System.nanoTime();
                    int rounds = 0;
                    long replayed = 0;
                    long published = 0;
                    for (DrainReport report = null; report == null || report.remaining().rows() > 0; ) {
                        report = publisher.drain().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                        rounds++;
                        replayed += report.replayed();
                        published += report.published();
                        if (report.published() == 0 && report.remaining().rows() > 0) {
                            throw new IllegalStateException("the broker took nothing in round " + rounds + ": "
                                    + report);
                        }
                    }
                    Duration drain = Duration.ofNanos(System.nanoTime() - drainStart);
                    if (published != backlog.rows()) {
                        throw new IllegalStateException(published + " messages published of " + backlog.rows());
                    }
                    return new Result(backlog.rows(), footfall, backlog.bytes(), fill, drain, rounds, replayed);
                }
            }
        }
    }

    /** The outage's traffic, in time order; returns the end of its last bucket. */
    private Instant fill(SqliteVisitLog log, SqliteOutbox outbox, ManualClock clock) {
        Random random = new Random(20260302);
        int weights = 0;
        for (int weight : HOURLY) {
            weights += weight;
        }
        int id = 0;
        for (int day = 0; day < days; day++) {
            for (int hour = 0; hour < 24; hour++) {
                Instant from = START.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
                int visits = Math.round((float) perDay * HOURLY[hour] / weights);
                long step = 3_600_000L / Math.max(visits, 1);
                for (int i = 0; i < visits; i++) {
                    Instant at = from.plusMillis(i * step + random.nextInt((int) step));
                    clock.set(at);
                    String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                    Purpose purpose = PURPOSES[random.nextInt(PURPOSES.length)];
                    String visitId = String.format("01JPD%021d", id++);
                    if (random.nextInt(100) < 15) {
                        outbox.countEntry(at);
                    }
                    log.record(new Visit(visitId, Visit.WALK_IN.equals(category) ? null : "v-" + visitId, category,
                            purpose, at));
                    if (purpose == Purpose.HEALTH) {
                        outbox.countMeasurement("blood-pressure", at);
                    }
                }
                if (hour == 3 || hour == 14) {
                    clock.set(from.plus(Duration.ofMinutes(30)));
                    outbox.enqueue(envelope -> new Event(envelope, Event.DEVICE_STATUS, Severity.WARNING,
                            "scanner is degraded", "scanner", Map.of("state", "degraded")));
                    outbox.enqueue(envelope -> new Event(envelope, Event.DEVICE_STATUS, Severity.INFO,
                            "scanner is connected", "scanner", Map.of("state", "connected")));
                }
            }
        }
        return START.plus(Duration.ofDays(days));
    }

    /** The kiosk clock, set by the benchmark. */
    private static final class ManualClock extends Clock {

        private volatile Instant now;

        ManualClock(Instant start) {
            now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the benchmark's clock has one zone");
        }
    }

    /** The kiosk's side of a connect: birth sequences in memory, envelopes from the outbox's sequence. */
    private static final class Birth implements KioskBirth {

        private final SqliteOutbox outbox;
        private long last;

        Birth(SqliteOutbox outbox) {
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
            return ("{\"bench\":true,\"birthSeq\":" + birthSeq + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
