package org.yizhan.protocol.command;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Nonces in memory, each forgotten once its command has expired by {@code clock}. Enough for the fleet
 * simulator and tests; a kiosk that must survive its own restart keeps them in its database. Thread-safe.
 */
public final class RecentNonces implements SeenNonces {

    private final Clock clock;
    private final Map<String, Instant> nonces = new HashMap<>();

    public RecentNonces(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean firstSight(String nonce, Instant forgetAfter) {
        Instant now = clock.instant();
        nonces.values().removeIf(until -> until.isBefore(now));
        return nonces.putIfAbsent(nonce, forgetAfter) == null;
    }

    public synchronized int size() {
        return nonces.size();
    }
}
