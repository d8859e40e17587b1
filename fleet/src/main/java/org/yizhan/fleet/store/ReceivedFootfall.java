package org.yizhan.fleet.store;

import java.time.Instant;
import java.util.Objects;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.topic.KioskId;

/** A footfall bucket as the console received it from a kiosk (the kiosk comes from the topic). */
public record ReceivedFootfall(KioskId kiosk, Footfall footfall, Instant received) {

    public ReceivedFootfall {
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(footfall, "footfall");
        Objects.requireNonNull(received, "received");
    }
}
