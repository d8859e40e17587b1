package org.yizhan.devices.gpio;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the raw level of a switch, beam or sensor into a clean one: a new level is accepted once it has
 * held, unbroken, for the debounce window. A contact that bounces, or a spike picked up by a long cable,
 * changes nothing.
 *
 * <p>A pure state machine with no clock of its own: the caller feeds each raw level with the instant it
 * was seen, and calls {@link #settle} once {@link #pendingUntil} has passed. Not thread-safe.
 */
public final class Debouncer {

    /**
     * A level accepted after debouncing.
     *
     * @param active the new level: true when the sensor signals
     * @param since  when the raw level took this value, before the window elapsed
     */
    public record Edge(boolean active, Instant since) {
    }

    private final Duration window;
    private boolean stable;
    private boolean raw;
    private Instant rawSince;

    public Debouncer(Duration window, boolean initial, Instant at) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("a debounce window cannot be negative: " + window);
        }
        this.window = window;
        this.stable = initial;
        this.raw = initial;
        this.rawSince = Objects.requireNonNull(at, "at");
    }

    /** A raw level seen at {@code at}. A repeat of the current raw level changes nothing. */
    public void sample(boolean level, Instant at) {
        if (level != raw) {
            raw = level;
            rawSince = at;
        }
    }

    /** When a pending level will have held for the window; empty when the raw level equals the stable one. */
    public Optional<Instant> pendingUntil() {
        return raw == stable ? Optional.empty() : Optional.of(rawSince.plus(window));
    }

    /** Accepts the pending level if it has held for the window by {@code now}. */
    public Optional<Edge> settle(Instant now) {
        if (raw == stable || now.isBefore(rawSince.plus(window))) {
            return Optional.empty();
        }
        stable = raw;
        return Optional.of(new Edge(stable, rawSince));
    }

    /** The accepted level. */
    public boolean stable() {
        return stable;
    }

    /** Forgets any pending level and takes {@code level} as stable, without an edge (a line claimed anew). */
    public void reset(boolean level, Instant at) {
        stable = level;
        raw = level;
        rawSince = at;
    }
}
