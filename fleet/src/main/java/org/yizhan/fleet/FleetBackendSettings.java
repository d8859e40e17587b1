package org.yizhan.fleet;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.yizhan.fleet.alert.AlertSettings;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.ingest.IngestSettings;
import org.yizhan.fleet.status.ConditionThresholds;
import org.yizhan.fleet.store.StoreSettings;
import org.yizhan.protocol.topic.Topics;

/**
 * Everything {@link FleetBackend} needs, checked once.
 *
 * @param broker     how to reach the broker; for a console that must not lose footfall while it is down, a
 *                   persistent session ({@link FleetConnectionSettings#withPersistentSession}) with a client id
 *                   stable across restarts
 * @param shareGroup the MQTT 5 shared-subscription group several console instances split the fleet in; null for
 *                   one console that sees everything (and gets retained states and births on subscribe)
 * @param store      where history is kept: {@link StoreSettings#inDirectory} for SQLite, or any JDBC URL
 * @param alerts     alert thresholds and webhooks
 * @param conditions where online, degraded and lost are told apart
 * @param ingest     batching, tick and reconnect pacing
 * @param clock      the console's clock (simulated in tests)
 */
public record FleetBackendSettings(FleetConnectionSettings broker, String shareGroup, StoreSettings store,
        AlertSettings alerts, ConditionThresholds conditions, IngestSettings ingest, Clock clock) {

    public FleetBackendSettings {
        Objects.requireNonNull(broker, "broker");
        if (shareGroup != null) {
            // throws with a message naming the share group when it is not a valid topic level
            Topics.shared(shareGroup, Topics.ROOT + "/#");
        }
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(clock, "clock");
    }

    /** One console on {@code broker}, SQLite in {@code dataDir}, every default, the system clock. */
    public static FleetBackendSettings of(FleetConnectionSettings broker, Path dataDir) {
        return new FleetBackendSettings(broker, null, StoreSettings.inDirectory(dataDir), AlertSettings.DEFAULTS,
                ConditionThresholds.DEFAULTS, IngestSettings.DEFAULTS, Clock.systemUTC());
    }

    /** The subscription: {@code yizhan/v1/#}, shared when a group is set. */
    public String subscription() {
        String all = Topics.ROOT + "/#";
        return shareGroup == null ? all : Topics.shared(shareGroup, all);
    }

    public FleetBackendSettings withShareGroup(String group) {
        return new FleetBackendSettings(broker, group, store, alerts, conditions, ingest, clock);
    }

    public FleetBackendSettings withAlerts(AlertSettings newAlerts) {
        return new FleetBackendSettings(broker, shareGroup, store, newAlerts, conditions, ingest, clock);
    }

    public FleetBackendSettings withIngest(IngestSettings newIngest) {
        return new FleetBackendSettings(broker, shareGroup, store, alerts, conditions, newIngest, clock);
    }

    public FleetBackendSettings withClock(Clock newClock) {
        return new FleetBackendSettings(broker, shareGroup, store, alerts, conditions, ingest, newClock);
    }

    public FleetBackendSettings withStore(StoreSettings newStore) {
        return new FleetBackendSettings(broker, shareGroup, newStore, alerts, conditions, ingest, clock);
    }

    public FleetBackendSettings withBroker(FleetConnectionSettings newBroker) {
        return new FleetBackendSettings(newBroker, shareGroup, store, alerts, conditions, ingest, clock);
    }
}
