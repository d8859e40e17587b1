package org.yizhan.fleet.web.footfall;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yizhan.fleet.view.FootfallQuery;
import org.yizhan.fleet.view.FootfallRow;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.topic.KioskId;

/**
 * The footfall of a query added up three ways: in total, per period (every period of the range, empty ones
 * included, so a chart shows the quiet night hours as zero rather than skipping them) and per kiosk. Codes are
 * kept as they came: the documented categories, purposes and measurements first, unknown ones after them.
 */
public final class FootfallReport {

    private final FootfallQuery query;
    private final List<FootfallRow> rows;
    private final FootfallCounts totals;
    private final Map<Instant, FootfallCounts> byPeriod;
    private final Map<KioskId, FootfallCounts> byKiosk;

    public FootfallReport(FootfallQuery query, List<FootfallRow> rows) {
        this.query = Objects.requireNonNull(query, "query");
        this.rows = List.copyOf(rows);
        Map<Instant, FootfallCounts> periods = new LinkedHashMap<>();
        for (Instant start : periodStarts(query)) {
            periods.put(start, FootfallCounts.NONE);
        }
        Map<KioskId, FootfallCounts> kiosks = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        FootfallCounts sum = FootfallCounts.NONE;
        for (FootfallRow row : rows) {
            sum = sum.plus(row.counts());
            periods.merge(row.periodStart(), row.counts(), FootfallCounts::plus);
            kiosks.merge(row.kiosk(), row.counts(), FootfallCounts::plus);
        }
        this.totals = sum;
        this.byPeriod = Collections.unmodifiableMap(new TreeMap<>(periods));
        this.byKiosk = Collections.unmodifiableMap(kiosks);
    }

    public FootfallQuery query() {
        return query;
    }

    public List<FootfallRow> rows() {
        return rows;
    }

    public FootfallCounts totals() {
        return totals;
    }

    /** Every period of the range in order, with its counts (zero when nothing was counted). */
    public Map<Instant, FootfallCounts> byPeriod() {
        return byPeriod;
    }

    public Map<KioskId, FootfallCounts> byKiosk() {
        return byKiosk;
    }

    /** The documented codes, then any others the rows hold, for columns that never move. */
    public static List<String> codes(List<String> documented, Iterable<Map<String, Long>> seen) {
        List<String> codes = new ArrayList<>(documented);
        TreeSet<String> others = new TreeSet<>();
        for (Map<String, Long> counts : seen) {
            others.addAll(counts.keySet());
        }
        others.removeAll(documented);
        codes.addAll(others);
        return codes;
    }

    /** All measurements of a counts. */
    public static long measurements(FootfallCounts counts) {
        return counts.measurementsByKind().values().stream().mapToLong(Long::longValue).sum();
    }

    static List<Instant> periodStarts(FootfallQuery query) {
        List<Instant> starts = new ArrayList<>();
        ZonedDateTime start = query.from().atZone(query.zone());
        start = query.period() == FootfallQuery.Period.DAY ? start.toLocalDate().atStartOfDay(query.zone())
                : start.withMinute(0).withSecond(0).withNano(0);
        while (start.toInstant().isBefore(query.to())) {
            if (!start.toInstant().isBefore(query.from())) {
                starts.add(start.toInstant());
            }
            start = query.period() == FootfallQuery.Period.DAY ? start.plusDays(1).toLocalDate()
                    .atStartOfDay(query.zone()) : start.plusHours(1);
        }
        return starts;
    }
}
