package org.yizhan.kiosk.health;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A reading kept in a resident's history: when it was taken (to the millisecond), its values and the flags
 * it had. Immutable; {@code flags} is an unmodifiable set in {@link HealthFlag} order.
 */
public record StoredReading(Instant at, Reading reading, Set<HealthFlag> flags) {

    public StoredReading {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reading, "reading");
        flags = Collections.unmodifiableSet(
                flags.isEmpty() ? EnumSet.noneOf(HealthFlag.class) : EnumSet.copyOf(flags));
    }

    public MeasurementKind kind() {
        return reading.kind();
    }
}
