package org.yizhan.fleetsim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.health.OutboxDepth;
import org.yizhan.protocol.health.SystemReadings;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.state.BirthSequence;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.TopicKind;
import org.yizhan.protocol.topic.Topics;

/**
 * One simulated kiosk, towards the broker what a real one is (docs/mqtt.md, "The kiosk's side"): client id
 * {@code yizhan.{site}.{kiosk}}; on every connect a new birth sequence, a Last Will that is the retained offline
 * {@code state} of that number, then the retained online {@code state} and {@code birth}; {@code health} every
 * interval; {@code footfall} when a bucket closes and again, with a higher revision and the full counts, when a late
 * change comes; the odd {@code events}. Unlike a kiosk it starts clean (no session, no command subscription): it
 * answers no commands.
 *
 * <p><b>Phases.</b> {@code WAITING} for its turn in the connect waves, {@code CONNECTING}, {@code CONNECTED}. A
 * simulated crash (the TCP connection dropped without DISCONNECT, then a restart after a pause) or a connection the
 * broker ended makes it {@code AWAY} until it tries again; a failed connect too, with the kiosk's backoff (1 s
 * doubling to 60 s, drawn between half and all of it). A kill makes it {@code DEAD} for good, the end of the run
 * {@code STOPPED}: it publishes the offline {@code state} with reason {@code shutdown} and disconnects normally.
 *
 * <p><b>Outbox.</b> Footfall and events are kept until their PUBACK, as a kiosk's SQLite outbox keeps them: a
 * publish that fails is sent again on this or the next connection, marked replayed when it was made before that
 * connection came up; while it is away the kiosk goes on counting. State, birth and health are sent only while
 * connected and never again. What was acknowledged is kept per bucket at its highest revision: the exact footfall
 * the broker took, for the summary. A bucket whose latest revision was not acknowledged is reported, not counted.
 *
 * <p><b>Threading.</b> Confined to the simulation's thread; the connection's callbacks are moved there. Timers are
 * tied to the connection they were set for, and do nothing once it is gone.
 */
final class SimulatedKiosk {

    enum Phase { WAITING, CONNECTING, CONNECTED, AWAY, DEAD, STOPPED }

    private static final int KEEP_ALIVE_SECONDS = 30;
    /** Outbox publishes in flight: well below the 64 after which the MQTT client blocks its caller. */
    private static final int WINDOW = 16;
    private static final Duration RETRY_MIN = Duration.ofSeconds(1);
    private static final Duration RETRY_MAX = Duration.ofSeconds(60);
    private static final double HEALTH_JITTER = 0.05;
    private static final double CRASH_PAUSE_JITTER = 0.2;
    /** What a kiosk's outbox allows by default, as its health reports it. */
    private static final long OUTBOX_MAX_ROWS = 50_000;
    private static final long OUTBOX_MAX_BYTES = 64L * 1024 * 1024;
    /** A typical footfall or event payload, for the outbox depth in health. */
    private static final long TYPICAL_PAYLOAD_BYTES = 600;
    private static final ZoneId ZONE = ZoneId.of(KioskProfile.TIME_ZONE);
    /** Apart from one bucket's seed to the next: the golden ratio's, which spreads them evenly. */
    private static final long BUCKET_SEED_STEP = 0x9E3779B97F4A7C15L;

    private final KioskId id;
    private final Topics topics;
    private final SimulationContext run;
    private final RandomGenerator random;
    private final KioskProfile profile;
    private final double spread;
    private final long trafficSeed;
    private final String username;
    private final byte[] password;
    private final Instant bootedAt;

    private Phase phase = Phase.WAITING;
    private boolean quiesced;
    private Link link;
    private long birthSeq;
    private long seq;
    private boolean everConnected;
    private boolean appStarting = true;
    private String previousExit = "clean";
    private Instant devicesSince;
    private int failuresInRow;
    private String lastConnectFailure;
    private CompletableFuture<Void> stopped;
    private Set<String> problemsAtLastHealth = Set.of();

