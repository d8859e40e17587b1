package org.yizhan.kiosk.telemetry;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.yizhan.protocol.ShortDuration;

/**
 * How the kiosk reaches its broker: the {@code mqtt.*} keys of the kiosk configuration, parsed and checked
 * once. Secrets are not in it: the password lives in its own file ({@code mqtt.password-file}, readable by
 * the kiosk's user only), which the transport reads when it is made; this record holds only paths, so it
 * can be logged.
 *
 * @param url               {@code tcp://HOST:PORT} or {@code ssl://HOST:PORT}, the port always written
 * @param username          the kiosk's broker user, or null to connect without one
 * @param passwordFile      the file holding the password (UTF-8, one line), or null for none
 * @param caFile            PEM certificates to trust for the broker, or null for the JDK's own trust store;
 *                          only with {@code ssl://}
 * @param clientCertificate the kiosk's own certificate and key for TLS client authentication, or null
 * @param keepAlive         the MQTT keep-alive; the broker notices a silent loss within 1.5 times this
 * @param sessionExpiry     how long the broker keeps the kiosk's session (its subscription and queued
 *                          commands) while it is away
 * @param connectTimeout    how long one connect attempt may take, TCP, TLS and CONNACK together
 * @param reconnect         the backoff between attempts
 */
public record MqttConfig(String url, String username, Path passwordFile, Path caFile,
        ClientCertificate clientCertificate, Duration keepAlive, Duration sessionExpiry, Duration connectTimeout,
        ReconnectBackoff reconnect) {

    /** Every key {@link #parse} reads; the kiosk configuration file accepts exactly these {@code mqtt.*} keys. */
    public static final List<String> KEYS = List.of("mqtt.url", "mqtt.username", "mqtt.password-file",
            "mqtt.ca-file", "mqtt.client-cert-file", "mqtt.client-key-file", "mqtt.keep-alive",
            "mqtt.session-expiry", "mqtt.connect-timeout", "mqtt.reconnect-min", "mqtt.reconnect-max");

    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(1);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** MQTT's largest session expiry, which means "never". */
    private static final long MAX_SESSION_EXPIRY_SECONDS = 0xFFFF_FFFFL;

    /**
     * A PEM certificate (chain) and its unencrypted private key (PKCS#8 {@code PRIVATE KEY}, or the
     * traditional {@code RSA PRIVATE KEY} and {@code EC PRIVATE KEY}).
     */
    public record ClientCertificate(Path certFile, Path keyFile) {

        public ClientCertificate {
            Objects.requireNonNull(certFile, "certFile");
            Objects.requireNonNull(keyFile, "keyFile");
        }
    }

    public MqttConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(reconnect, "reconnect");
    }

    /** A plain-TCP configuration with every default, e.g. for the demo's embedded broker. */
    public static MqttConfig plain(String url) {
        return parse(Map.of("mqtt.url", url)).orElseThrow();
    }

    /** True for {@code ssl://}. */
    public boolean tls() {
        return url.startsWith("ssl://");
    }

    /** The same configuration with another backoff. */
    public MqttConfig withReconnect(ReconnectBackoff backoff) {
        return new MqttConfig(url, username, passwordFile, caFile, clientCertificate, keepAlive, sessionExpiry,
                connectTimeout, backoff);
    }

    /** {@link #parse(Map, Path)} with relative paths taken from the working directory. */
    public static Optional<MqttConfig> parse(Map<String, String> values) {
        return parse(values, Path.of(""));
    }

    /**
     * The broker configuration among {@code values} (other keys are ignored), or empty when there is no
     * {@code mqtt.*} key at all: the kiosk then runs without telemetry. Relative paths are resolved against
     * {@code base} (the configuration file's directory); files must exist when this is called.
     *
     * @throws IllegalArgumentException naming the key first, e.g. {@code mqtt.keep-alive: '0s' is …}, for an
     *                                  unknown {@code mqtt.*} key, a bad value, a missing file or a
     *                                  combination that cannot work
     */
    public static Optional<MqttConfig> parse(Map<String, String> values, Path base) {
        TreeSet<String> present = new TreeSet<>();
        for (String key : values.keySet()) {
            if (key.startsWith("mqtt.")) {
                present.add(key);
            }
        }
        if (present.isEmpty()) {
            return Optional.empty();
        }
        for (String key : present) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(key + ": unknown key; the broker keys are " + String.join(", ", KEYS));
            }
        }
        Values v = new Values(values, base);
        if (!v.has("mqtt.url")) {
            throw new IllegalArgumentException("mqtt.url: missing; " + present.first()
                    + " is set, so a broker is wanted: give its tcp://HOST:PORT or ssl://HOST:PORT");
        }
        String url = v.get("mqtt.url", MqttConfig::url);
        boolean tls = url.startsWith("ssl://");
        for (String key : List.of("mqtt.ca-file", "mqtt.client-cert-file", "mqtt.client-key-file")) {
            if (v.has(key) && !tls) {
                throw new IllegalArgumentException(key + ": TLS files need an ssl:// mqtt.url, not " + url);
            }
        }
        ClientCertificate certificate = null;
        if (v.has("mqtt.client-cert-file") || v.has("mqtt.client-key-file")) {
            String missing = v.has("mqtt.client-cert-file") ? "mqtt.client-key-file" : "mqtt.client-cert-file";
            if (!v.has(missing)) {
                throw new IllegalArgumentException(missing + ": missing; a client certificate needs both"
                        + " mqtt.client-cert-file and mqtt.client-key-file");
            }
            certificate = new ClientCertificate(v.get("mqtt.client-cert-file", v::file),
                    v.get("mqtt.client-key-file", v::file));
        }
        Duration min = v.get("mqtt.reconnect-min",
                text -> within(ShortDuration.parse(text), Duration.ofMillis(10), Duration.ofHours(1)),
                ReconnectBackoff.DEFAULT.min());
        Duration max = v.get("mqtt.reconnect-max",
                text -> within(ShortDuration.parse(text), Duration.ofMillis(10), Duration.ofDays(1)),
                ReconnectBackoff.DEFAULT.max().compareTo(min) < 0 ? min : ReconnectBackoff.DEFAULT.max());
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("mqtt.reconnect-max: " + ShortDuration.format(max)
                    + " is below mqtt.reconnect-min " + ShortDuration.format(min));
        }
        return Optional.of(new MqttConfig(
                url,
                v.get("mqtt.username", MqttConfig::username, null),
                v.get("mqtt.password-file", v::file, null),
                v.get("mqtt.ca-file", v::file, null),
                certificate,
                v.get("mqtt.keep-alive", text -> wholeSeconds(text, 1, 65_535), DEFAULT_KEEP_ALIVE),
                v.get("mqtt.session-expiry", text -> wholeSeconds(text, 0, MAX_SESSION_EXPIRY_SECONDS),
                        DEFAULT_SESSION_EXPIRY),
                v.get("mqtt.connect-timeout", text -> wholeSeconds(text, 1, 300), DEFAULT_CONNECT_TIMEOUT),
                new ReconnectBackoff(min, max)));
    }

    private static String url(String text) {
        String problem = "'" + text + "' is not tcp://HOST:PORT or ssl://HOST:PORT";
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("tcp") || scheme.equals("ssl")) || uri.getHost() == null
                || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException(problem);
        }
        // Written out, so logs and the maintenance screen show where the kiosk really connects.
        int port = uri.getPort() == -1 ? (scheme.equals("tcp") ? 1883 : 8883) : uri.getPort();
        return scheme + "://" + uri.getHost() + ":" + port;
    }

    private static String username(String text) {
        if (text.isEmpty() || text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("'" + text + "' is not a user name: empty or with control characters");
        }
        return text;
    }

    private static Duration wholeSeconds(String text, long min, long max) {
        Duration duration = ShortDuration.parse(text);
        if (duration.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of seconds");
        }
        return within(duration, Duration.ofSeconds(min), Duration.ofSeconds(max));
    }

    private static Duration within(Duration duration, Duration min, Duration max) {
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            throw new IllegalArgumentException(ShortDuration.format(duration) + " is not between "
                    + ShortDuration.format(min) + " and " + ShortDuration.format(max));
        }
        return duration;
    }

    /** Raw values with the key named first in every error. */
    private record Values(Map<String, String> values, Path base) {

        boolean has(String key) {
            return values.get(key) != null;
        }

        <T> T get(String key, Function<String, T> parser, T fallback) {
            return has(key) ? get(key, parser) : fallback;
        }

        <T> T get(String key, Function<String, T> parser) {
            try {
                return parser.apply(values.get(key).trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
            }
        }

        Path file(String text) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty path");
            }
            Path path;
            try {
                path = base.resolve(text).normalize();
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("'" + text + "' is not a path");
            }
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(path + " does not exist or is not a file");
            }
            if (!Files.isReadable(path)) {
                throw new IllegalArgumentException(path + " is not readable by this user");
            }
            return path;
        }
    }
}
