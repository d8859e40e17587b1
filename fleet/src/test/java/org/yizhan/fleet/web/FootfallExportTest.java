package org.yizhan.fleet.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The footfall CSV as a spreadsheet opens it, against the same numbers as the JSON. */
class FootfallExportTest {

    private static TestConsole console;
    private static ConsoleClient client;
    private static String range;

    @BeforeAll
    static void start() {
        console = TestConsole.start();
        client = console.loggedIn();
        LocalDate today = LocalDate.now(SampleFleet.SHANGHAI);
        range = "from=" + today.minusDays(3) + "&to=" + today.minusDays(1);
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void the_csv_starts_with_a_byte_order_mark_so_excel_reads_the_chinese() {
        HttpResponse<byte[]> response = client.getBytes("/api/v1/footfall.csv?site=pujin&" + range + "&lang=zh");

        assertEquals(200, response.statusCode());
        assertEquals("text/csv; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow()
                .toLowerCase());
        assertTrue(response.headers().firstValue("Content-Disposition").orElseThrow()
                .startsWith("attachment; filename=\"footfall-pujin-"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(response.body(), 3));
        String csv = text(response);
        assertTrue(csv.startsWith("时段开始,站点编号,站点名称,终端编号,签到,感应进入,未持码签到,签到 · 居民,"), csv);
        assertTrue(csv.contains(",pujin,浦锦 24h window,kiosk-1,"), csv);
    }

    @Test
    void the_csv_has_a_crlf_line_per_kiosk_and_day_adding_up_to_the_json_totals() throws Exception {
        String csv = text(client.getBytes("/api/v1/footfall.csv?site=pujin&" + range + "&lang=en"));
        JsonNode json = new ObjectMapper().readTree(client.get("/api/v1/footfall?site=pujin&" + range).body());

        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertTrue(csv.endsWith("\r\n") && !csv.replace("\r\n", "").contains("\n"), "CRLF line ends only");
        assertEquals("Period start,Site,Site name,Kiosk,Check-ins,Entries sensed,Walk-ins", String.join(",",
                Arrays.asList(lines.get(0).split(",")).subList(0, 7)));
        assertEquals(json.get("rows").size(), lines.size() - 1);
        long checkIns = 0;
        long entries = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            checkIns += Long.parseLong(fields[4]);
            entries += Long.parseLong(fields[5]);
        }
        long totalCheckIns = 0;
        for (JsonNode n : json.get("totals").get("checkInsByCategory")) {
            totalCheckIns += n.asLong();
        }
        assertEquals(totalCheckIns, checkIns);
        assertEquals(json.get("totals").get("entriesSensed").asLong(), entries);
    }

    @Test
    void by_hour_the_periods_are_the_fleets_local_hours() {
        LocalDate day = LocalDate.now(SampleFleet.SHANGHAI).minusDays(1);
        String csv = text(client.getBytes("/api/v1/footfall.csv?kiosk=pujin/kiosk-1&period=hour&from=" + day
                + "&to=" + day + "&lang=en"));

        String[] lines = csv.split("\r\n");
        assertTrue(lines[1].startsWith(day + " 00:00,pujin,"), lines[1]);
        assertTrue(lines[lines.length - 1].startsWith(day + " 23:00,pujin,"), lines[lines.length - 1]);
    }

    private static String text(HttpResponse<byte[]> response) {
        byte[] body = response.body();
        return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }
}
