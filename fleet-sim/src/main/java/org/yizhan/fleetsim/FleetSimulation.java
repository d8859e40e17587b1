package org.yizhan.fleetsim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.topic.KioskId;

/**
 * A run of simulated kiosks ({@link SimulatedKiosk}) against one broker: {@link #start} connects them in waves,
 * closes their footfall buckets on the {@link BucketClock}, kills the asked-for number at the asked-for time, and
 * {@link #stop} ends the run cleanly and returns its {@link SimulationSummary}.
 *
 * <p><b>Stopping</b> happens in three steps: nothing new is made (no buckets, health, events, crashes or
 * reconnects); what the kiosks made is given up to 10 s to be acknowledged, as a kiosk's outbox drains before it
 * stops; then every connected kiosk publishes its offline {@code state} with reason {@code shutdown} and disconnects
 * normally, in the same waves as the connects, so the broker sends no will for them.
 *
 * <p><b>Threading.</b> All kiosk state lives on one thread of its own, {@code fleet-sim}, which also runs every
 * timer; the MQTT client's callbacks are moved onto it. That one thread carries thousands of kiosks: each does a
 * few small things a second at most, and the network work is the client's. {@link #start}, {@link #progress} and
 * {@link #stop} may be called from any thread; {@link #stop} once.
 */
public final class FleetSimulation {

    private static final Duration DRAIN_PATIENCE = Duration.ofSeconds(10);
    private static final Duration GOODBYE_PATIENCE = Duration.ofSeconds(60);
    /** The longest a fleet takes to send a closed bucket: kiosks do not all send in the same millisecond. */
    private static final Duration SPREAD_MAX = Duration.ofSeconds(5);
    private static final long KILL_SALT = 0x6B696C6CL;

    private final SimulationSettings settings;
    private final KioskConnector connector;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor thread;
    private final Tally tally = new Tally();
    private final BucketClock buckets;
    private final long startNanos = System.nanoTime();
    private final List<SimulatedKiosk> kiosks = new ArrayList<>();
    private final List<KioskId> killed = new ArrayList<>();
    private final AtomicInteger killedCount = new AtomicInteger();
    private final AtomicBoolean stopCalled = new AtomicBoolean();
    private long bucketsClosed;
    private ScheduledFuture<?> nextBucket;
    private ScheduledFuture<?> kill;
    private boolean stopping;

