package org.yizhan.fleet.view;

import org.yizhan.protocol.topic.KioskId;

/**
 * Told when what the console shows changes, for live updates. Called on the ingest's thread after the change is
 * visible to {@link FleetView}'s queries; a listener must return quickly and never throw (a listener that
 * throws is logged and kept).
 */
public interface FleetListener {

    /** The kiosk's summary changed: condition, reasons, devices, versions (not merely {@code lastSeen}). */
    default void kioskChanged(KioskSummary kiosk) {
    }

    /** A new health point for the kiosk's charts. */
    default void healthArrived(KioskId kiosk, HealthPoint point) {
    }

    /** The kiosk's footfall changed: a new bucket or a higher revision of one. */
    default void footfallChanged(KioskId kiosk) {
    }

    /** An event arrived. */
    default void eventArrived(EventRecord event) {
    }

    /** An alert was raised, cleared or acknowledged. */
    default void alertChanged(Alert alert) {
    }
}
