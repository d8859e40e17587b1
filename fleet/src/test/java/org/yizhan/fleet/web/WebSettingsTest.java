package org.yizhan.fleet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebSettingsTest {

    @TempDir
    Path dir;

    @Test
    void the_defaults_serve_localhost_8080_in_shanghai_time() throws IOException {
        Files.writeString(dir.resolve("users"), TestConsole.MAINTAINERS.toFileText());

        WebSettings settings = WebSettings.from(properties("web.users-file", "users"), dir);

        assertEquals("127.0.0.1", settings.bindAddress());
        assertEquals(8080, settings.port());
        assertEquals(Duration.ofHours(8), settings.sessionTimeout());
        assertEquals(ZoneId.of("Asia/Shanghai"), settings.timeZone());
        assertNull(settings.metricsToken());
        assertFalse(settings.secureCookies());
        assertTrue(settings.maintainers().verify(TestConsole.MAINTAINER, TestConsole.PASSWORD.toCharArray()));
    }

    @Test
    void every_key_is_read() throws IOException {
        Files.writeString(dir.resolve("users"), TestConsole.MAINTAINERS.toFileText());
        Files.writeString(dir.resolve("metrics-token"), "a-token-for-prometheus-only\n");

        WebSettings settings = WebSettings.from(properties("web.users-file", "users", "web.bind", "0.0.0.0",
                "web.port", "9090", "web.session-timeout", "30m", "web.time-zone", "Asia/Urumqi",
                "web.metrics-token-file", "metrics-token", "web.secure-cookies", "true"), dir);

        assertEquals("0.0.0.0", settings.bindAddress());
        assertEquals(9090, settings.port());
        assertEquals(Duration.ofMinutes(30), settings.sessionTimeout());
        assertEquals(ZoneId.of("Asia/Urumqi"), settings.timeZone());
        assertEquals("a-token-for-prometheus-only", settings.metricsToken());
        assertTrue(settings.secureCookies());
    }

    @Test
    void a_bad_value_is_refused_naming_its_key() throws IOException {
        Files.writeString(dir.resolve("users"), TestConsole.MAINTAINERS.toFileText());

        assertEquals("web.users-file: missing; name the file of maintainers (name:hash lines)",
                message(properties()));
        assertEquals("web.users-file: " + dir.resolve("nope") + ": no such file",
                message(properties("web.users-file", "nope")));
        assertEquals("web.port: 'http' is not a port (0-65535)",
                message(properties("web.users-file", "users", "web.port", "http")));
        assertEquals("web.port: 70000 is not a port (0-65535)",
                message(properties("web.users-file", "users", "web.port", "70000")));
        assertEquals("web.session-timeout: 10s is not between 1m and 7d",
                message(properties("web.users-file", "users", "web.session-timeout", "10s")));
        assertEquals("web.time-zone: 'Shanghai' is not a time zone such as Asia/Shanghai",
                message(properties("web.users-file", "users", "web.time-zone", "Shanghai")));
        assertEquals("web.secure-cookies: 'yes' is not true or false",
                message(properties("web.users-file", "users", "web.secure-cookies", "yes")));
    }

    private String message(Properties properties) {
        return assertThrows(IllegalArgumentException.class, () -> WebSettings.from(properties, dir)).getMessage();
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