    private FleetSimulation(SimulationSettings settings, KioskConnector connector, Clock clock) {
        this.settings = settings;
        this.connector = connector;
        this.clock = clock;
        this.buckets = BucketClock.of(settings, clock.instant());
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "fleet-sim");
            t.setDaemon(true);
            return t;
        });
        // after stop, a late callback from a connection has nothing left to do
        thread.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Starts the run: kiosks begin connecting at once, in waves. */
    public static FleetSimulation start(SimulationSettings settings, KioskConnector connector) {
        return start(settings, connector, Clock.systemUTC());
    }

    /** As {@link #start(SimulationSettings, KioskConnector)}, with the clock of envelopes and birth sequences. */
    public static FleetSimulation start(SimulationSettings settings, KioskConnector connector, Clock clock) {
        FleetSimulation simulation = new FleetSimulation(settings, connector, clock);
        simulation.thread.execute(simulation::begin);
        return simulation;
    }

    /** The kiosks of the run, in order. */
    public List<KioskId> kiosks() {
        return FleetLayout.kiosks(settings.sitePrefix(), settings.kiosks(), settings.sites());
    }

    public BucketClock buckets() {
        return buckets;
    }

    public Progress progress() {
        return new Progress(Duration.ofNanos(System.nanoTime() - startNanos), settings.kiosks(), tally.connectedNow(),
                tally.publishedInAll(), tally.publishFailuresInAll(), tally.connectFailuresByReason(), tally.crashes(),
                killedCount.get());
    }

    /**
     * Ends the run cleanly (see the class comment) and returns what it sent. Takes at most about 70 s, also when the
     * broker has gone away.
     *
     * @throws IllegalStateException when called twice
     */
    public SimulationSummary stop() throws InterruptedException {
        if (stopCalled.getAndSet(true)) {
            throw new IllegalStateException("the simulation is stopped already");
        }
        int connectedAtStop = onThread(() -> {
            stopping = true;
            cancel(nextBucket);
            cancel(kill);
            kiosks.forEach(SimulatedKiosk::quiesce);
            return tally.connectedNow();
        });
        long deadline = System.nanoTime() + DRAIN_PATIENCE.toNanos();
        while (!onThread(() -> kiosks.stream().allMatch(SimulatedKiosk::drained)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        CompletableFuture<Void> goodbyes = onThread(this::goodbyes);
        try {
            goodbyes.get(GOODBYE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a kiosk whose goodbye did not finish is reported by what it did not get acknowledged
        }
        SimulationSummary summary = onThread(() -> summary(connectedAtStop));
        thread.shutdownNow();
        return summary;
    }

    // ---- on the simulation's thread ----

    private void begin() {
        SimulationContext context = new SimulationContext(thread, clock, new PayloadCodec(), tally, settings, connector,
                new InFlightLimit(settings.connectWindow()), buckets);
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        for (KioskId id : kiosks()) {
            kiosks.add(new SimulatedKiosk(id, context, seeds.split()));
        }
        kiosks.forEach(SimulatedKiosk::start);
        scheduleBucket(0);
        if (settings.kill() > 0) {
            kill = thread.schedule(this::kill, settings.killAfter().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void scheduleBucket(long k) {
        long delay = startNanos + buckets.closesAfter(k).toNanos() - System.nanoTime();
        nextBucket = thread.schedule(() -> closeBucket(k), Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    private void closeBucket(long k) {
        if (stopping) {
            return;
        }
        bucketsClosed = k + 1;
        long spread = Math.min(SPREAD_MAX.toNanos(), settings.bucketEvery().toNanos() / 2);
        for (SimulatedKiosk kiosk : kiosks) {
            thread.schedule(() -> kiosk.closeBucket(k), (long) (kiosk.spread() * spread), TimeUnit.NANOSECONDS);
        }
        scheduleBucket(k + 1);
    }

    private void kill() {
        List<SimulatedKiosk> connected = new ArrayList<>();
        for (SimulatedKiosk kiosk : kiosks) {
            if (kiosk.phase() == SimulatedKiosk.Phase.CONNECTED) {
                connected.add(kiosk);
            }
        }
        Collections.shuffle(connected, new Random(settings.seed() ^ KILL_SALT));
        for (SimulatedKiosk kiosk : connected.subList(0, Math.min(settings.kill(), connected.size()))) {
            if (kiosk.kill()) {
                killed.add(kiosk.id());
                killedCount.incrementAndGet();
            }
        }
    }

    private CompletableFuture<Void> goodbyes() {
        InFlightLimit waves = new InFlightLimit(settings.connectWindow());
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (SimulatedKiosk kiosk : kiosks) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            all.add(done);
            waves.enter(() -> kiosk.stop().whenCompleteAsync((ok, failure) -> {
                waves.leave();
                done.complete(null);
            }, thread));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    private SimulationSummary summary(int connectedAtStop) {
        FootfallCounts totals = FootfallCounts.NONE;
        long bucketCount = 0;
        long revised = 0;
        int everConnected = 0;
        List<SimulationSummary.NeverConnected> never = new ArrayList<>();
        List<SimulationSummary.KioskFootfall> byKiosk = new ArrayList<>();
        List<UnacknowledgedBucket> unacknowledged = new ArrayList<>();
        for (SimulatedKiosk kiosk : kiosks) {
            KioskReport report = kiosk.report();
            if (report.everConnected()) {
                everConnected++;
            } else {
                never.add(new SimulationSummary.NeverConnected(report.kiosk().toString(),
                        report.connectFailure() == null ? "no connect finished" : report.connectFailure()));
            }
            FootfallCounts kioskTotals = FootfallCounts.NONE;
            for (Footfall bucket : report.acknowledged()) {
                kioskTotals = kioskTotals.plus(bucket.counts());
                revised += bucket.revision() > 1 ? 1 : 0;
            }
            if (!report.acknowledged().isEmpty()) {
                bucketCount += report.acknowledged().size();
                totals = totals.plus(kioskTotals);
                byKiosk.add(new SimulationSummary.KioskFootfall(report.kiosk().toString(),
                        report.acknowledged().size(), kioskTotals.checkIns(), kioskTotals.entriesSensed(),
                        SimulationSummary.measurements(kioskTotals)));
            }
            unacknowledged.addAll(report.unacknowledged());
        }
        SimulationSummary.FootfallSent footfall = new SimulationSummary.FootfallSent(settings.bucketMinutes(),
                settings.acceleratedBuckets(), buckets.start(0), buckets.start(bucketsClosed), bucketCount, revised,
                totals, byKiosk, unacknowledged);
        Instant started = buckets.startedAt();
        return new SimulationSummary(started, clock.instant(), settings.seed(), connector.broker(), settings.kiosks(),
                settings.sites(), connectedAtStop, everConnected, never, tally.connects(),
                tally.connectFailuresByReason(), tally.crashes(), tally.lostConnections(),
                killed.stream().map(KioskId::toString).toList(), tally.publishedByKind(), tally.failedByKind(),
                footfall);
    }

    private <T> T onThread(Callable<T> task) throws InterruptedException {
        try {
            return thread.submit(task).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the simulation's thread failed", e.getCause());
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
