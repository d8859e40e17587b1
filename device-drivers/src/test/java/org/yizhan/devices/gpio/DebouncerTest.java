package org.yizhan.devices.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DebouncerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T21:00:00Z");
    private static final Duration WINDOW = Duration.ofMillis(50);

    private final Debouncer debouncer = new Debouncer(WINDOW, false, T0);

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void accepts_a_level_once_it_has_held_for_the_window() {
        // given a level that went active at 10 ms
        debouncer.sample(true, at(10));

        // then it is pending until 60 ms, and accepted then, dated when it began
        assertEquals(Optional.of(at(60)), debouncer.pendingUntil());
        assertEquals(Optional.empty(), debouncer.settle(at(59)));
        assertEquals(Optional.of(new Debouncer.Edge(true, at(10))), debouncer.settle(at(60)));
        assertTrue(debouncer.stable());
        assertEquals(Optional.empty(), debouncer.pendingUntil());
    }

    @Test
    void a_spike_shorter_than_the_window_changes_nothing() {
        // given a level that went active and back within the window
        debouncer.sample(true, at(10));
        debouncer.sample(false, at(30));

        // then nothing is pending and nothing is ever accepted
        assertEquals(Optional.empty(), debouncer.pendingUntil());
        assertEquals(Optional.empty(), debouncer.settle(at(1000)));
        assertFalse(debouncer.stable());
    }

    @Test
    void bouncing_restarts_the_window_from_the_last_change() {
        // given a contact that bounces for 30 ms before it stays closed
        debouncer.sample(true, at(0));
        debouncer.sample(false, at(5));
        debouncer.sample(true, at(12));
        debouncer.sample(false, at(20));
        debouncer.sample(true, at(30));

        // then the level is accepted 50 ms after the last bounce, once
        assertEquals(Optional.empty(), debouncer.settle(at(79)));
        assertEquals(Optional.of(new Debouncer.Edge(true, at(30))), debouncer.settle(at(80)));
        assertEquals(Optional.empty(), debouncer.settle(at(200)));
    }

    @Test
    void a_repeated_level_does_not_restart_the_window() {
        // given a level reported again while pending (an input thread that reports every read)
        debouncer.sample(true, at(0));
        debouncer.sample(true, at(40));

        // then the window still runs from the first report
        assertEquals(Optional.of(new Debouncer.Edge(true, at(0))), debouncer.settle(at(50)));
    }

    @Test
    void a_zero_window_accepts_at_once() {
        Debouncer immediate = new Debouncer(Duration.ZERO, false, T0);

        immediate.sample(true, at(5));

        assertEquals(Optional.of(new Debouncer.Edge(true, at(5))), immediate.settle(at(5)));
    }

    @Test
    void reset_takes_a_level_without_an_edge_and_drops_what_was_pending() {
        // given a pending change
        debouncer.sample(true, at(0));

        // when the level is reset to active (a line just claimed reads active)
        debouncer.reset(true, at(10));

        // then there is no edge, and a later release is an edge to inactive
        assertEquals(Optional.empty(), debouncer.settle(at(100)));
        debouncer.sample(false, at(100));
        assertEquals(Optional.of(new Debouncer.Edge(false, at(100))), debouncer.settle(at(150)));
    }

    @Test
    void refuses_a_negative_window() {
        assertThrows(IllegalArgumentException.class, () -> new Debouncer(Duration.ofMillis(-1), false, T0));
    }
}
