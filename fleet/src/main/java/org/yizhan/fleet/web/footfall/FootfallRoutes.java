package org.yizhan.fleet.web.footfall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.yizhan.fleet.view.FleetView;
import org.yizhan.fleet.view.FootfallQuery;
import org.yizhan.fleet.view.KioskFilter;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.fleet.view.SiteSummary;
import org.yizhan.fleet.web.page.ConsolePage;
import org.yizhan.fleet.web.page.Messages;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.message.ProtocolJson;
import org.yizhan.protocol.topic.KioskId;

/**
 * Footfall for centre managers: per site or kiosk, by day or hour, check-ins by category and purpose, entries
 * sensed against check-ins, and measurements by kind and category; as a page, as JSON and as CSV. The query
 * parameters are the same for all three: {@code site}, {@code kiosk} ({@code site/kiosk}), {@code from} and
 * {@code to} (dates in the fleet's zone, both included; by default the last 7 days, or today by hour) and
 * {@code period} ({@code day} or {@code hour}). A range is at most 366 days by day and 31 days by hour; a bad
 * value is 400 naming the parameter.
 */
public final class FootfallRoutes {

    static final int MAX_DAYS = 366;
    static final int MAX_HOUR_DAYS = 31;
    private static final ObjectMapper JSON = ProtocolJson.newMapper();

    private final FleetView view;
    private final ConsolePage page;

    public FootfallRoutes(FleetView view, ConsolePage page) {
        this.view = Objects.requireNonNull(view, "view");
        this.page = Objects.requireNonNull(page, "page");
    }

    public void addTo(RoutesConfig routes) {
        routes.get("/footfall", this::page);
        routes.get("/api/v1/footfall", this::json);
        routes.get("/api/v1/footfall.csv", this::csv);
    }

    /** An option of a select. */
    public record Option(String value, String text, boolean selected) {
    }

    /** A line of a breakdown table, with the bar's width in percent of the largest. */
    public record Share(String text, long count, String percent, int width) {
    }

    /** The measurements of one kind by the category of their reading. */
    public record MeasurementGroup(String kind, long count, List<Share> categories) {
    }

    /** A kiosk's or a period's totals. */
    public record Line(String text, String href, long checkIns, long entries, long walkIns, long measurements) {
    }

    private void page(Context ctx) {
        Messages messages = ConsolePage.messages(ctx);
        FootfallQuery query = query(ctx, page.zone(), page.clock().instant());
        FootfallReport report = new FootfallReport(query, view.footfall(query));
        FootfallCounts totals = report.totals();
        Map<String, Object> model = new LinkedHashMap<>();
        model.putAll(filterModel(ctx, query, messages));
        Locale locale = messages.language().locale();
        model.put("checkIns", String.format(locale, "%,d", totals.checkIns()));
        model.put("entries", String.format(locale, "%,d", totals.entriesSensed()));
        model.put("walkIns", String.format(locale, "%,d", totals.walkIns()));
        model.put("measurements", String.format(locale, "%,d", FootfallReport.measurements(totals)));
        model.put("checkInShare", totals.entriesSensed() == 0 ? "—"
                : Math.round(100.0 * totals.checkIns() / totals.entriesSensed()) + " %");
        model.put("categories", shares(totals.checkInsByCategory(), FootfallCounts.CATEGORIES, "category.", messages));
        model.put("purposes", shares(totals.checkInsByPurpose(), FootfallCounts.PURPOSES, "purpose.", messages));
        model.put("measurementGroups", measurementGroups(totals, messages));
        model.put("noMeasurements", totals.measurementsByKind().isEmpty());
        model.put("kiosks", kioskLines(report));
        List<Line> periods = periodLines(report);
        model.put("periodLines", periods);
        model.put("empty", report.rows().isEmpty());
        model.put("chart", chartJson(report, messages));
        model.put("charts", true);
        model.put("csvHref", "/api/v1/footfall.csv?" + queryString(ctx) + "lang=" + messages.language().code());
        page.render(ctx, "footfall", "footfall.title", "footfall", model);
    }

