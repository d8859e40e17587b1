package org.yizhan.protocol.footfall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yizhan.protocol.footfall.FootfallLedger.Outcome;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.topic.KioskId;

class FootfallLedgerTest {

    private static final KioskId KIOSK = new KioskId("demo", "kiosk-1");
    private static final KioskId OTHER = new KioskId("demo", "kiosk-2");
    private static final KioskId ELSEWHERE = new KioskId("xuhui", "kiosk-1");
    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");

    private final FootfallLedger ledger = new FootfallLedger();

    private static Footfall bucket(Instant start, int revision, long riders) {
        return new Footfall(Envelope.next(revision, start.plus(Duration.ofMinutes(15))), start, 15, revision,
                new FootfallCounts(Map.of("rider", riders), Map.of("rest", riders), riders, Map.of()));
    }

    @Test
    void a_bucket_sent_twice_counts_once() {
        // given
        Footfall bucket = bucket(DAY, 1, 5);

        // when
        Outcome first = ledger.record(KIOSK, bucket);
        Outcome again = ledger.record(KIOSK, bucket);
        Outcome copy = ledger.record(KIOSK, bucket(DAY, 1, 5));

        // then
        assertEquals(Outcome.ADDED, first);
        assertEquals(Outcome.DUPLICATE, again);
        assertEquals(Outcome.DUPLICATE, copy);
        assertEquals(5, ledger.totals(KIOSK, DAY, DAY.plus(Duration.ofDays(1))).checkIns());
    }

    @Test
    void a_higher_revision_replaces_the_counts_rather_than_adding_to_them() {
        ledger.record(KIOSK, bucket(DAY, 1, 5));

        Outcome outcome = ledger.record(KIOSK, bucket(DAY, 2, 6));

        assertEquals(Outcome.SUPERSEDED, outcome);
        assertEquals(6, ledger.totals(KIOSK, DAY, DAY.plusSeconds(900)).checkIns());
        assertEquals(1, ledger.size());
    }

    @Test
    void a_lower_revision_arriving_late_changes_nothing() {
        ledger.record(KIOSK, bucket(DAY, 3, 7));

        Outcome outcome = ledger.record(KIOSK, bucket(DAY, 2, 6));

        assertEquals(Outcome.STALE, outcome);
        assertEquals(7, ledger.totals(KIOSK, DAY, DAY.plusSeconds(900)).checkIns());
    }

    @Test
    void the_same_revision_with_other_counts_is_a_conflict_and_the_first_stays() {
        ledger.record(KIOSK, bucket(DAY, 2, 6));

        Outcome outcome = ledger.record(KIOSK, bucket(DAY, 2, 9));

        assertEquals(Outcome.CONFLICT, outcome);
        assertEquals(6, ledger.totals(KIOSK, DAY, DAY.plusSeconds(900)).checkIns());
    }

    @Test
    void buckets_are_keyed_by_kiosk_as_well_as_start() {
        assertEquals(Outcome.ADDED, ledger.record(KIOSK, bucket(DAY, 1, 5)));
        assertEquals(Outcome.ADDED, ledger.record(OTHER, bucket(DAY, 1, 3)));
        assertEquals(Outcome.ADDED, ledger.record(ELSEWHERE, bucket(DAY, 1, 2)));

        Instant end = DAY.plus(Duration.ofDays(1));
        assertEquals(5, ledger.totals(KIOSK, DAY, end).checkIns());
        assertEquals(8, ledger.totals(k -> k.site().equals("demo"), DAY, end).checkIns());
        assertEquals(10, ledger.totals(k -> true, DAY, end).checkIns());
    }

    @Test
    void totals_take_buckets_starting_in_a_half_open_range() {
        ledger.record(KIOSK, bucket(DAY.minusSeconds(900), 1, 1));
        ledger.record(KIOSK, bucket(DAY, 1, 10));
        ledger.record(KIOSK, bucket(DAY.plusSeconds(900), 1, 100));
        ledger.record(KIOSK, bucket(DAY.plusSeconds(1800), 1, 1000));

        assertEquals(110, ledger.totals(KIOSK, DAY, DAY.plusSeconds(1800)).checkIns());
        assertEquals(0, ledger.totals(KIOSK, DAY, DAY).checkIns());
    }

    @Test
    void a_week_replayed_out_of_order_with_copies_and_revisions_totals_what_the_kiosk_counted() {
        // given a week of 15-minute buckets, some revised by late visits, as the kiosk counted them
        Random random = new Random(20260302);
        List<Footfall> sent = new ArrayList<>();
        long kioskTotal = 0;
        for (int i = 0; i < 7 * 96; i++) {
            Instant start = DAY.plus(Duration.ofMinutes(15L * i));
            long count = random.nextInt(20);
            sent.add(bucket(start, 1, count));
            if (random.nextInt(5) == 0) {
                count += 1 + random.nextInt(3);
                sent.add(bucket(start, 2, count));
            }
            kioskTotal += count;
        }
        // and delivered at least once each, in any order, as an outbox replay over a flaky link would
        List<Footfall> delivered = new ArrayList<>(sent);
        for (int i = 0; i < sent.size() / 3; i++) {
            delivered.add(sent.get(random.nextInt(sent.size())));
        }
        Collections.shuffle(delivered, random);

        // when
        delivered.forEach(b -> ledger.record(KIOSK, b));

        // then
        assertEquals(kioskTotal, ledger.totals(KIOSK, DAY, DAY.plus(Duration.ofDays(7))).checkIns());
        assertEquals(7 * 96, ledger.size());
    }

    @Test
    void the_rule_alone_answers_for_a_store_that_keeps_buckets_elsewhere() {
        assertEquals(Outcome.ADDED, FootfallLedger.judge(null, bucket(DAY, 1, 1)));
        assertEquals(Outcome.SUPERSEDED, FootfallLedger.judge(bucket(DAY, 1, 1), bucket(DAY, 2, 1)));
        assertEquals(Outcome.STALE, FootfallLedger.judge(bucket(DAY, 2, 1), bucket(DAY, 1, 1)));
        assertEquals(Outcome.DUPLICATE, FootfallLedger.judge(bucket(DAY, 2, 1), bucket(DAY, 2, 1)));
        assertEquals(Outcome.CONFLICT, FootfallLedger.judge(bucket(DAY, 2, 1), bucket(DAY, 2, 2)));
    }
}
