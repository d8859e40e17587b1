package org.yizhan.protocol.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BirthSequenceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:00Z");

    @Test
    void a_kiosk_without_a_stored_number_starts_at_the_unix_time_of_the_connect() {
        assertEquals(NOW.getEpochSecond(), BirthSequence.next(0, NOW));
    }

    @Test
    void grows_by_one_when_the_clock_has_not_moved_past_the_last_number() {
        long first = BirthSequence.next(0, NOW);

        assertEquals(first + 1, BirthSequence.next(first, NOW));
        assertEquals(first + 2, BirthSequence.next(first + 1, NOW.minusSeconds(3600)));
    }

    @Test
    void a_kiosk_whose_clock_is_not_yet_set_still_grows() {
        assertEquals(101, BirthSequence.next(100, Instant.EPOCH));
        assertEquals(1, BirthSequence.next(0, Instant.EPOCH));
    }

    @Test
    void a_reimaged_kiosk_starts_above_the_numbers_it_used_before() {
        // given a kiosk that connected a thousand times over the last day, then lost its data
        long before = BirthSequence.next(0, NOW.minusSeconds(86_400)) + 1000;

        // when it connects again with nothing stored
        long after = BirthSequence.next(0, NOW);

        // then its new connection outranks its old wills
        assertTrue(after > before, after + " > " + before);
    }
}
