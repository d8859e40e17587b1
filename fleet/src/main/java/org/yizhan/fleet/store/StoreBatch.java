package org.yizhan.fleet.store;

import java.util.List;
import org.yizhan.fleet.view.Alert;
import org.yizhan.fleet.view.EventRecord;

/**
 * One transaction's worth of writes.
 *
 * @param kiosks   kiosk snapshots, at most one per kiosk (the latest)
 * @param health   health points to add to the history
 * @param footfall footfall buckets as received, in arrival order
 * @param events   events as received, in arrival order
 * @param alerts   alerts as they are now, at most one per id (the latest)
 */
public record StoreBatch(List<StoredKiosk> kiosks, List<HealthSample> health, List<ReceivedFootfall> footfall,
        List<EventRecord> events, List<Alert> alerts) {

    public StoreBatch {
        kiosks = List.copyOf(kiosks);
        health = List.copyOf(health);
        footfall = List.copyOf(footfall);
        events = List.copyOf(events);
        alerts = List.copyOf(alerts);
    }

    public boolean isEmpty() {
        return kiosks.isEmpty() && health.isEmpty() && footfall.isEmpty() && events.isEmpty() && alerts.isEmpty();
    }

    /** Messages and changes in it, for the batch size statistics. */
    public int size() {
        return kiosks.size() + health.size() + footfall.size() + events.size() + alerts.size();
    }
}
