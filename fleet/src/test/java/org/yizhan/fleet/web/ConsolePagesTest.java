package org.yizhan.fleet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yizhan.fleet.view.KioskCondition;

/** What the pages say, in which language, over real HTTP against the sample fleet. */
class ConsolePagesTest {

    private static final List<String> PAGES = List.of("/", "/kiosks", "/kiosks/pujin/kiosk-2", "/footfall", "/alerts");

    private static TestConsole console;

    @BeforeAll
    static void start() {
        console = TestConsole.start();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void pages_are_in_chinese_unless_the_browser_prefers_english() {
        ConsoleClient client = console.loggedIn();

        String chinese = client.get("/", Map.of("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")).body();
        String english = client.get("/", Map.of("Accept-Language", "en-GB,en;q=0.9")).body();
        String neither = client.get("/", Map.of("Accept-Language", "fr-FR")).body();

        assertTrue(chinese.contains("<html lang=\"zh-CN\">") && chinese.contains(">总览</a>"), chinese);
        assertTrue(english.contains("<html lang=\"en\">") && english.contains(">Overview</a>"), english);
        assertTrue(neither.contains(">总览</a>"));
    }

    @Test
    void the_switch_on_every_page_changes_the_language_and_the_choice_is_kept() {
        ConsoleClient client = console.loggedIn();
        for (String page : PAGES) {
            String html = client.get(page, Map.of("Accept-Language", "zh-CN")).body();
            assertTrue(html.contains("id=\"lang-en\""), page + " has no switch to English");
        }

        HttpResponse<String> switched = client.get("/kiosks?condition=lost&lang=en", Map.of("Accept-Language",
                "zh-CN"));
        String next = client.get("/alerts", Map.of("Accept-Language", "zh-CN")).body();

        assertTrue(switched.body().contains("<h1>Kiosks</h1>"), switched.body());
        // the switch back keeps the page's own parameters
        assertTrue(switched.body().contains("href=\"/kiosks?condition&#61;lost&amp;lang&#61;zh\"")
                || switched.body().contains("href=\"/kiosks?condition=lost&amp;lang=zh\""), switched.body());
        assertTrue(next.contains("<h1>Alerts</h1>"), "the cookie keeps English: " + next);
        assertTrue(client.get("/alerts?lang=zh").body().contains("<h1>告警</h1>"));
    }

    @Test
    void kiosk_and_site_names_stay_as_the_kiosks_sent_them_in_either_language() {
        ConsoleClient client = console.loggedIn();

        String english = client.get("/?lang=en").body();
        String chinese = client.get("/?lang=zh").body();

        assertTrue(english.contains("浦锦 24h window") && chinese.contains("浦锦 24h window"));
        assertTrue(english.contains("花木 24小时驿站") && chinese.contains("花木 24小时驿站"));
    }

    @Test
    void the_overview_shows_counts_and_every_kiosk_as_a_tile_with_symbol_and_word() {
        String html = console.loggedIn().get("/?lang=en").body();

        assertTrue(html.contains("<span class=\"number\">18</span>"), html);
        assertTrue(html.contains("<span class=\"number\">4</span>"));
        assertTrue(html.contains("<span class=\"number\">1</span>"));
        assertEquals(23, count(html, "class=\"tile "));
        assertTrue(html.contains("<span class=\"state\">Lost</span>"));
        assertTrue(html.contains("CPU 82.0 °C (limit 80 °C)"), "open alerts are listed");
    }

    @Test
    void the_kiosk_list_filters_on_the_server_and_shows_why_a_kiosk_is_degraded() {
        String html = console.loggedIn().get("/kiosks?condition=degraded&lang=en").body();

        assertEquals(4, count(html, "<tr>\n    <td><a href=\"/kiosks/"));
        assertTrue(html.contains("scanner absent"));
        assertTrue(html.contains("4 kiosks"));
        assertFalse(html.contains("/kiosks/pujin/kiosk-1\""), "online kiosks are filtered out");
    }

    @Test
    void the_kiosk_page_shows_facts_devices_events_and_the_command_forms_with_the_token() {
        ConsoleClient client = console.loggedIn();
        String html = client.get("/kiosks/huamu/kiosk-3?lang=en").body();

        assertTrue(html.contains("<title>huamu/kiosk-3 · Kiosk · Yizhan fleet console</title>"), html);
        assertTrue(html.contains("USB device 0c2e:0b61 removed"));
        assertTrue(html.contains("Raspberry Pi"));
        assertTrue(html.contains("data-health-url=\"/api/v1/kiosks/huamu/kiosk-3/health\""));
        assertEquals(5, count(html, "name=\"csrf\" value=\"" + client.csrf() + "\""), "four commands and logout");
        assertTrue(html.contains("data-live-kiosk=\"huamu/kiosk-3\""));
    }

    @Test
    void text_from_kiosks_is_escaped_so_a_kiosk_cannot_script_the_console() {
        console.fleet.changeCondition(SampleFleet.PUJIN_2, KioskCondition.DEGRADED,
                List.of("<script>alert('pwned')</script>"));

        String html = console.loggedIn().get("/kiosks?site=pujin").body();

        assertFalse(html.contains("<script>alert"), html);
        assertTrue(html.contains("&lt;script&gt;alert"));
    }

    @Test
    void the_footfall_page_breaks_check_ins_down_and_links_its_csv() {
        String html = console.loggedIn().get("/footfall?site=pujin&lang=zh").body();

        assertTrue(html.contains("外卖骑手") && html.contains("充电") && html.contains("正常高值"), html);
        assertTrue(html.contains("href=\"/api/v1/footfall.csv?site&#61;pujin&amp;lang&#61;zh\"")
                || html.contains("href=\"/api/v1/footfall.csv?site=pujin&amp;lang=zh\""), html);
        assertTrue(html.contains("data-chart=\"{&quot;labels&quot;:["), "the chart's data for the script");
    }

    @Test
    void a_sent_command_shows_on_the_kiosk_page_waiting_then_with_its_answer() {
        ConsoleClient client = console.loggedIn();
        client.get("/kiosks/pujin/kiosk-3");

        HttpResponse<String> sent = client.postFormWithToken("/kiosks/pujin/kiosk-3/commands",
                Map.of("name", "notice", "zh", "明早8点恢复开放", "en", "", "minutes", "30"));

        assertEquals(303, sent.statusCode());
        assertEquals("/kiosks/pujin/kiosk-3#commands", sent.headers().firstValue("Location").orElseThrow());
        String waiting = client.get("/kiosks/pujin/kiosk-3?lang=en").body();
        assertTrue(waiting.contains("明早8点恢复开放") && waiting.contains("data-waiting"), waiting);
        assertTrue(waiting.contains("Waiting"));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
