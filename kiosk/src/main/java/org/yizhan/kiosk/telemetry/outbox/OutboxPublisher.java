package org.yizhan.kiosk.telemetry.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.TopicKind;
import org.yizhan.protocol.topic.Topics;

/**
 * Drains the outbox to the broker, on a thread of its own ({@code outbox-publisher}).
 *
 * <p><b>Rounds.</b> A round queues the footfall buckets that have ended ({@link OutboxStore#queueClosedBuckets}),
 * compacts when the outbox is near full, and then, while connected, claims up to
 * {@link PublisherOptions#batchSize()} messages, hands them all to the {@link OutboxSink} at their topic kind's
 * QoS (1) and retain flag, waits for their PUBACKs up to {@link PublisherOptions#ackTimeout()}, deletes the
 * acknowledged ones and notes the failures, and goes on with the next batch until the outbox is empty or the
 * broker took nothing of a batch. Rounds run every {@link PublisherOptions#pollInterval()} once
 * {@link #start started}, when woken ({@link #wake}, {@link #connected}) and when asked ({@link #drain}).
 *
 * <p><b>What "sent" means.</b> A message is deleted only when the sink's stage for it completed normally,
 * i.e. on PUBACK. A failure, a missing PUBACK or a crash leaves it, to be sent again: at least once, and
 * readers drop copies by the message id and the footfall dedupe rule.
 *
 * <p><b>Failures and backoff.</b> After a round in which the broker took nothing, automatic rounds stop
 * publishing for {@link PublisherOptions#minBackoff()}, doubling with each such round up to
 * {@link PublisherOptions#maxBackoff()} (they still queue buckets and compact). {@link #connected} and
 * {@link #drain} publish at once.
 *
 * <p><b>Replayed.</b> "After an outage" means: made before the connection it is published on came up
 * ({@link #connected}). Such a message waited through a time without a connection — the broker away, the
 * network down, the kiosk off — and is published with {@code "replayed": true}
 * ({@link PayloadCodec#markReplayed}); its id, seq and ts stay those of when it was made.
 *
 * <p><b>Ordering.</b> Messages are handed over in claim order: priority, then age. A message that failed is
 * handed over again ahead of younger ones, so its copy may arrive after messages made later; readers order
 * by {@code seq} or {@code ts}, never by arrival.
 *
 * <p><b>Threading.</b> {@link #start}, {@link #connected}, {@link #disconnected}, {@link #wake} and
 * {@link #drain} may be called from any thread, the transport's callbacks included, and return at once: all
 * outbox and sink work happens on the publisher's thread, which holds the visit log's monitor only for the
 * store's short transactions and never while it waits for the broker, so check-in never waits for the
 * network.
 */
