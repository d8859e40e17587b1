package org.yizhan.kiosk.flow;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each kiosk event to every listener, in subscription order, on the publishing thread. A listener
 * that throws is logged and does not keep the event from the others.
 */
public final class KioskEvents {

    private static final Logger log = LoggerFactory.getLogger(KioskEvents.class);

    private final List<Consumer<KioskEvent>> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<KioskEvent> listener) {
        listeners.add(listener);
    }

    public void publish(KioskEvent event) {
        for (Consumer<KioskEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.error("a listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