    private final NavigableMap<Long, Message> outbox = new TreeMap<>();
    private final Map<Long, Message> inFlight = new HashMap<>();
    /** Messages handed to a connection at least once and not acknowledged yet: the broker may have them. */
    private final Set<Long> attempted = new HashSet<>();
    private final Map<Instant, Footfall> acknowledged = new HashMap<>();
    private final Map<Instant, Revisable> revisable = new HashMap<>();
    private final List<Refused> refused = new ArrayList<>();
    private LocalDate today;
    private long checkInsToday;
    private Instant lastCheckIn;

    /** @param random this kiosk's own random numbers, from the run's seed */
    SimulatedKiosk(KioskId id, SimulationContext run, RandomGenerator random) {
        this.id = id;
        this.topics = Topics.of(id);
        this.run = run;
        this.random = random;
        this.profile = KioskProfile.draw(random);
        this.spread = random.nextDouble();
        this.trafficSeed = random.nextLong();
        SimulationSettings settings = run.settings();
        this.username = FleetLayout.fill(settings.username(), id);
        String pass = FleetLayout.fill(settings.password(), id);
        this.password = pass == null ? null : pass.getBytes(StandardCharsets.UTF_8);
        this.bootedAt = run.buckets().startedAt().minus(profile.bootedBefore());
        this.devicesSince = bootedAt;
    }

    KioskId id() {
        return id;
    }

    Phase phase() {
        return phase;
    }

    /** Where in the spread after a bucket's end this kiosk sends it, from 0 to 1. */
    double spread() {
        return spread;
    }

    /** Takes its place in the connect waves. */
    void start() {
        run.connects().enter(this::attempt);
    }

    /** Drops the connection without DISCONNECT and never comes back; false when it was not connected. */
    boolean kill() {
        if (phase != Phase.CONNECTED) {
            return false;
        }
        run.tally().disconnected();
        phase = Phase.DEAD;
        link.up = false;
        link.connection.crash();
        return true;
    }

    /** Makes nothing new from now on: no more buckets, health, events, crashes or reconnects. */
    void quiesce() {
        quiesced = true;
        if (phase == Phase.WAITING || phase == Phase.AWAY) {
            phase = Phase.STOPPED;
        }
    }

    /** Whether nothing it made waits for a PUBACK that could still come on its connection. */
    boolean drained() {
        return phase != Phase.CONNECTED || (outbox.isEmpty() && inFlight.isEmpty());
    }

