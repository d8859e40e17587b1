package org.yizhan.fleet.view;

import java.time.Instant;
import java.util.Objects;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.topic.KioskId;

/**
 * An event as the console stored it.
 *
 * @param kiosk    who sent it
 * @param received when the console received it (the event's own time is {@code event.envelope().ts()})
 * @param event    the event as the kiosk sent it
 */
public record EventRecord(KioskId kiosk, Instant received, Event event) {

    public EventRecord {
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(event, "event");
    }
}
