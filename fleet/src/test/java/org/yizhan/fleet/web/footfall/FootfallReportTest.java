package org.yizhan.fleet.web.footfall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yizhan.fleet.view.FootfallQuery;
import org.yizhan.fleet.view.FootfallRow;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.topic.KioskId;

class FootfallReportTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final KioskId ONE = KioskId.parse("pujin/kiosk-1");
    private static final KioskId TWO = KioskId.parse("pujin/kiosk-2");

    @Test
    void every_hour_of_the_range_is_a_period_even_without_footfall() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        Instant from = day.atStartOfDay(SHANGHAI).toInstant();
        FootfallQuery query = new FootfallQuery("pujin", null, from, day.plusDays(1).atStartOfDay(SHANGHAI).toInstant(),
                FootfallQuery.Period.HOUR, SHANGHAI);
        Instant eight = from.plusSeconds(8 * 3600);

        FootfallReport report = new FootfallReport(query, List.of(
                new FootfallRow(eight, ONE, counts(3, 5)), new FootfallRow(eight, TWO, counts(2, 2))));

        assertEquals(24, report.byPeriod().size());
        assertEquals(from, report.byPeriod().keySet().iterator().next());
        assertEquals(5, report.byPeriod().get(eight).checkIns());
        assertEquals(0, report.byPeriod().get(from).checkIns());
        assertEquals(7, report.totals().entriesSensed());
        assertEquals(List.of(ONE, TWO), List.copyOf(report.byKiosk().keySet()));
    }

    @Test
    void days_start_at_the_fleets_midnight_not_utcs() {
        LocalDate first = LocalDate.of(2026, 3, 1);
        FootfallQuery query = new FootfallQuery(null, null, first.atStartOfDay(SHANGHAI).toInstant(),
                first.plusDays(7).atStartOfDay(SHANGHAI).toInstant(), FootfallQuery.Period.DAY, SHANGHAI);

        List<Instant> starts = FootfallReport.periodStarts(query);

        assertEquals(7, starts.size());
        assertEquals(Instant.parse("2026-02-28T16:00:00Z"), starts.get(0));
    }

    @Test
    void unknown_codes_come_after_the_documented_ones() {
        assertEquals(List.of("rest", "charge", "health", "activity", "services", "other", "laundry"),
                FootfallReport.codes(FootfallCounts.PURPOSES, List.of(Map.of("laundry", 1L, "rest", 2L))));
    }

    private static FootfallCounts counts(long riders, long entries) {
        return new FootfallCounts(Map.of("rider", riders), Map.of("rest", riders), entries, Map.of());
    }
}
