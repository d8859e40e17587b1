package org.yizhan.fleet.ingest;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.fleet.alert.AlertChange;
import org.yizhan.fleet.alert.Alerting;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.connection.FleetConnector;
import org.yizhan.fleet.live.FleetState;
import org.yizhan.fleet.live.Listeners;
import org.yizhan.fleet.status.KioskConditions;
import org.yizhan.fleet.store.FleetStore;

/**
 * The console's ingest: the broker link with its reconnect loop ({@link BrokerLink}), the pipeline that turns
 * messages into facts ({@link IngestPipeline}), the store's writer ({@link StoreWriter}) and the periodic tick.
 *
 * <p><b>Subscription.</b> {@code yizhan/v1/#}, or with a group name the MQTT 5 shared subscription
 * {@code $share/{group}/yizhan/v1/#}, with which several console instances split a large fleet: the broker gives
 * each message to one of them. A shared subscription receives <i>no retained messages</i> on subscribe (MQTT 5,
 * 4.8.2), so an instance in a group learns a kiosk's state and birth only from its next connect, or from its
 * own store after a restart; a single console without a group gets every retained state and birth at once.
 *
 * <p><b>Lifecycle.</b> Made in two steps, because alerting needs the ingest's output and the ingest needs
 * alerting: construct, make the {@link Alerting} with {@link #alertOutput()}, then {@link #start}. {@link #close}
 * disconnects first, then stops the tick, then writes everything queued.
 */
public final class Ingest implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Ingest.class);

    private final FleetState state;
    private final KioskConditions conditions;
    private final Listeners listeners;
    private final IngestSettings settings;
    private final Clock clock;
    private final IngestCounters counters = new IngestCounters();
    private final StoreWriter writer;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "yizhan-fleet-tick");
        thread.setDaemon(true);
        return thread;
    });
    private IngestPipeline pipeline;
    private BrokerLink link;

    public Ingest(FleetStore store, FleetState state, KioskConditions conditions, Listeners listeners,
            IngestSettings settings, Clock clock) {
        this.state = Objects.requireNonNull(state, "state");
        this.conditions = Objects.requireNonNull(conditions, "conditions");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = new StoreWriter(store, settings, counters, clock);
    }

    /** Where alert changes go: stored by the writer, and told to listeners. */
    public Alerting.Output alertOutput() {
        return this::alertChanged;
    }

    private void alertChanged(AlertChange change) {
        writer.submit(change.alert());
        listeners.alertChanged(change.alert());
    }

    /**
     * Starts the writer and the tick, then connects and subscribes in the background: returns at once, and keeps
     * trying until {@link #close}.
     *
     * @param filter the subscription, {@code yizhan/v1/#} or its shared form
     */
    public synchronized void start(Alerting alerting, FleetConnector connector, FleetConnectionSettings broker,
            String filter) {
        if (pipeline != null) {
            throw new IllegalStateException("the ingest has started already");
        }
        pipeline = new IngestPipeline(state, conditions, alerting, writer, listeners, counters, clock);
        pipeline.prime();
        writer.start(pipeline::committed);
        long tick = settings.tick().toMillis();
        ticker.scheduleWithFixedDelay(() -> {
            try {
                pipeline.tick();
            } catch (RuntimeException e) {
                log.error("judging the fleet failed", e);
            }
        }, tick, tick, TimeUnit.MILLISECONDS);
        // PUBACKs wait for the commit: what the broker forgets, the store holds
        link = new BrokerLink(connector, broker.withManualAcknowledgement(), filter, pipeline, settings, counters);
        link.start();
    }

    /** Judges every kiosk now, as the periodic tick does; for tests with a simulated clock. */
    public void tick() {
        pipeline.tick();
    }

    public IngestStatistics statistics() {
        return counters.snapshot(writer.depth(), state.size());
    }

    @Override
    public synchronized void close() {
        if (link != null) {
            link.close();
        }
        ticker.shutdownNow();
        if (pipeline != null) {
            writer.close();
        }
    }
}
