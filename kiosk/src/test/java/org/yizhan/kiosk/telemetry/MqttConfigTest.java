package org.yizhan.kiosk.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttConfigTest {

    @TempDir
    Path dir;

    @Test
    void no_mqtt_key_means_no_broker() {
        assertEquals(Optional.empty(), MqttConfig.parse(Map.of("site.id", "demo", "kiosk.id", "kiosk-1")));
    }

    @Test
    void a_url_alone_gives_the_documented_defaults() {
        // when
        MqttConfig config = MqttConfig.parse(Map.of("mqtt.url", "tcp://broker.example")).orElseThrow();

        // then
        assertEquals("tcp://broker.example:1883", config.url());
        assertEquals(Duration.ofSeconds(30), config.keepAlive());
        assertEquals(Duration.ofDays(1), config.sessionExpiry());
        assertEquals(Duration.ofSeconds(10), config.connectTimeout());
        assertEquals(new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60)), config.reconnect());
        assertNull(config.username());
        assertNull(config.passwordFile());
        assertNull(config.caFile());
        assertNull(config.clientCertificate());
    }

    @Test
    void reads_every_key_with_paths_relative_to_the_configuration_file() throws IOException {
        // given
        for (String file : new String[] {"password", "ca.pem", "kiosk.pem", "kiosk.key"}) {
            Files.writeString(dir.resolve(file), "x");
        }
        Map<String, String> values = Map.ofEntries(
                Map.entry("mqtt.url", "ssl://mqtt.example.org"),
                Map.entry("mqtt.username", "demo.kiosk-1"),
                Map.entry("mqtt.password-file", "password"),
                Map.entry("mqtt.ca-file", "ca.pem"),
                Map.entry("mqtt.client-cert-file", "kiosk.pem"),
                Map.entry("mqtt.client-key-file", dir.resolve("kiosk.key").toString()),
                Map.entry("mqtt.keep-alive", "45s"),
                Map.entry("mqtt.session-expiry", "7d"),
                Map.entry("mqtt.connect-timeout", "5s"),
                Map.entry("mqtt.reconnect-min", "500ms"),
                Map.entry("mqtt.reconnect-max", "2m"));

        // when
        MqttConfig config = MqttConfig.parse(values, dir).orElseThrow();

        // then
        assertEquals(values.keySet(), Set.copyOf(MqttConfig.KEYS));
        assertEquals("ssl://mqtt.example.org:8883", config.url());
        assertTrue(config.tls());
        assertEquals("demo.kiosk-1", config.username());
        assertEquals(dir.resolve("password"), config.passwordFile());
        assertEquals(dir.resolve("ca.pem"), config.caFile());
        assertEquals(new MqttConfig.ClientCertificate(dir.resolve("kiosk.pem"), dir.resolve("kiosk.key")),
                config.clientCertificate());
        assertEquals(Duration.ofSeconds(45), config.keepAlive());
        assertEquals(Duration.ofDays(7), config.sessionExpiry());
        assertEquals(Duration.ofSeconds(5), config.connectTimeout());
        assertEquals(new ReconnectBackoff(Duration.ofMillis(500), Duration.ofMinutes(2)), config.reconnect());
    }

    @Test
    void every_error_starts_with_the_key_it_is_about() throws IOException {
        Files.writeString(dir.resolve("ca.pem"), "x");
        assertRefused("mqtt.url: 'mqtt://x' is not tcp://HOST:PORT or ssl://HOST:PORT", Map.of("mqtt.url", "mqtt://x"));
        assertRefused("mqtt.url: 'tcp://x:1883/path' is not", Map.of("mqtt.url", "tcp://x:1883/path"));
        assertRefused("mqtt.url: missing;", Map.of("mqtt.username", "demo.kiosk-1"));
        assertRefused("mqtt.usrname: unknown key", Map.of("mqtt.url", "tcp://x", "mqtt.usrname", "a"));
        assertRefused("mqtt.keep-alive: 0s is not between 1s and",
                Map.of("mqtt.url", "tcp://x", "mqtt.keep-alive", "0s"));
        assertRefused("mqtt.keep-alive: '1500ms' is not a whole number of seconds",
                Map.of("mqtt.url", "tcp://x", "mqtt.keep-alive", "1500ms"));
        assertRefused("mqtt.session-expiry: 'soon' is not a duration",
                Map.of("mqtt.url", "tcp://x", "mqtt.session-expiry", "soon"));
        assertRefused("mqtt.password-file: " + dir.resolve("nope") + " does not exist",
                Map.of("mqtt.url", "tcp://x", "mqtt.password-file", "nope"));
        assertRefused("mqtt.ca-file: TLS files need an ssl:// mqtt.url",
                Map.of("mqtt.url", "tcp://x", "mqtt.ca-file", "ca.pem"));
        assertRefused("mqtt.client-key-file: missing; a client certificate needs both",
                Map.of("mqtt.url", "ssl://x", "mqtt.client-cert-file", "ca.pem"));
        assertRefused("mqtt.reconnect-max: 1s is below mqtt.reconnect-min 5s",
                Map.of("mqtt.url", "tcp://x", "mqtt.reconnect-min", "5s", "mqtt.reconnect-max", "1s"));
    }

    @Test
    void a_minimum_backoff_above_the_default_maximum_raises_the_maximum_with_it() {
        MqttConfig config = MqttConfig.parse(Map.of("mqtt.url", "tcp://x", "mqtt.reconnect-min", "5m")).orElseThrow();

        assertEquals(new ReconnectBackoff(Duration.ofMinutes(5), Duration.ofMinutes(5)), config.reconnect());
    }

    private void assertRefused(String expectedStart, Map<String, String> values) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MqttConfig.parse(new HashMap<>(values), dir));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
