package org.yizhan.kiosk.ui.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyboardWedgeTest {

    private static final long MS = 1_000_000L;

    private final KeyboardWedge wedge = new KeyboardWedge();
    private final List<String> scans = new ArrayList<>();
    private long now = 1_000 * MS;

    @Test
    void a_fast_burst_ended_by_enter_is_a_scan() {
        // given a scanner typing a pass 3 ms a character
        // when
        type("eyJhbGciOiJFZERTQSJ9.abc.def", 3);
        enter(3);

        // then
        assertEquals(List.of("eyJhbGciOiJFZERTQSJ9.abc.def"), scans);
    }

    @Test
    void a_line_feed_ends_a_scan_like_enter() {
        type("PASS-1234", 2);
        now += 2 * MS;
        feed('\n');

        assertEquals(List.of("PASS-1234"), scans);
    }

    @Test
    void a_person_typing_slowly_is_not_a_scan() {
        // given someone typing at a keyboard, 180 ms a key
        // when
        type("hello world", 180);
        enter(180);

        // then
        assertEquals(List.of(), scans);
    }

    @Test
    void a_fast_typist_is_not_a_scan_even_without_long_pauses() {
        // 70 ms a key stays under the 100 ms pause limit but is far slower than a scanner
        type("abcdefgh", 70);
        enter(70);

        assertEquals(List.of(), scans);
    }

    @Test
    void a_burst_interrupted_by_a_long_pause_yields_only_the_part_after_the_pause() {
        // given half a code, then a pause of half a second
        type("stale-", 3);
        now += 500 * MS;

        // when the rest arrives fast
        type("FRESH-CODE", 3);
        enter(3);

        // then
        assertEquals(List.of("FRESH-CODE"), scans);
    }

    @Test
    void enter_alone_is_nothing() {
        enter(3);
        enter(500);

        assertEquals(List.of(), scans);
    }

    @Test
    void a_burst_shorter_than_the_minimum_is_nothing() {
        type("abc", 2);
        enter(2);

        assertEquals(List.of(), scans);
    }

    @Test
    void enter_long_after_a_fast_burst_is_not_a_scan() {
        // a person pasting or auto-repeating, then pressing Enter by hand
        type("ABCDEFGH", 2);
        enter(400);

        assertEquals(List.of(), scans);
    }

    @Test
    void enter_empties_the_buffer_so_the_next_scan_stands_alone() {
        type("ab", 2);
        enter(2);
        type("SECOND-SCAN", 2);
        enter(2);

        assertEquals(List.of("SECOND-SCAN"), scans);
    }

    @Test
    void control_characters_other_than_enter_are_left_out() {
        type("AB\tCD\bEF", 2);
        enter(2);

        assertEquals(List.of("ABCDEF"), scans);
    }

    @Test
    void thresholds_are_the_callers_to_choose() {
        KeyboardWedge lenient = new KeyboardWedge(2, Duration.ofMillis(80), Duration.ofMillis(150));

        lenient.type('o', 0);
        lenient.type('k', 70 * MS);

        assertEquals(Optional.of("ok"), lenient.type('\r', 140 * MS));
    }

    @Test
    void refuses_a_median_limit_above_the_pause_limit() {
        assertThrows(IllegalArgumentException.class,
                () -> new KeyboardWedge(4, Duration.ofMillis(200), Duration.ofMillis(100)));
    }

    private void type(String text, long gapMillis) {
        for (int i = 0; i < text.length(); i++) {
            if (i > 0) {
                now += gapMillis * MS;
            }
            feed(text.charAt(i));
        }
    }

    private void enter(long gapMillis) {
        now += gapMillis * MS;
        feed('\r');
    }

    private void feed(char c) {
        wedge.type(c, now).ifPresent(scans::add);
    }
}
