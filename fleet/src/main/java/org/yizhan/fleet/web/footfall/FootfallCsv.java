package org.yizhan.fleet.web.footfall;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yizhan.fleet.view.FootfallQuery;
import org.yizhan.fleet.view.FootfallRow;
import org.yizhan.fleet.web.page.Messages;
import org.yizhan.protocol.footfall.FootfallCounts;

/**
 * The footfall of a report as CSV for a spreadsheet: one line per kiosk and period, the period's start in the
 * fleet's zone, then check-ins, entries sensed, walk-ins, and a column per category, purpose, measurement kind
 * and measurement category (documented codes always, others when they occur). Headers are in the page's
 * language. RFC 4180: comma-separated, CRLF, fields quoted when they need it. UTF-8 with a byte order mark,
 * because Excel reads a CSV without one in the system's code page and garbles the Chinese. A text field that a
 * spreadsheet would take for a formula ({@code =}, {@code +}, {@code -}, {@code @}) gets a leading apostrophe.
 */
public final class FootfallCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private FootfallCsv() {
    }

    /** @param siteNames the sites' display names by site level */
    public static byte[] of(FootfallReport report, Map<String, String> siteNames, Messages messages) {
        List<FootfallCounts> all = report.rows().stream().map(FootfallRow::counts).collect(Collectors.toList());
        List<String> categories = FootfallReport.codes(FootfallCounts.CATEGORIES,
                all.stream().map(FootfallCounts::checkInsByCategory).collect(Collectors.toList()));
        List<String> purposes = FootfallReport.codes(FootfallCounts.PURPOSES,
                all.stream().map(FootfallCounts::checkInsByPurpose).collect(Collectors.toList()));
        List<String> kinds = FootfallReport.codes(FootfallCounts.MEASUREMENTS,
                all.stream().map(FootfallCounts::measurementsByKind).collect(Collectors.toList()));
        List<String> measured = FootfallReport.codes(List.of(),
                all.stream().map(FootfallCounts::measurementsByCategory).collect(Collectors.toList()));

        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of(messages.text("footfall.csv.period"),
                messages.text("footfall.csv.site"), messages.text("footfall.csv.site-name"),
                messages.text("footfall.csv.kiosk"), messages.text("footfall.check-ins"),
                messages.text("footfall.entries"), messages.text("footfall.walk-ins")));
        categories.forEach(c -> header.add(messages.text("footfall.check-ins") + " · "
                + messages.codeText("category.", c)));
        purposes.forEach(p -> header.add(messages.text("footfall.check-ins") + " · "
                + messages.codeText("purpose.", p)));
        kinds.forEach(k -> header.add(messages.text("footfall.measurements") + " · "
                + messages.codeText("measurement.", k)));
        measured.forEach(m -> header.add(messages.codeText("measurement.", m.substring(0, m.indexOf(':'))) + " · "
                + messages.codeText("measurement-category.", m)));
        line(csv, header);

        DateTimeFormatter format = report.query().period() == FootfallQuery.Period.DAY ? DAY : HOUR;
        for (FootfallRow row : report.rows()) {
            FootfallCounts counts = row.counts();
            String period = format.format(row.periodStart().atZone(report.query().zone()));
            String site = row.kiosk().site();
            List<String> fields = new ArrayList<>(List.of(period, site, siteNames.getOrDefault(site, site),
                    row.kiosk().kiosk(), String.valueOf(counts.checkIns()), String.valueOf(counts.entriesSensed()),
                    String.valueOf(counts.walkIns())));
            categories.forEach(c -> fields.add(String.valueOf(counts.checkInsByCategory().getOrDefault(c, 0L))));
            purposes.forEach(p -> fields.add(String.valueOf(counts.checkInsByPurpose().getOrDefault(p, 0L))));
            kinds.forEach(k -> fields.add(String.valueOf(counts.measurementsByKind().getOrDefault(k, 0L))));
            measured.forEach(m -> fields.add(String.valueOf(counts.measurementsByCategory().getOrDefault(m, 0L))));
            line(csv, fields);
        }
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(text, 0, bytes, BOM.length, text.length);
        return bytes;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