    private void json(Context ctx) {
        FootfallQuery query = query(ctx, page.zone(), page.clock().instant());
        FootfallReport report = new FootfallReport(query, view.footfall(query));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("zone", query.zone().getId());
        json.put("period", query.period().name().toLowerCase(Locale.ROOT));
        json.put("from", query.from());
        json.put("to", query.to());
        json.put("site", query.site());
        json.put("kiosk", query.kiosk() == null ? null : query.kiosk().toString());
        json.put("totals", report.totals());
        json.put("rows", report.rows().stream().map(row -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("periodStart", row.periodStart());
            line.put("kiosk", row.kiosk().toString());
            line.put("counts", row.counts());
            return line;
        }).collect(Collectors.toList()));
        ctx.json(json);
    }

    private void csv(Context ctx) {
        Messages messages = ConsolePage.messages(ctx);
        FootfallQuery query = query(ctx, page.zone(), page.clock().instant());
        FootfallReport report = new FootfallReport(query, view.footfall(query));
        Map<String, String> names = view.overview().sites().stream()
                .collect(Collectors.toMap(SiteSummary::site, SiteSummary::name, (a, b) -> a));
        LocalDate from = query.from().atZone(query.zone()).toLocalDate();
        LocalDate to = query.to().atZone(query.zone()).toLocalDate().minusDays(1);
        String file = "footfall-" + (query.kiosk() != null ? query.kiosk().site() + "-" + query.kiosk().kiosk()
                : query.site() != null ? query.site() : "fleet") + "-" + from + "-" + to + ".csv";
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .result(FootfallCsv.of(report, names, messages));
    }

    /** The query the parameters describe; see the class comment. */
    static FootfallQuery query(Context ctx, ZoneId zone, Instant now) {
        String periodText = blankToNull(ctx.queryParam("period"));
        FootfallQuery.Period period;
        if (periodText == null || periodText.equals("day")) {
            period = FootfallQuery.Period.DAY;
        } else if (periodText.equals("hour")) {
            period = FootfallQuery.Period.HOUR;
        } else {
            throw new IllegalArgumentException("period: '" + periodText + "' is not day or hour");
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate to = date(ctx, "to", today);
        LocalDate from = date(ctx, "from", period == FootfallQuery.Period.DAY ? to.minusDays(6) : to);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from: " + from + " is after to: " + to);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        int max = period == FootfallQuery.Period.DAY ? MAX_DAYS : MAX_HOUR_DAYS;
        if (days > max) {
            throw new IllegalArgumentException("from/to: " + days + " days is more than " + max + " by "
                    + period.name().toLowerCase(Locale.ROOT));
        }
        KioskId kiosk = null;
        String kioskText = blankToNull(ctx.queryParam("kiosk"));
        if (kioskText != null) {
            try {
                kiosk = KioskId.parse(kioskText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("kiosk: " + e.getMessage());
            }
        }
        String site = blankToNull(ctx.queryParam("site"));
        if (kiosk != null && site != null && !kiosk.site().equals(site)) {
            // a kiosk chosen, then another site: the site wins, as the form shows it
            kiosk = null;
        }
        return new FootfallQuery(site, kiosk, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), period, zone);
    }

    private Map<String, Object> filterModel(Context ctx, FootfallQuery query, Messages messages) {
        Map<String, Object> model = new LinkedHashMap<>();
        List<Option> sites = new ArrayList<>();
        sites.add(new Option("", messages.text("footfall.all-sites"), query.site() == null));
        for (SiteSummary site : view.overview().sites()) {
            sites.add(new Option(site.site(), site.name(), site.site().equals(query.site())));
        }
        model.put("sites", sites);
        List<Option> kiosks = new ArrayList<>();
        kiosks.add(new Option("", messages.text("footfall.all-kiosks"), query.kiosk() == null));
        KioskFilter filter = new KioskFilter("", null, query.site(), KioskFilter.Sort.ID, false);
        for (KioskSummary kiosk : view.kiosks(filter)) {
            kiosks.add(new Option(kiosk.id().toString(), kiosk.id().toString(), kiosk.id().equals(query.kiosk())));
        }
        model.put("kioskOptions", kiosks);
        model.put("from", query.from().atZone(query.zone()).toLocalDate().toString());
        model.put("to", query.to().atZone(query.zone()).toLocalDate().minusDays(1).toString());
        model.put("periods", List.of(
                new Option("day", messages.text("footfall.by-day"), query.period() == FootfallQuery.Period.DAY),
                new Option("hour", messages.text("footfall.by-hour"), query.period() == FootfallQuery.Period.HOUR)));
        return model;
    }

    private static List<Share> shares(Map<String, Long> counts, List<String> documented, String prefix,
            Messages messages) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long largest = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Share> shares = new ArrayList<>();
        for (String code : FootfallReport.codes(documented, List.of(counts))) {
            long count = counts.getOrDefault(code, 0L);
            shares.add(new Share(messages.codeText(prefix, code), count, percent(count, total),
                    largest == 0 ? 0 : (int) Math.round(100.0 * count / largest)));
        }
        return shares;
    }

    private static List<MeasurementGroup> measurementGroups(FootfallCounts totals, Messages messages) {
        List<MeasurementGroup> groups = new ArrayList<>();
        for (String kind : FootfallReport.codes(FootfallCounts.MEASUREMENTS, List.of(totals.measurementsByKind()))) {
            long count = totals.measurementsByKind().getOrDefault(kind, 0L);
            if (count == 0) {
                continue;
            }
            Map<String, Long> categories = new LinkedHashMap<>();
            totals.measurementsByCategory().forEach((key, n) -> {
                if (key.startsWith(kind + ":")) {
                    categories.put(key, n);
                }
            });
            long largest = categories.values().stream().mapToLong(Long::longValue).max().orElse(0);
            List<Share> shares = new ArrayList<>();
            for (String key : MeasurementOrder.sorted(kind, categories.keySet())) {
                long n = categories.get(key);
                shares.add(new Share(messages.codeText("measurement-category.", key), n, percent(n, count),
                        largest == 0 ? 0 : (int) Math.round(100.0 * n / largest)));
            }
            groups.add(new MeasurementGroup(messages.codeText("measurement.", kind), count, shares));
        }
        return groups;
    }

    private static List<Line> kioskLines(FootfallReport report) {
        List<Line> lines = new ArrayList<>();
        report.byKiosk().forEach((kiosk, counts) -> lines.add(new Line(kiosk.toString(),
                "/kiosks/" + kiosk.site() + "/" + kiosk.kiosk(), counts.checkIns(), counts.entriesSensed(),
                counts.walkIns(), FootfallReport.measurements(counts))));
        return lines;
    }

    private static List<Line> periodLines(FootfallReport report) {
        DateTimeFormatter format = report.query().period() == FootfallQuery.Period.DAY
                ? DateTimeFormatter.ofPattern("yyyy-MM-dd EEE", Locale.ROOT)
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00");
        List<Line> lines = new ArrayList<>();
        report.byPeriod().forEach((start, counts) -> lines.add(new Line(
                format.format(start.atZone(report.query().zone())), null, counts.checkIns(), counts.entriesSensed(),
                counts.walkIns(), FootfallReport.measurements(counts))));
        return lines;
    }

    /** The chart's data, as JSON for the page's script (escaped into an attribute by the template). */
    private static String chartJson(FootfallReport report, Messages messages) {
        DateTimeFormatter format = report.query().period() == FootfallQuery.Period.DAY
                ? DateTimeFormatter.ofPattern("MM-dd") : DateTimeFormatter.ofPattern("HH:00");
        List<String> labels = new ArrayList<>();
        List<Long> checkIns = new ArrayList<>();
        List<Long> entries = new ArrayList<>();
        List<Long> walkIns = new ArrayList<>();
        report.byPeriod().forEach((start, counts) -> {
            labels.add(format.format(start.atZone(report.query().zone())));
            checkIns.add(counts.checkIns());
            entries.add(counts.entriesSensed());
            walkIns.add(counts.walkIns());
        });
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("series", List.of(
                Map.of("label", messages.text("footfall.entries"), "data", entries),
                Map.of("label", messages.text("footfall.check-ins"), "data", checkIns),
                Map.of("label", messages.text("footfall.walk-ins"), "data", walkIns)));
        try {
            return JSON.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the chart's data cannot be written as JSON", e);
        }
    }

    private static String percent(long count, long total) {
        return total == 0 ? "—" : String.format(Locale.ROOT, "%.0f %%", 100.0 * count / total);
    }

    /** The page's own parameters, for the CSV link. */
    private static String queryString(Context ctx) {
        StringBuilder query = new StringBuilder();
        for (String name : new String[] {"site", "kiosk", "from", "to", "period"}) {
            String value = ctx.queryParam(name);
            if (value != null && !value.isBlank()) {
                query.append(name).append('=').append(ConsolePage.encode(value)).append('&');
            }
        }
        return query.toString();
    }

    private static LocalDate date(Context ctx, String name, LocalDate otherwise) {
        String text = blankToNull(ctx.queryParam(name));
        if (text == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not a date like 2026-03-02");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
