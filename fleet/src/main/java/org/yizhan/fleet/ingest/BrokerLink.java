package org.yizhan.fleet.ingest;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.fleet.connection.FleetConnection;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.connection.FleetConnector;
import org.yizhan.fleet.connection.IncomingMessage;
import org.yizhan.fleet.connection.SubscriptionListener;

/**
 * Keeps the console connected and subscribed, whatever happens to the broker: a {@link FleetConnection} does not
 * reconnect by itself, so this loop does. One attempt at a time: connect (handing what a kept session delivers
 * before the subscribe to the same sink), subscribe to the filter, wait for the SUBACK. After a failed attempt or
 * a lost connection it waits a {@link Backoff} delay and tries again; a connection that lasted at least the
 * longest delay starts the delays over. The first failure of a streak is a warning, the others are debug lines,
 * and a recovery is one info line, so an outage of a day does not flood the log.
 *
 * <p>Threading: attempts and loss handling run on one thread, {@code yizhan-fleet-link}; messages reach the sink
 * on the connection's delivery thread.
 */
final class BrokerLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerLink.class);
    private static final long CLOSE_WAIT_SECONDS = 15;

    private final FleetConnector connector;
    private final FleetConnectionSettings settings;
    private final String filter;
    private final SubscriptionListener sink;
    private final Backoff backoff;
    private final Duration subscribeWait;
    private final IngestCounters counters;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "yizhan-fleet-link");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    // Confined to the link's thread.
    private FleetConnection connection;
    private int generation;
    private long connectedAtNanos;
    private int failures;

    BrokerLink(FleetConnector connector, FleetConnectionSettings settings, String filter, SubscriptionListener sink,
            IngestSettings ingest, IngestCounters counters) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.backoff = new Backoff(ingest.reconnectMin(), ingest.reconnectMax());
        this.subscribeWait = ingest.subscribeWait();
        this.counters = counters;
    }

    void start() {
        onThread(this::attempt, Duration.ZERO);
    }

    private void attempt() {
        if (closed) {
            return;
        }
        int current = ++generation;
        FleetConnection made = null;
        try {
            Watcher watcher = new Watcher(current);
            made = connector.connect(settings, watcher);
            made.subscribe(filter, watcher).toCompletableFuture().get(subscribeWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (made != null) {
                made.close();
            }
            String reason = e instanceof ExecutionException && e.getCause() != null ? e.getCause().getMessage()
                    : e instanceof TimeoutException ? "no SUBACK for " + filter + " within " + subscribeWait.toSeconds()
                            + " s" : e.getMessage();
            failed(reason);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (made != null) {
                made.close();
            }
            return;
        }
        if (closed) {
            made.close();
            return;
        }
        connection = made;
        connectedAtNanos = System.nanoTime();
        counters.connected.set(true);
        counters.connects.increment();
        if (failures > 0) {
            log.info("connected to {} again and subscribed to {} after {} failed attempts", settings.url(), filter,
                    failures);
        } else {
            log.info("connected to {} as {} and subscribed to {}{}", settings.url(), settings.clientId(), filter,
                    settings.persistentSession() ? " (persistent session)" : "");
        }
        failures = 0;
    }

    private void failed(String reason) {
        failures++;
        Duration delay = backoff.next();
        if (failures == 1) {
            log.warn("cannot reach the broker: {}; trying again, the next time in {} ms", reason, delay.toMillis());
        } else {
            log.debug("attempt {} failed: {}; next in {} ms", failures, reason, delay.toMillis());
        }
        onThread(this::attempt, delay);
    }

    private void lost(int which, String reason) {
        if (which != generation || connection == null || closed) {
            return;
        }
        connection.close();
        connection = null;
        counters.connected.set(false);
        if (System.nanoTime() - connectedAtNanos >= backoff.max().toNanos()) {
            backoff.reset();
        }
        Duration delay = backoff.next();
        log.warn("lost the broker: {}; reconnecting in {} ms", reason, delay.toMillis());
        failures = 0;
        onThread(this::attempt, delay);
    }

    private void onThread(Runnable task, Duration delay) {
        try {
            thread.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    /** Disconnects and ends the loop; waits for an attempt under way (at most its connect timeout). */
    @Override
    public void close() {
        closed = true;
        try {
            thread.submit(() -> {
                if (connection != null) {
                    connection.close();
                    connection = null;
                }
                counters.connected.set(false);
            });
        } catch (RejectedExecutionException e) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }

    /** One connection's listener: hands messages on, reports its loss to the link's thread. */
    private final class Watcher implements SubscriptionListener {

        private final int which;

        Watcher(int which) {
            this.which = which;
        }

        @Override
        public void messageArrived(IncomingMessage message) {
            sink.messageArrived(message);
        }

        @Override
        public void connectionLost(String reason) {
            onThread(() -> lost(which, reason), Duration.ZERO);
        }
    }
}
