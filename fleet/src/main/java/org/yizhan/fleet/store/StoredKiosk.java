package org.yizhan.fleet.store;

import java.time.Instant;
import java.util.Objects;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.topic.KioskId;

/**
 * A kiosk's latest messages as stored: what the console needs to judge it after a restart.
 *
 * @param id             the kiosk
 * @param state          the state kept by {@code KioskPresence}; null when none arrived
 * @param stateReceived  when it arrived; null with it
 * @param birth          the latest birth; null when none arrived
 * @param health         the latest health; null when none arrived
 * @param healthReceived when it arrived; null with it
 * @param lastSeen       when the console last received anything from it
 */
public record StoredKiosk(KioskId id, KioskState state, Instant stateReceived, Birth birth, Health health,
        Instant healthReceived, Instant lastSeen) {

    public StoredKiosk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
