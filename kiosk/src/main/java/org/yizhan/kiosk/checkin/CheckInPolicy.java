package org.yizhan.kiosk.checkin;

import java.time.Duration;
import java.util.Objects;

/**
 * How check-in treats a visitor.
 *
 * @param duplicateWindow the same visitor again within this time is a duplicate, not a second visit
 * @param defaultPurpose  the purpose recorded when a visitor does not choose one
 */
public record CheckInPolicy(Duration duplicateWindow, Purpose defaultPurpose) {

    public CheckInPolicy {
        Objects.requireNonNull(duplicateWindow, "duplicateWindow");
        Objects.requireNonNull(defaultPurpose, "defaultPurpose");
    }
}
