package org.yizhan.fleetsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.message.Envelope;

class BucketClockTest {

    private static final Instant START = Instant.parse("2026-03-02T08:20:00Z");

    @Test
    void on_the_real_clock_buckets_close_on_the_wall_clocks_boundaries_and_the_first_counts_only_its_rest() {
        // given 15-minute buckets, starting 5 minutes into one
        BucketClock clock = BucketClock.of(SimulationSettings.builder(1).build(), START);

        // then
        assertEquals(Instant.parse("2026-03-02T08:15:00Z"), clock.start(0));
        assertEquals(Duration.ofMinutes(10), clock.closesAfter(0));
        assertEquals(Duration.ofMinutes(25), clock.closesAfter(1));
        assertEquals(Instant.parse("2026-03-02T08:30:00Z"), clock.start(1));
        assertEquals(10.0 / 15, clock.share(0), 1e-9);
        assertEquals(1, clock.share(1));
    }

    @Test
    void an_accelerated_clock_closes_a_whole_bucket_every_period_and_runs_ahead_of_the_wall_clock() {
        // given a 15-minute bucket every 2 s
        BucketClock clock = BucketClock.of(SimulationSettings.builder(1).bucketEvery(Duration.ofSeconds(2)).build(),
                START);

        // then
        assertEquals(Duration.ofSeconds(2), clock.closesAfter(0));
        assertEquals(Duration.ofSeconds(60), clock.closesAfter(29));
        assertEquals(Instant.parse("2026-03-02T15:30:00Z"), clock.start(29));
        assertEquals(1, clock.share(0));
        // and every start is one the contract accepts
        for (long k = 0; k < 100; k++) {
            new Footfall(Envelope.next(k, START), clock.start(k), 15, 1, FootfallCounts.NONE);
        }
    }
}
