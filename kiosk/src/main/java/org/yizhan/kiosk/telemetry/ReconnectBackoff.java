package org.yizhan.kiosk.telemetry;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the kiosk waits before its next attempt to reach the broker: a ceiling that starts at {@code min}
 * and doubles with every failure in a row up to {@code max}, and a delay drawn uniformly from the upper
 * half of that ceiling ("equal jitter").
 *
 * <p>The doubling spares a broker that is down or overloaded; the jitter keeps thousands of kiosks that lost
 * the broker in the same second from all coming back in the same second; the lower bound of half the
 * ceiling keeps one kiosk's attempts apart, so its birth sequence (one number per attempt) does not run
 * ahead of the clock.
 */
public record ReconnectBackoff(Duration min, Duration max) {

    public static final ReconnectBackoff DEFAULT = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    public ReconnectBackoff {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.toMillis() < 1) {
            throw new IllegalArgumentException("the minimum backoff must be at least 1ms, not " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("the maximum backoff " + max + " is below the minimum " + min);
        }
    }

    /** The ceiling after {@code failures} failed attempts in a row: min × 2^failures, at most max. */
    public Duration ceiling(int failures) {
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative, not " + failures);
        }
        Duration ceiling = min;
        for (int i = 0; i < failures && ceiling.compareTo(max) < 0; i++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(max) < 0 ? ceiling : max;
    }

    /**
     * The delay before the next attempt after {@code failures} failed attempts in a row, between half the
     * ceiling and the ceiling.
     *
     * @param random a number in [0, 1), e.g. from {@code ThreadLocalRandom}
     */
    public Duration delay(int failures, double random) {
        if (!(random >= 0 && random < 1)) {
            throw new IllegalArgumentException("random must be in [0, 1), not " + random);
        }
        long ceiling = ceiling(failures).toNanos();
        long half = ceiling / 2;
        return Duration.ofNanos(half + (long) (random * (ceiling - half)));
    }
}
