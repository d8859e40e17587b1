package org.yizhan.fleet.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.fleet.connection.IncomingMessage.Acknowledgement;
import org.yizhan.fleet.status.KioskFacts;
import org.yizhan.fleet.store.BatchResult;
import org.yizhan.fleet.store.FleetStore;
import org.yizhan.fleet.store.HealthCompaction;
import org.yizhan.fleet.store.HealthSample;
import org.yizhan.fleet.store.ReceivedFootfall;
import org.yizhan.fleet.store.StoreBatch;
import org.yizhan.fleet.store.StoreException;
import org.yizhan.fleet.store.StoredKiosk;
import org.yizhan.fleet.view.Alert;
import org.yizhan.fleet.view.EventRecord;
import org.yizhan.protocol.topic.KioskId;

/**
 * The one thread that writes to the store, {@code yizhan-fleet-writer}: it takes what the delivery thread queued,
 * gathers a batch (everything queued, up to {@code batchMaxItems}; when nothing in it waits for a PUBACK, also
 * what arrives within {@code batchLinger} of its first item), and writes it in one transaction. Under load the
 * batches grow by themselves: whatever arrived during one commit makes the next batch. Kiosk snapshots and alerts are coalesced: only the latest of each
 * kiosk or alert in a batch is written. After a commit it hands the batch and its result to the
 * {@link Committed} callback (listeners, statistics, event alerts), and downsamples health history when due.
 *
 * <p><b>Back-pressure.</b> The queue is bounded: when the store falls behind by {@code queueCapacity} items,
 * {@link #submit} waits, the delivery thread with it, and the broker holds messages back (QoS 1) or drops
 * health (QoS 0) — rather than the console running out of memory.
 *
 * <p><b>Acknowledgements.</b> Each item may carry its message's PUBACK ({@link Item#ack()}); they are sent after
 * the batch holding them committed, in the order the messages arrived, so a QoS 1 message the broker forgets is
 * one the store holds. Messages that store nothing queue a bare {@link AckItem} to keep that order.
 *
 * <p><b>Failures.</b> A batch that fails is tried again after a second, up to five times in all; then it is
 * logged and counted as dropped, and the writer goes on. {@link #close} writes everything queued before it
 * returns.
 */
