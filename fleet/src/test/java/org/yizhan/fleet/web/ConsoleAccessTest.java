package org.yizhan.fleet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yizhan.fleet.view.Alert;

/** Who gets in: sessions, login, throttling, CSRF and the metrics token, over real HTTP. */
class ConsoleAccessTest {

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
    void a_page_without_a_session_redirects_to_the_login_keeping_where_it_was_going() {
        HttpResponse<String> response = console.client().get("/kiosks?condition=lost");

        assertEquals(302, response.statusCode());
        assertEquals("/login?next=%2Fkiosks%3Fcondition%3Dlost",
                response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void the_api_without_a_session_answers_401_in_json_and_shows_nothing() {
        for (String path : List.of("/api/v1/overview", "/api/v1/kiosks", "/api/v1/kiosks/pujin/kiosk-1",
                "/api/v1/alerts", "/api/v1/footfall", "/api/v1/footfall.csv", "/api/v1/live", "/metrics")) {
            HttpResponse<String> response = console.client().get(path);

            assertEquals(401, response.statusCode(), path);
            assertTrue(response.body().contains("\"error\":\"unauthorized\""), path + ": " + response.body());
            assertFalse(response.body().contains("pujin"), path);
        }
    }

    @Test
    void only_the_login_page_and_its_assets_answer_without_a_session() {
        ConsoleClient anonymous = console.client();

        assertEquals(200, anonymous.get("/login").statusCode());
        assertEquals(200, anonymous.get("/assets/console.css").statusCode());
        assertEquals(200, anonymous.get("/assets/yizhan.svg").statusCode());
        assertEquals(302, anonymous.get("/assets/console.js").statusCode());
        assertEquals(302, anonymous.get("/").statusCode());
        assertEquals(302, anonymous.get("/webjars/chart.js/4.5.1/dist/chart.umd.js").statusCode());
    }

    @Test
    void a_wrong_password_is_refused_and_the_right_one_opens_a_strict_http_only_session() {
        ConsoleClient client = console.client();

        HttpResponse<String> wrong = client.login(TestConsole.MAINTAINER, "not-the-password");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("用户名或密码错误"), wrong.body());
        assertFalse(wrong.headers().firstValue("Set-Cookie").orElse("").contains("yizhan_session=A"));

        HttpResponse<String> right = client.login(TestConsole.MAINTAINER, TestConsole.PASSWORD);
        assertEquals(303, right.statusCode());
        assertEquals("/", right.headers().firstValue("Location").orElseThrow());
        String cookie = right.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("yizhan_session="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertEquals(200, client.get("/kiosks").statusCode());
    }

    @Test
    void an_unknown_name_is_refused_like_a_wrong_password() {
        HttpResponse<String> response = console.client().login("nobody", TestConsole.PASSWORD);

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("用户名或密码错误"));
    }

    @Test
    void after_five_failures_even_the_right_password_waits() {
        ConsoleClient client = console.client();
        String name = "guessed-name";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, client.login(name, "guess-" + i).statusCode());
        }

        HttpResponse<String> throttled = client.login(name, "guess-5");

        assertEquals(429, throttled.statusCode());
        assertTrue(Integer.parseInt(throttled.headers().firstValue("Retry-After").orElseThrow()) > 0);
        assertTrue(throttled.body().contains("失败次数过多"), throttled.body());
    }

    @Test
    void login_goes_on_to_a_console_page_but_never_to_another_site() {
        ConsoleClient client = console.client();

        HttpResponse<String> inside = client.postForm("/login", Map.of("name", TestConsole.MAINTAINER, "password",
                TestConsole.PASSWORD, "next", "/footfall?period=hour"));
        HttpResponse<String> outside = console.client().postForm("/login", Map.of("name", TestConsole.MAINTAINER,
                "password", TestConsole.PASSWORD, "next", "//evil.example/phish"));

        assertEquals("/footfall?period=hour", inside.headers().firstValue("Location").orElseThrow());
        assertEquals("/", outside.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void a_state_changing_request_without_the_csrf_token_is_refused_and_changes_nothing() {
        ConsoleClient client = console.loggedIn();
        long id = openAlert();

        HttpResponse<String> form = client.postForm("/alerts/" + id + "/acknowledge", Map.of());
        HttpResponse<String> wrongToken = client.postForm("/alerts/" + id + "/acknowledge", Map.of("csrf", "guess"));
        HttpResponse<String> json = client.send(HttpRequest.newBuilder(client.uri("/api/v1/alerts/" + id
                + "/acknowledge")).POST(HttpRequest.BodyPublishers.noBody()).build());

        assertEquals(403, form.statusCode());
        assertEquals(403, wrongToken.statusCode());
        assertEquals(403, json.statusCode());
        assertTrue(json.body().contains("CSRF"), json.body());
        assertTrue(console.fleet.alerts(true).stream().filter(a -> a.id() == id).findFirst().orElseThrow().open());
    }

    @Test
    void the_token_from_another_origin_is_refused_too() {
        ConsoleClient client = console.loggedIn();
        long id = openAlert();

        HttpResponse<String> response = client.postForm("/alerts/" + id + "/acknowledge",
                Map.of("csrf", client.csrf()), Map.of("Origin", "http://evil.example"));

        assertEquals(403, response.statusCode());
        assertTrue(console.fleet.alerts(true).stream().filter(a -> a.id() == id).findFirst().orElseThrow().open());
    }

    @Test
    void with_the_token_the_acknowledgement_is_made_in_the_maintainers_name() {
        ConsoleClient client = console.loggedIn();
        long id = openAlert();

        HttpResponse<String> response = client.postFormWithToken("/alerts/" + id + "/acknowledge", Map.of());

        assertEquals(303, response.statusCode());
        Alert alert = console.fleet.alerts(true).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
        assertFalse(alert.open());
        assertEquals(TestConsole.MAINTAINER, alert.acknowledgedBy());
    }

    @Test
    void logout_needs_the_token_and_then_ends_the_session() {
        ConsoleClient client = console.loggedIn();

        assertEquals(403, client.postForm("/logout", Map.of()).statusCode());
        assertEquals(200, client.get("/").statusCode());
        HttpResponse<String> logout = client.postFormWithToken("/logout", Map.of());

        assertEquals(303, logout.statusCode());
        assertEquals(302, client.get("/").statusCode());
        assertEquals(401, client.get("/api/v1/overview").statusCode());
    }

    @Test
    void prometheus_reads_the_metrics_with_the_bearer_token_but_not_with_another() {
        ConsoleClient anonymous = console.client();

        HttpResponse<String> right = anonymous.get("/metrics", Map.of("Authorization", "Bearer "
                + TestConsole.METRICS_TOKEN));
        HttpResponse<String> wrong = anonymous.get("/metrics", Map.of("Authorization", "Bearer nope"));

        assertEquals(200, right.statusCode());
        assertTrue(right.body().contains("yizhan_kiosks{condition=\"online\"}"), right.body());
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        // the token opens the metrics only
        assertEquals(401, anonymous.get("/api/v1/overview", Map.of("Authorization", "Bearer "
                + TestConsole.METRICS_TOKEN)).statusCode());
    }

    @Test
    void every_page_forbids_inline_scripts_and_framing() {
        HttpResponse<String> page = console.loggedIn().get("/");

        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
    }

    /** An open alert nobody else in this class acknowledges. */
    private static synchronized long openAlert() {
        return console.fleet.alerts(false).stream().filter(Alert::open).map(Alert::id).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the sample ran out of open alerts"));
    }
}
