package org.yizhan.protocol.footfall;

import java.time.Instant;
import java.util.Objects;
import org.yizhan.protocol.topic.KioskId;

/** What identifies a footfall bucket: whose, and when it starts. Its revision says which version of it. */
public record FootfallKey(KioskId kiosk, Instant bucketStart) {

    public FootfallKey {
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(bucketStart, "bucketStart");
    }
}