    /**
     * Ends its part in the run: a connected kiosk publishes the offline state with reason {@code shutdown} and
     * disconnects normally, so the broker sends no will. Completes when that is done, either way.
     */
    CompletableFuture<Void> stop() {
        quiesce();
        if (phase == Phase.CONNECTED) {
            phase = Phase.STOPPED;
            run.tally().disconnected();
            return goodbye(link);
        }
        if (phase == Phase.CONNECTING) {
            phase = Phase.STOPPED;
            stopped = new CompletableFuture<>();
            return stopped;
        }
        if (phase != Phase.DEAD) {
            phase = Phase.STOPPED;
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Counts the bucket numbered {@code k} by the run's clock and sends it, unless nothing happened in it. */
    void closeBucket(long k) {
        if (quiesced || phase == Phase.DEAD || phase == Phase.STOPPED) {
            return;
        }
        SimulationSettings settings = run.settings();
        double expected = settings.checkInsPerKioskHour() * settings.bucketMinutes() / 60.0 * run.buckets().share(k);
        // each bucket draws from its own numbers, so a seed gives the same counts however the run's timing falls
        SplittableRandom traffic = new SplittableRandom(trafficSeed + k * BUCKET_SEED_STEP);
        FootfallCounts counts = VisitorTraffic.bucket(traffic, expected);
        if (counts.checkIns() == 0 && counts.entriesSensed() == 0 && counts.measurementsByKind().isEmpty()) {
            // a kiosk opens a bucket only when it counts something
            return;
        }
        Instant start = run.buckets().start(k);
        countToday(start, counts.checkIns(), traffic);
        Footfall bucket = new Footfall(nextEnvelope(), start, settings.bucketMinutes(), 1, counts);
        outbox.put(bucket.envelope().seq(), bucket);
        maybeReviseLater(bucket, traffic);
        drain();
    }

    /** What it sent and what it could not, for the summary. */
    KioskReport report() {
        Map<Instant, Footfall> unacknowledged = new TreeMap<>();
        Map<Instant, String> reasons = new HashMap<>();
        List<Message> pending = new ArrayList<>(outbox.values());
        pending.addAll(inFlight.values());
        for (Message message : pending) {
            if (message instanceof Footfall bucket) {
                keepHighest(unacknowledged, bucket);
            }
        }
        for (Refused refusal : refused) {
            if (keepHighest(unacknowledged, refusal.bucket())) {
                reasons.put(refusal.bucket().bucketStart(), "refused: " + refusal.reason());
            }
        }
        List<UnacknowledgedBucket> missing = new ArrayList<>();
        for (Footfall bucket : unacknowledged.values()) {
            Footfall kept = acknowledged.get(bucket.bucketStart());
            if (kept == null || kept.revision() < bucket.revision()) {
                missing.add(new UnacknowledgedBucket(id.toString(), bucket.bucketStart(), bucket.revision(),
                        kept == null ? null : kept.revision(), bucket.counts(),
                        reasons.getOrDefault(bucket.bucketStart(), unsentReason(bucket))));
            }
        }
        return new KioskReport(id, everConnected, phase == Phase.DEAD, everConnected ? null : lastConnectFailure,
                List.copyOf(acknowledged.values()), missing);
    }

    private String unsentReason(Footfall bucket) {
        String when = phase == Phase.DEAD ? "the kiosk was killed" : "the run ended";
        return attempted.contains(bucket.envelope().seq())
                ? "sent, but " + when + " before its PUBACK: the broker may have it"
                : "never sent: " + when + " first";
    }

    // ---- connecting ----

    private void attempt() {
        if (phase != Phase.WAITING) {
            // stopped or killed while it waited for its turn
            run.connects().leave();
            return;
        }
        phase = Phase.CONNECTING;
        birthSeq = BirthSequence.next(birthSeq, run.clock().instant());
        Link attempt = new Link(birthSeq);
        link = attempt;
        try {
            attempt.connection = run.connector().open(topics.clientId(),
                    reason -> run.thread().execute(() -> lost(attempt, reason)));
            Publication will = publication(KioskState.will(nextEnvelope(), birthSeq));
            attempt.connection.connect(new ConnectRequest(username, password, will, KEEP_ALIVE_SECONDS))
                    .whenCompleteAsync((ok, failure) -> connectDone(attempt, failure), run.thread());
        } catch (RuntimeException e) {
            connectDone(attempt, e);
        }
    }

    private void connectDone(Link attempt, Throwable failure) {
        run.connects().leave();
        if (failure != null) {
            lastConnectFailure = reason(failure);
            run.tally().connectFailed(lastConnectFailure);
            if (phase == Phase.CONNECTING) {
                phase = Phase.AWAY;
                retryAfter(backoff());
            } else if (stopped != null) {
                stopped.complete(null);
            }
            return;
        }
        if (phase == Phase.STOPPED) {
            // the run ended while it was connecting: leave as cleanly as if it had been up
            goodbye(attempt).whenComplete((ok, ignored) -> stopped.complete(null));
            return;
        }
        if (phase != Phase.CONNECTING) {
            attempt.connection.crash();
            return;
        }
        if (attempt.lostEarly) {
            run.tally().lost();
            phase = Phase.AWAY;
            retryAfter(backoff());
            return;
        }
        up(attempt);
    }

    private void up(Link attempt) {
        Instant now = run.clock().instant();
        phase = Phase.CONNECTED;
        attempt.up = true;
        // envelopes carry milliseconds: what was made in this millisecond was made on this connection
        attempt.upSince = now.truncatedTo(ChronoUnit.MILLIS);
        failuresInRow = 0;
        everConnected = true;
        run.tally().connected();
        send(KioskState.online(nextEnvelope(now), attempt.birthSeq));
        send(birth(attempt.birthSeq, now));
        if (appStarting) {
            appStarting = false;
            queue(appStarted(now));
        }
        SimulationSettings settings = run.settings();
        // the first health at a random point of the interval, so that a fleet's health is spread evenly over it
        schedule(() -> health(attempt), Duration.ofMillis((long) (random.nextDouble()
                * settings.healthInterval().toMillis())));
        if (settings.crashesPerKioskHour() > 0) {
            schedule(() -> crash(attempt), exponential(settings.crashesPerKioskHour()));
        }
        if (settings.eventsPerKioskHour() > 0) {
            schedule(() -> occasionalEvent(attempt), exponential(settings.eventsPerKioskHour()));
        }
        drain();
    }

    private void lost(Link attempt, String reason) {
        if (attempt != link) {
            return;
        }
        if (!attempt.up) {
            // before connectDone ran: it will see this
            attempt.lostEarly = true;
            return;
        }
        attempt.up = false;
        if (phase == Phase.CONNECTED) {
            run.tally().disconnected();
            run.tally().lost();
            phase = Phase.AWAY;
            retryAfter(backoff());
        }
    }

    private void crash(Link attempt) {
        if (attempt != link || !attempt.up || phase != Phase.CONNECTED || quiesced) {
            return;
        }
        run.tally().crashed();
        run.tally().disconnected();
        phase = Phase.AWAY;
        attempt.up = false;
        attempt.connection.crash();
        // the kiosk's process died: it starts again, sends app-started, and its devices are new since then
        appStarting = true;
        previousExit = "crash";
        Duration pause = run.settings().crashPause();
        retryAfter(Duration.ofMillis((long) (pause.toMillis() * (1 + CRASH_PAUSE_JITTER
                * (2 * random.nextDouble() - 1)))));
    }

    private void retryAfter(Duration delay) {
        schedule(() -> {
            if (phase == Phase.AWAY && !quiesced) {
                phase = Phase.WAITING;
                if (appStarting) {
                    devicesSince = run.clock().instant();
                }
                run.connects().enter(this::attempt);
            }
        }, delay);
    }

    /** The kiosk's reconnect backoff: the ceiling doubles from 1 s to 60 s; the delay is half of it to all of it. */
    private Duration backoff() {
        long ceiling = Math.min(RETRY_MAX.toMillis(), RETRY_MIN.toMillis() << Math.min(failuresInRow, 16));
        failuresInRow++;
        return Duration.ofMillis(ceiling / 2 + (long) (random.nextDouble() * (ceiling / 2.0)));
    }

    private CompletableFuture<Void> goodbye(Link attempt) {
        attempt.up = false;
        Message offline = KioskState.shutdown(nextEnvelope(), attempt.birthSeq);
        return attempt.connection.publish(publication(offline))
                .handleAsync((ok, failure) -> {
                    counted(TopicKind.STATE, failure);
                    return null;
                }, run.thread())
                .thenCompose(ignored -> attempt.connection.disconnect().handle((ok, failure) -> null));
    }

    // ---- publishing ----

    private void health(Link attempt) {
        if (attempt != link || !attempt.up || quiesced) {
            return;
        }
        Instant now = run.clock().instant();
        SimulationSettings settings = run.settings();
        SystemReadings readings = profile.readings(random, Duration.between(bootedAt, now));
        send(new Health(nextEnvelope(now), (int) settings.healthInterval().toSeconds(), readings,
                profile.statuses(devicesSince), outboxDepth(), lastCheckIn, checkInsToday));
        // a kiosk raises a system problem when its probe finds one that was not there at the previous health
        Set<String> problems = new HashSet<>();
        for (KioskProfile.SystemProblem problem : KioskProfile.problems(readings)) {
            problems.add(problem.code());
            if (!problemsAtLastHealth.contains(problem.code())) {
                queue(new Event(nextEnvelope(now), Event.SYSTEM_PROBLEM, Severity.WARNING, problem.message(), null,
                        Map.of("problem", problem.code(), "value", problem.value())));
            }
        }
        problemsAtLastHealth = problems;
        long interval = settings.healthInterval().toMillis();
        schedule(() -> health(attempt), Duration.ofMillis(Math.round(interval * (1 + HEALTH_JITTER
                * (2 * random.nextDouble() - 1)))));
        drain();
    }

    private void occasionalEvent(Link attempt) {
        if (attempt != link || !attempt.up || quiesced) {
            return;
        }
        Instant now = run.clock().instant();
        if (random.nextDouble() < 0.7) {
            queue(new Event(nextEnvelope(now), Event.HELP_BUTTON, Severity.WARNING, "help button pressed", "help",
                    Map.of("press", "short")));
        } else {
            long expired = 3 + random.nextLong(8);
            long unknown = random.nextLong(4);
            queue(new Event(nextEnvelope(now), Event.CHECK_IN_REJECTED_BURST, Severity.WARNING,
                    (expired + unknown) + " scans rejected within 60 s", "scanner",
                    Map.of("count", expired + unknown, "windowSeconds", 60,
                            "reasons", Map.of("expired", expired, "unknown-key", unknown))));
        }
        schedule(() -> occasionalEvent(attempt), exponential(run.settings().eventsPerKioskHour()));
        drain();
    }

    private void maybeReviseLater(Footfall bucket, SplittableRandom traffic) {
        if (traffic.nextDouble() >= run.settings().revisedShare()) {
            revisable.remove(bucket.bucketStart());
            return;
        }
        revisable.put(bucket.bucketStart(), new Revisable(bucket, traffic));
        // a late purpose or reading comes within about a bucket's time after the close
        long within = run.settings().bucketEvery().toMillis();
        schedule(() -> revise(bucket.bucketStart()), Duration.ofMillis(within / 10 + traffic.nextLong(within * 8 / 10
                + 1)));
    }

    private void revise(Instant bucketStart) {
        Revisable last = revisable.get(bucketStart);
        if (last == null || quiesced || phase == Phase.DEAD || phase == Phase.STOPPED) {
            return;
        }
        Footfall before = last.bucket();
        FootfallCounts counts = VisitorTraffic.lateChange(last.traffic(), before.counts());
        countToday(bucketStart, counts.checkIns() - before.counts().checkIns(), last.traffic());
        Footfall next = new Footfall(nextEnvelope(), bucketStart, before.bucketMinutes(), before.revision() + 1,
                counts);
        outbox.put(next.envelope().seq(), next);
        maybeReviseLater(next, last.traffic());
        drain();
    }

    private void queue(Message message) {
        outbox.put(message.envelope().seq(), message);
    }

    /** Sends what the outbox holds, oldest first, keeping at most {@link #WINDOW} in flight. */
    private void drain() {
        Link current = link;
        while (phase == Phase.CONNECTED && current.up && inFlight.size() < WINDOW && !outbox.isEmpty()) {
            Message message = outbox.pollFirstEntry().getValue();
            byte[] payload = run.codec().encode(message);
            if (message.envelope().ts().isBefore(current.upSince)) {
                payload = run.codec().markReplayed(payload);
            }
            inFlight.put(message.envelope().seq(), message);
            attempted.add(message.envelope().seq());
            current.connection.publish(Publication.of(id, message.topicKind(), payload))
                    .whenCompleteAsync((ok, failure) -> outboxDone(message, failure), run.thread());
        }
    }

    private void outboxDone(Message message, Throwable failure) {
        inFlight.remove(message.envelope().seq());
        counted(message.topicKind(), failure);
        if (failure == null) {
            attempted.remove(message.envelope().seq());
            if (message instanceof Footfall bucket) {
                keepHighest(acknowledged, bucket);
            }
        } else if (unwrap(failure) instanceof PublishFailedException refusal && refusal.refused()) {
            // the broker will refuse it again: reported, not retried
            attempted.remove(message.envelope().seq());
            if (message instanceof Footfall bucket) {
                refused.add(new Refused(bucket, refusal.getMessage()));
            }
        } else {
            outbox.put(message.envelope().seq(), message);
        }
        drain();
    }

    private void send(Message message) {
        TopicKind kind = message.topicKind();
        link.connection.publish(publication(message))
                .whenCompleteAsync((ok, failure) -> counted(kind, failure), run.thread());
    }

    private void counted(TopicKind kind, Throwable failure) {
        if (failure == null) {
            run.tally().published(kind);
        } else {
            run.tally().publishFailed(kind);
        }
    }

    // ---- the messages ----

    private Birth birth(long birthSeq, Instant now) {
        return new Birth(nextEnvelope(now), birthSeq, profile.appVersion(), KioskProfile.JAVA_VERSION, KioskProfile.OS,
                profile.kernel(), KioskProfile.ARCH, profile.piModel(), profile.piSerial(), "模拟站点 " + id.site(),
                KioskProfile.TIME_ZONE, (int) run.settings().healthInterval().toSeconds(), profile.devices());
    }

    private Event appStarted(Instant now) {
        return new Event(nextEnvelope(now), Event.APP_STARTED, Severity.INFO,
                "Yizhan " + profile.appVersion() + " started", null,
                Map.of("version", profile.appVersion(), "previousExit", previousExit));
    }

    private OutboxDepth outboxDepth() {
        long rows = outbox.size() + inFlight.size();
        if (rows == 0) {
            return new OutboxDepth(0, 0, OUTBOX_MAX_ROWS, OUTBOX_MAX_BYTES, null);
        }
        Instant oldest = outbox.isEmpty() ? null : outbox.firstEntry().getValue().envelope().ts();
        for (Message message : inFlight.values()) {
            Instant ts = message.envelope().ts();
            oldest = oldest == null || ts.isBefore(oldest) ? ts : oldest;
        }
        return new OutboxDepth(rows, rows * TYPICAL_PAYLOAD_BYTES, OUTBOX_MAX_ROWS, OUTBOX_MAX_BYTES, oldest);
    }

    private void countToday(Instant bucketStart, long checkIns, SplittableRandom traffic) {
        LocalDate day = bucketStart.atZone(ZONE).toLocalDate();
        if (!day.equals(today)) {
            today = day;
            checkInsToday = 0;
        }
        checkInsToday += checkIns;
        if (checkIns > 0) {
            Instant at = bucketStart.plusMillis(traffic.nextLong(run.buckets().length().toMillis()));
            lastCheckIn = lastCheckIn == null || at.isAfter(lastCheckIn) ? at : lastCheckIn;
        }
    }

    private Envelope nextEnvelope() {
        return nextEnvelope(run.clock().instant());
    }

    private Envelope nextEnvelope(Instant now) {
        return Envelope.next(++seq, now);
    }

    private Publication publication(Message message) {
        return Publication.of(id, message, run.codec());
    }

    // ---- helpers ----

    private void schedule(Runnable task, Duration delay) {
        run.thread().schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** An exponentially distributed wait: the time to the next of events that come {@code perHour} an hour. */
    private Duration exponential(double perHour) {
        return Duration.ofMillis((long) (random.nextExponential() * 3_600_000 / perHour));
    }

    /** Keeps {@code bucket} when its revision is higher than the one kept; returns whether it did. */
    private static boolean keepHighest(Map<Instant, Footfall> kept, Footfall bucket) {
        Footfall old = kept.get(bucket.bucketStart());
        if (old == null || old.revision() < bucket.revision()) {
            kept.put(bucket.bucketStart(), bucket);
            return true;
        }
        return false;
    }

    private static String reason(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** One connect and the connection it made: the timers set for it end with it. */
    private static final class Link {
        final long birthSeq;
        KioskConnection connection;
        boolean up;
        boolean lostEarly;
        Instant upSince;

        Link(long birthSeq) {
            this.birthSeq = birthSeq;
        }
    }

    private record Refused(Footfall bucket, String reason) {
    }

    /** The latest revision of a bucket that may be revised again, and the numbers its changes are drawn from. */
    private record Revisable(Footfall bucket, SplittableRandom traffic) {
    }
}
