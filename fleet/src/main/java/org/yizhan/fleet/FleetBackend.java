package org.yizhan.fleet;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.fleet.alert.AlertBook;
import org.yizhan.fleet.alert.AlertRules;
import org.yizhan.fleet.alert.Alerting;
import org.yizhan.fleet.connection.FleetConnector;
import org.yizhan.fleet.ingest.Ingest;
import org.yizhan.fleet.ingest.IngestStatistics;
import org.yizhan.fleet.live.FleetState;
import org.yizhan.fleet.live.Listeners;
import org.yizhan.fleet.live.LiveFleetView;
import org.yizhan.fleet.mqtt.PahoFleetConnection;
import org.yizhan.fleet.status.KioskConditions;
import org.yizhan.fleet.status.KioskFacts;
import org.yizhan.fleet.store.FleetStore;
import org.yizhan.fleet.store.StoredFleet;
import org.yizhan.fleet.store.StoredKiosk;
import org.yizhan.fleet.store.jdbc.JdbcFleetStore;
import org.yizhan.fleet.view.FleetView;

/**
 * The console's back end, composed from one {@link FleetBackendSettings}: the store (opened and migrated), the
 * kiosks and alerts it held (loaded into memory), the alert rules, and the ingest, which connects and subscribes
 * in the background and keeps reconnecting until {@link #close}. The web console reads {@link #view()}; metrics
 * read {@link #statistics()}.
 *
 * <p>{@link #start} returns once the store is open and loaded, without waiting for the broker: a console started
 * while the broker is down shows what it stored and catches up when the broker returns. {@link #close}
 * disconnects, writes what is queued, and closes the store. The composition root, and so the one class outside
 * {@code mqtt} that names the MQTT client ({@link PahoFleetConnection}).
 */
public final class FleetBackend implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetBackend.class);

    private final FleetStore store;
    private final Alerting alerting;
    private final Ingest ingest;
    private final LiveFleetView view;

    private FleetBackend(FleetStore store, Alerting alerting, Ingest ingest, LiveFleetView view) {
        this.store = store;
        this.alerting = alerting;
        this.ingest = ingest;
        this.view = view;
    }

    /** Starts on Paho. */
    public static FleetBackend start(FleetBackendSettings settings) {
        return start(settings, PahoFleetConnection::connect);
    }

    /**
     * Starts with connections from {@code connector}.
     *
     * @throws org.yizhan.fleet.store.StoreException when the store cannot be opened or loaded
     */
    public static FleetBackend start(FleetBackendSettings settings, FleetConnector connector) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(connector, "connector");
        FleetStore store = JdbcFleetStore.open(settings.store());
        try {
            StoredFleet stored = store.load();
            FleetState state = new FleetState(settings.clock().instant());
            for (StoredKiosk kiosk : stored.kiosks()) {
                KioskFacts facts = new KioskFacts(kiosk.id(), kiosk.state(), kiosk.stateReceived(), kiosk.birth(),
                        kiosk.health(), kiosk.healthReceived(), kiosk.health() == null ? List.of()
                                : List.of(kiosk.health().outbox().rows()), kiosk.lastSeen(),
                        state.watchingSince());
                state.restore(facts);
            }
            KioskConditions conditions = new KioskConditions(settings.clock(), settings.conditions());
            Listeners listeners = new Listeners();
            Ingest ingest = new Ingest(store, state, conditions, listeners, settings.ingest(), settings.clock());
            Alerting alerting = new Alerting(new AlertRules(settings.alerts(), conditions),
                    new AlertBook(stored.alerts(), stored.lastAlertId()), ingest.alertOutput());
            LiveFleetView view = new LiveFleetView(state, conditions, alerting, store, listeners);
            ingest.start(alerting, connector, settings.broker(), settings.subscription());
            log.info("fleet console started with {} known kiosks and {} open alerts, subscribing to {}",
                    stored.kiosks().size(), alerting.alerts(false).size(), settings.subscription());
            return new FleetBackend(store, alerting, ingest, view);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** What the console shows; thread-safe. */
    public FleetView view() {
        return view;
    }

    public IngestStatistics statistics() {
        return ingest.statistics();
    }

    /** Judges every kiosk now, as the periodic tick does (lost kiosks, the lost alert). */
    public void tick() {
        ingest.tick();
    }

    @Override
    public void close() {
        try {
            ingest.close();
        } finally {
            alerting.close();
            store.close();
        }
    }
}
