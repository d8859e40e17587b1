package org.yizhan.fleet.view;

import java.time.Instant;
import java.util.Objects;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.topic.KioskId;

/**
 * The footfall of one kiosk in one period, every bucket counted once at its highest revision.
 *
 * @param periodStart the first instant of the hour or day, in the query's zone
 * @param kiosk       the kiosk
 * @param counts      the counts added up
 */
public record FootfallRow(Instant periodStart, KioskId kiosk, FootfallCounts counts) {

    public FootfallRow {
        Objects.requireNonNull(periodStart, "periodStart");
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(counts, "counts");
    }
}
