package org.yizhan.fleet.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.yizhan.protocol.topic.KioskId;

/**
 * What the console knows about the fleet, for the web pages, the JSON API and the metrics. Every method may be
 * called from any thread; each answer is a consistent snapshot of the kiosk it concerns (not necessarily of
 * the whole fleet at one instant). Conditions are judged at the time of the call, so a kiosk that fell silent
 * shows as lost without any new message.
 */
public interface FleetView {

    FleetOverview overview();

    List<KioskSummary> kiosks(KioskFilter filter);

    /** The kiosk with its latest {@code recentEvents} events; empty when the console never heard of it. */
    Optional<KioskDetail> kiosk(KioskId id, int recentEvents);

    /** The kiosk's health history in {@code [from, to)}, oldest first. */
    List<HealthPoint> healthHistory(KioskId id, Instant from, Instant to);

    /** Footfall per kiosk and period, ordered by period then kiosk; periods without footfall are left out. */
    List<FootfallRow> footfall(FootfallQuery query);

    /** Alerts, newest first: only open ones, or acknowledged ones too. */
    List<Alert> alerts(boolean includeAcknowledged);

    /**
     * Acknowledges an open alert in the maintainer's name.
     *
     * @return the alert as it is now; empty when there is no such alert
     */
    Optional<Alert> acknowledge(long alertId, String maintainer);

    /** Registers a listener until the returned handle is closed. */
    AutoCloseable listen(FleetListener listener);
}
