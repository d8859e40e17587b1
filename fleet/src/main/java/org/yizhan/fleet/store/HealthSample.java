package org.yizhan.fleet.store;

import java.util.Objects;
import org.yizhan.fleet.view.HealthPoint;
import org.yizhan.protocol.topic.KioskId;

/** One kiosk's health point, to be added to its history. */
public record HealthSample(KioskId kiosk, HealthPoint point) {

    public HealthSample {
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(point, "point");
    }
}
