package org.yizhan.fleet.store;

import java.util.List;
import org.yizhan.fleet.view.Alert;

/**
 * What {@link FleetStore#load} gives back at start.
 *
 * @param kiosks      every kiosk ever heard of
 * @param alerts      every alert still open (not acknowledged) and the latest acknowledged ones, newest first
 * @param lastAlertId the highest alert id ever given, 0 when none; new alerts continue after it
 */
public record StoredFleet(List<StoredKiosk> kiosks, List<Alert> alerts, long lastAlertId) {

    public StoredFleet {
        kiosks = List.copyOf(kiosks);
        alerts = List.copyOf(alerts);
    }
}
