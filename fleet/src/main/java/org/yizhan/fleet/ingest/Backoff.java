package org.yizhan.fleet.ingest;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnect delays: a ceiling from {@code min} doubling to {@code max}, each delay drawn from the upper half of
 * its ceiling (so consoles and kiosks returning together spread out, as the kiosk's own loop does — decision
 * 0005). Not thread-safe: confined to the link's thread.
 */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private Duration ceiling;

    Backoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
        this.ceiling = min;
    }

    Duration next() {
        Duration current = ceiling;
        ceiling = ceiling.multipliedBy(2).compareTo(max) > 0 ? max : ceiling.multipliedBy(2);
        long half = Math.max(1, current.toMillis() / 2);
        return Duration.ofMillis(current.toMillis() - half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    void reset() {
        ceiling = min;
    }

    Duration max() {
        return max;
    }
}
