package org.yizhan.fleet.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as HTTP goes: keeps cookies, does not follow redirects (tests look at them), and knows the
 * session's CSRF token once it has seen a page.
 */
final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf;

    ConsoleClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    HttpClient http() {
        return http;
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    /** Logs in and reads the CSRF token from the overview. */
    ConsoleClient loggedInAs(String name, String password) {
        HttpResponse<String> response = login(name, password);
        if (response.statusCode() != 303) {
            throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        }
        get("/");
        return this;
    }

    HttpResponse<String> login(String name, String password) {
        return postForm("/login", Map.of("name", name, "password", password));
    }

    HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.build());
        Matcher matcher = CSRF.matcher(response.body());
        if (matcher.find()) {
            csrf = matcher.group(1);
        }
        return response;
    }

    HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return postForm(path, fields, Map.of());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields, Map<String, String> headers) {
        String form = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A form post with the session's CSRF token, as the pages' forms send it. */
    HttpResponse<String> postFormWithToken(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", csrf());
        return postForm(path, all);
    }

    /** A JSON post with the session's CSRF token in its header, as a script sends it. */
    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrf()).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    String csrf() {
        if (csrf == null) {
            throw new AssertionError("no page with a CSRF token seen yet");
        }
        return csrf;
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