final class StoreWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);
    private static final int ATTEMPTS = 5;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    /** What a batch hands on once committed. */
    interface Committed {
        void committed(StoreBatch batch, BatchResult result);
    }

    /**
     * Something to write, with when its message arrived ({@link System#nanoTime}, for the freshness figures) and
     * the message's acknowledgement to send once it is committed (null for none).
     */
    sealed interface Item {
        long arrivedNanos();

        Acknowledgement ack();

        /** The same item carrying {@code acknowledgement}. */
        Item acknowledging(Acknowledgement acknowledgement);
    }

    record KioskItem(KioskFacts facts, long arrivedNanos, Acknowledgement ack) implements Item {
        @Override
        public Item acknowledging(Acknowledgement acknowledgement) {
            return new KioskItem(facts, arrivedNanos, acknowledgement);
        }
    }

    record HealthItem(HealthSample sample, long arrivedNanos, Acknowledgement ack) implements Item {
        @Override
        public Item acknowledging(Acknowledgement acknowledgement) {
            return new HealthItem(sample, arrivedNanos, acknowledgement);
        }
    }

    record FootfallItem(ReceivedFootfall footfall, long arrivedNanos, Acknowledgement ack) implements Item {
        @Override
        public Item acknowledging(Acknowledgement acknowledgement) {
            return new FootfallItem(footfall, arrivedNanos, acknowledgement);
        }
    }

    record EventItem(EventRecord event, long arrivedNanos, Acknowledgement ack) implements Item {
        @Override
        public Item acknowledging(Acknowledgement acknowledgement) {
            return new EventItem(event, arrivedNanos, acknowledgement);
        }
    }

    /** Nothing to write, only an acknowledgement to send in its turn (acknowledgements go out in arrival order). */
    record AckItem(long arrivedNanos, Acknowledgement ack) implements Item {
        @Override
        public Item acknowledging(Acknowledgement acknowledgement) {
            return new AckItem(arrivedNanos, acknowledgement);
        }
    }

    private final FleetStore store;
    private final IngestSettings settings;
    private final IngestCounters counters;
    private final BlockingQueue<Item> queue;
    /** Alerts come from several threads, the writer's own among them, so they never wait for room. */
    private final ConcurrentLinkedQueue<Alert> alerts = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile Committed committed = (batch, result) -> { };
    private volatile boolean stopping;
    private Instant nextCompaction;
    private final Clock clock;

    StoreWriter(FleetStore store, IngestSettings settings, IngestCounters counters, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = settings;
        this.counters = counters;
        this.clock = clock;
        this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
        this.thread = new Thread(this::run, "yizhan-fleet-writer");
        this.thread.setDaemon(true);
    }

    void start(Committed callback) {
        this.committed = Objects.requireNonNull(callback, "callback");
        nextCompaction = clock.instant();
        thread.start();
    }

    /** Queues {@code item}; waits while the queue is full. */
    void submit(Item item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("interrupted while waiting for the store's writer; a {} is not stored",
                    item.getClass().getSimpleName());
        }
    }

    /** Queues an alert as it is now; never waits. */
    void submit(Alert alert) {
        alerts.add(alert);
    }

    int depth() {
        return queue.size() + alerts.size();
    }

    private void run() {
        List<Item> batch = new ArrayList<>();
        while (true) {
            try {
                Item first = queue.poll(settings.batchLinger().toMillis() + 1, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    boolean awaited = first.ack() != null;
                    long deadline = System.nanoTime() + settings.batchLinger().toNanos();
                    while (batch.size() < settings.batchMaxItems()) {
                        Item next = queue.poll();
                        if (next == null) {
                            long left = deadline - System.nanoTime();
                            // a PUBACK held back holds one of the broker's few in-flight slots (20 in Mosquitto,
                            // 32 in EMQX): commit at once rather than linger
                            if (awaited || left <= 0) {
                                break;
                            }
                            next = queue.poll(left, TimeUnit.NANOSECONDS);
                            if (next == null) {
                                break;
                            }
                        }
                        batch.add(next);
                        awaited |= next.ack() != null;
                    }
                }
            } catch (InterruptedException e) {
                stopping = true;
            }
            if (!batch.isEmpty() || !alerts.isEmpty()) {
                write(batch);
                batch.clear();
            } else if (stopping) {
                return;
            }
            compactWhenDue();
        }
    }

    private void write(List<Item> items) {
        Map<KioskId, StoredKiosk> kiosks = new LinkedHashMap<>();
        List<HealthSample> health = new ArrayList<>();
        List<ReceivedFootfall> footfall = new ArrayList<>();
        List<EventRecord> events = new ArrayList<>();
        Map<Long, Alert> alertsById = new LinkedHashMap<>();
        for (Item item : items) {
            if (item instanceof KioskItem k) {
                KioskFacts f = k.facts();
                kiosks.put(f.id(), new StoredKiosk(f.id(), f.state(), f.stateReceived(), f.birth(), f.health(),
                        f.healthReceived(), f.lastSeen()));
            } else if (item instanceof HealthItem h) {
                health.add(h.sample());
            } else if (item instanceof FootfallItem f) {
                footfall.add(f.footfall());
            } else if (item instanceof EventItem e) {
                events.add(e.event());
            }
        }
        for (Alert alert = alerts.poll(); alert != null; alert = alerts.poll()) {
            alertsById.put(alert.id(), alert);
        }
        StoreBatch batch = new StoreBatch(new ArrayList<>(kiosks.values()), health, footfall, events,
                new ArrayList<>(alertsById.values()));
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            try {
                BatchResult result = store.write(batch);
                long end = System.nanoTime();
                counters.batch(batch.size(), end - start);
                for (Item item : items) {
                    if (!(item instanceof AckItem)) {
                        counters.persisted.record(end - item.arrivedNanos());
                    }
                }
                acknowledge(items);
                try {
                    committed.committed(batch, result);
                } catch (RuntimeException e) {
                    log.error("handing on a committed batch failed", e);
                }
                return;
            } catch (StoreException e) {
                if (attempt >= ATTEMPTS) {
                    counters.dropped.add(batch.size());
                    log.error("gave up a batch of {} after {} attempts: {}", batch.size(), attempt, e.getMessage());
                    // unacknowledged, they would hold the broker's in-flight slots until the next connection
                    acknowledge(items);
                    return;
                }
                log.warn("writing a batch of {} failed (attempt {} of {}): {}", batch.size(), attempt, ATTEMPTS,
                        e.getMessage());
                try {
                    Thread.sleep(RETRY_AFTER.toMillis());
                } catch (InterruptedException interrupted) {
                    stopping = true;
                }
            }
        }
    }

    /** In the items' order, which is the messages' arrival order, as MQTT wants PUBACKs sent. */
    private static void acknowledge(List<Item> items) {
        for (Item item : items) {
            if (item.ack() != null) {
                item.ack().acknowledge();
            }
        }
    }

    private void compactWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextCompaction)) {
            return;
        }
        nextCompaction = now.plus(settings.compactEvery());
        try {
            HealthCompaction done = store.compactHealth(now);
            if (done.rawFolded() > 0 || done.downsampledPurged() > 0) {
                log.debug("health history: {} raw points folded into {}, {} old points purged", done.rawFolded(),
                        done.downsampledAdded(), done.downsampledPurged());
            }
        } catch (StoreException e) {
            log.warn("downsampling the health history failed: {}", e.getMessage());
        }
    }

    /** Writes what is queued, then stops the thread. */
    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("the store's writer did not finish within {} s; {} items were not written",
                    CLOSE_WAIT.toSeconds(), depth());
            thread.interrupt();
        }
    }
}