public final class OutboxPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final OutboxStore store;
    private final OutboxSink sink;
    private final Clock clock;
    private final PublisherOptions options;
    private final String footfallTopic;
    private final String eventsTopic;
    private final PayloadCodec codec = new PayloadCodec();
    private final ScheduledThreadPoolExecutor thread;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final Queue<CompletableFuture<DrainReport>> drains = new ConcurrentLinkedQueue<>();
    private volatile Instant connectedSince;
    private volatile boolean started;

    // Confined to the publisher's thread.
    private ScheduledFuture<?> nextRound;
    private int failedRounds;
    private long publishNotBefore = System.nanoTime();

    /**
     * A publisher that has not started: it runs rounds only when {@link #drain} asks, until {@link #start}.
     *
     * @param clock the kiosk clock: when buckets end, when a connection came up, what counts as replayed
     */
    public OutboxPublisher(OutboxStore store, OutboxSink sink, KioskId kiosk, Clock clock, PublisherOptions options) {
        this.store = Objects.requireNonNull(store, "store");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
        Topics topics = Topics.of(kiosk);
        this.footfallTopic = topics.footfall().toString();
        this.eventsTopic = topics.events().toString();
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "outbox-publisher");
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Starts the automatic rounds: one now, then every poll interval. Later calls do nothing. */
    public void start() {
        if (!started) {
            started = true;
            wake();
        }
    }

    /** The broker connection came up now: messages made before now are replayed; publishing resumes at once. */
    public void connected() {
        connected(clock.instant());
    }

    /**
     * The broker connection came up; messages made before {@code replayedBefore} are replayed. The kiosk's
     * first connection of a run passes the moment it started trying, when that first attempt succeeded: what
     * it made while connecting (its {@code app-started}) waited through no outage.
     */
    public void connected(Instant replayedBefore) {
        connectedSince = replayedBefore;
        execute(() -> {
            failedRounds = 0;
            publishNotBefore = System.nanoTime();
        });
        wake();
    }

    /** The broker connection is gone: rounds stop publishing (they still queue buckets and compact). */
    public void disconnected() {
        connectedSince = null;
    }

    /** Whether the publisher believes a connection is up. */
    public boolean isConnected() {
        return connectedSince != null;
    }

    /** Asks for a round soon, e.g. after an event was queued. Does nothing before {@link #start}. */
    public void wake() {
        if (started && wakePending.compareAndSet(false, true)) {
            execute(() -> {
                wakePending.set(false);
                autoRound();
            });
        }
    }

    /**
     * Runs a round on the publisher's thread now, ignoring any backoff: what the headless {@code flush}, tests
     * and the benchmark use.
     *
     * @return completes with the round's report, or exceptionally when the outbox failed or the publisher was
     *         closed first
     */
    public CompletableFuture<DrainReport> drain() {
        CompletableFuture<DrainReport> report = new CompletableFuture<>();
        drains.add(report);
        report.whenComplete((done, failure) -> drains.remove(report));
        try {
            thread.execute(() -> {
                try {
                    report.complete(round(true));
                } catch (RuntimeException e) {
                    report.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            report.completeExceptionally(new IllegalStateException("the outbox publisher is closed", e));
        }
        return report;
    }

    /**
     * Stops the rounds. A round waiting for PUBACKs is interrupted after two seconds; its unacknowledged
     * messages stay in the outbox. Later calls do nothing.
     */
    @Override
    public void close() {
        started = false;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                thread.shutdownNow();
                thread.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (CompletableFuture<DrainReport> pending; (pending = drains.poll()) != null; ) {
            pending.completeExceptionally(new IllegalStateException("the outbox publisher was closed"));
        }
    }

    private void autoRound() {
        try {
            round(false);
        } catch (RuntimeException e) {
            // Already logged and backed off; an automatic round has nobody else to tell.
            log.debug("outbox round failed", e);
        }
    }

    private DrainReport round(boolean asked) {
        try {
            Instant now = clock.instant();
            int queued = store.queueClosedBuckets(now);
            int merged = store.compactIfNearFull(now);
            int published = 0;
            int replayed = 0;
            int failed = 0;
            boolean mayPublish = asked || System.nanoTime() - publishNotBefore >= 0;
            Instant since;
            while (mayPublish && (since = connectedSince) != null && !thread.isShutdown()) {
                List<PendingMessage> batch = store.claim(options.batchSize());
                if (batch.isEmpty()) {
                    break;
                }
                BatchOutcome outcome = publish(batch, since);
                store.confirm(outcome.acknowledged());
                store.fail(outcome.failures());
                published += outcome.acknowledged().size();
                replayed += outcome.replayed();
                failed += outcome.failures().size();
                if (outcome.acknowledged().isEmpty()) {
                    backOff(outcome.failures().values().iterator().next());
                    break;
                }
                failedRounds = 0;
            }
            if (replayed > 0) {
                log.info("published {} outbox messages, {} of them replayed after an outage", published, replayed);
            }
            return new DrainReport(queued, merged, published, replayed, failed, store.depth());
        } catch (RuntimeException e) {
            backOff(e.toString());
            throw e;
        } finally {
            scheduleNext();
        }
    }

    private BatchOutcome publish(List<PendingMessage> batch, Instant connectedSince) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        List<Boolean> replays = new ArrayList<>(batch.size());
        for (PendingMessage message : batch) {
            boolean replay = message.createdAt().isBefore(connectedSince);
            byte[] payload = replay ? codec.markReplayed(message.payload()) : message.payload();
            CompletableFuture<Void> ack = new CompletableFuture<>();
            try {
                CompletionStage<Void> stage = sink.publish(topic(message.kind()), payload, message.kind().qos(),
                        message.kind().retained());
                stage.whenComplete((ok, failure) -> {
                    if (failure == null) {
                        ack.complete(null);
                    } else {
                        ack.completeExceptionally(failure);
                    }
                });
            } catch (RuntimeException e) {
                ack.completeExceptionally(e);
            }
            acks.add(ack);
            replays.add(replay);
        }
        List<Long> acknowledged = new ArrayList<>();
        Map<Long, String> failures = new LinkedHashMap<>();
        int replayed = 0;
        long deadline = System.nanoTime() + options.ackTimeout().toNanos();
        for (int i = 0; i < batch.size(); i++) {
            long id = batch.get(i).id();
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(id);
                replayed += replays.get(i) ? 1 : 0;
            } catch (ExecutionException e) {
                failures.put(id, describe(e.getCause()));
            } catch (TimeoutException e) {
                failures.put(id, "no PUBACK within " + options.ackTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.put(id, "the publisher stopped before the PUBACK");
            }
        }
        return new BatchOutcome(acknowledged, failures, replayed);
    }

    private String topic(TopicKind kind) {
        return switch (kind) {
            case FOOTFALL -> footfallTopic;
            case EVENTS -> eventsTopic;
            default -> throw new IllegalStateException("the outbox holds no " + kind.segment() + " messages");
        };
    }

    private void backOff(String reason) {
        failedRounds++;
        long wait = options.backoff(failedRounds).toNanos();
        publishNotBefore = System.nanoTime() + wait;
        log.debug("outbox: the broker took nothing ({}); next attempt in {} ms", reason, wait / 1_000_000);
    }

    private void scheduleNext() {
        if (!started || thread.isShutdown()) {
            return;
        }
        if (nextRound != null) {
            nextRound.cancel(false);
        }
        long delay = options.pollInterval().toNanos();
        long backoffLeft = publishNotBefore - System.nanoTime();
        if (backoffLeft > 0) {
            // Publishing resumes as soon as the backoff ends, not at the next poll after it.
            delay = Math.min(delay, backoffLeft);
        }
        try {
            nextRound = thread.schedule(this::autoRound, delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("outbox publisher closing; no further rounds");
        }
    }

    private void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("outbox publisher closed; ignoring a request");
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private record BatchOutcome(List<Long> acknowledged, Map<Long, String> failures, int replayed) {
    }
}
