package org.yizhan.fleet.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.fleet.view.Alert;
import org.yizhan.fleet.view.EventRecord;
import org.yizhan.fleet.view.FleetListener;
import org.yizhan.fleet.view.HealthPoint;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.protocol.topic.KioskId;

/**
 * The registered {@link FleetListener}s, told of each change on the caller's thread. A listener that throws is
 * logged and kept. Thread-safe.
 */
public final class Listeners {

    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final List<FleetListener> listeners = new CopyOnWriteArrayList<>();

    public AutoCloseable add(FleetListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void kioskChanged(KioskSummary kiosk) {
        each(l -> l.kioskChanged(kiosk));
    }

    public void healthArrived(KioskId kiosk, HealthPoint point) {
        each(l -> l.healthArrived(kiosk, point));
    }

    public void footfallChanged(KioskId kiosk) {
        each(l -> l.footfallChanged(kiosk));
    }

    public void eventArrived(EventRecord event) {
        each(l -> l.eventArrived(event));
    }

    public void alertChanged(Alert alert) {
        each(l -> l.alertChanged(alert));
    }

    private void each(Consumer<FleetListener> call) {
        for (FleetListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.error("a fleet listener failed", e);
            }
        }
    }
}
