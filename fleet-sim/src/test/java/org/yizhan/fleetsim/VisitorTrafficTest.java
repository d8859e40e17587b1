package org.yizhan.fleetsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.yizhan.protocol.footfall.FootfallCounts;

class VisitorTrafficTest {

    @Test
    void every_check_in_has_one_category_and_one_purpose_and_measurements_have_at_most_their_kinds_count() {
        SplittableRandom random = new SplittableRandom(3);
        for (int bucket = 0; bucket < 500; bucket++) {
            // when
            FootfallCounts counts = VisitorTraffic.bucket(random, 8);

            // then
            long byPurpose = counts.checkInsByPurpose().values().stream().mapToLong(Long::longValue).sum();
            assertEquals(counts.checkIns(), byPurpose);
            assertTrue(counts.entriesSensed() >= counts.checkIns());
            counts.measurementsByKind().forEach((kind, n) -> assertTrue(counts.measurementsByCategory().entrySet()
                    .stream().filter(e -> e.getKey().startsWith(kind + ":")).mapToLong(e -> e.getValue()).sum() <= n));
        }
    }

    @Test
    void check_ins_average_what_was_expected() {
        SplittableRandom random = new SplittableRandom(5);
        long checkIns = 0;
        for (int bucket = 0; bucket < 2_000; bucket++) {
            checkIns += VisitorTraffic.bucket(random, 3).checkIns();
        }
        assertEquals(3.0, checkIns / 2_000.0, 0.15);
        assertEquals(50.0, VisitorTraffic.poisson(new SplittableRandom(1), 50), 30);
    }

    @Test
    void a_late_change_always_changes_the_counts_and_keeps_categories_and_purposes_in_step() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 200; i++) {
            FootfallCounts before = VisitorTraffic.bucket(random, 4);

            // when
            FootfallCounts after = VisitorTraffic.lateChange(random, before);

            // then
            assertNotEquals(before, after);
            long byPurpose = after.checkInsByPurpose().values().stream().mapToLong(Long::longValue).sum();
            assertEquals(after.checkIns(), byPurpose);
        }
    }
}
