package org.yizhan.protocol.footfall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.protocol.message.Envelope;

class FootfallTest {

    private static final Envelope ENVELOPE = Envelope.next(1, Instant.parse("2026-03-02T08:30:00Z"));
    private static final Instant QUARTER = Instant.parse("2026-03-02T08:15:00Z");

    @Test
    void a_bucket_starts_on_a_multiple_of_its_length() {
        assertEquals(QUARTER, Footfall.bucketStartOf(Instant.parse("2026-03-02T08:29:59.999Z"), 15));
        assertEquals(Instant.parse("2026-03-02T08:00:00Z"), Footfall.bucketStartOf(QUARTER, 60));
        assertEquals(Instant.parse("2026-03-02T08:30:00Z"),
                new Footfall(ENVELOPE, QUARTER, 15, 1, FootfallCounts.NONE).bucketEnd());
    }

    @Test
    void refuses_a_start_off_the_bucket_boundary() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Footfall(ENVELOPE, QUARTER.plusSeconds(60), 15, 1, FootfallCounts.NONE));
        assertTrue(e.getMessage().contains("15-minute boundary"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Footfall(ENVELOPE, QUARTER.plusMillis(1), 15, 1, FootfallCounts.NONE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -15, 7, 45, 90, 1440})
    void refuses_a_length_that_does_not_divide_an_hour(int minutes) {
        assertThrows(IllegalArgumentException.class,
                () -> new Footfall(ENVELOPE, Instant.parse("2026-03-02T00:00:00Z"), minutes, 1, FootfallCounts.NONE));
    }

    @Test
    void refuses_a_revision_below_one() {
        assertThrows(IllegalArgumentException.class, () -> new Footfall(ENVELOPE, QUARTER, 15, 0, FootfallCounts.NONE));
    }

    @Test
    void counts_add_up_by_code_and_leave_zeros_out() {
        // given
        FootfallCounts a = new FootfallCounts(Map.of("rider", 2L, "walk-in", 1L), Map.of("rest", 3L), 5,
                Map.of("blood-pressure", 1L));
        FootfallCounts b = new FootfallCounts(Map.of("rider", 1L, "staff", 0L), Map.of("charge", 1L), 2, Map.of());

        // when
        FootfallCounts sum = a.plus(b);

        // then
        assertEquals(Map.of("rider", 3L, "walk-in", 1L), sum.checkInsByCategory());
        assertEquals(Map.of("rest", 3L, "charge", 1L), sum.checkInsByPurpose());
        assertEquals(7, sum.entriesSensed());
        assertEquals(4, sum.checkIns());
        assertEquals(1, sum.walkIns());
        assertEquals(b, new FootfallCounts(Map.of("rider", 1L), Map.of("charge", 1L), 2, Map.of()));
    }

    @Test
    void refuses_negative_counts_and_keys_that_are_not_codes() {
        assertThrows(IllegalArgumentException.class,
                () -> new FootfallCounts(Map.of("rider", -1L), Map.of(), 0, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new FootfallCounts(Map.of("Rider", 1L), Map.of(), 0, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new FootfallCounts(Map.of(), Map.of(), -1, Map.of()));
    }
}
