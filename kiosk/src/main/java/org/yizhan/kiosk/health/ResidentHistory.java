package org.yizhan.kiosk.health;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the kiosk knows of one consenting resident before a new reading: their stored readings, newest
 * first, and their height when an earlier weighing brought one. {@link HealthRecords#residentHistory} reads
 * it; {@link #NONE} is an anonymous visitor's (or a resident's first visit). Immutable.
 *
 * @param readings          earlier readings, newest first; any kinds (the assessor takes the ones it needs)
 * @param knownHeightMetres the height of the resident's latest weighing that had one
 */
public record ResidentHistory(List<StoredReading> readings, Optional<BigDecimal> knownHeightMetres) {

    public static final ResidentHistory NONE = new ResidentHistory(List.of(), Optional.empty());

    public ResidentHistory {
        readings = List.copyOf(readings);
        Objects.requireNonNull(knownHeightMetres, "knownHeightMetres");
    }
}
