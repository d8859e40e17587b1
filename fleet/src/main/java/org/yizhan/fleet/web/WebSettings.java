package org.yizhan.fleet.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Properties;
import org.yizhan.fleet.web.auth.Maintainers;
import org.yizhan.protocol.ShortDuration;

/**
 * How the web console is served, from the {@code web.*} keys of the fleet's configuration:
 *
 * <table>
 * <caption>keys</caption>
 * <tr><th>key</th><th>default</th><th>accepts</th></tr>
 * <tr><td>{@code web.bind}</td><td>{@code 127.0.0.1}</td><td>the address to listen on; {@code 0.0.0.0} for
 *     every interface (then put TLS in front)</td></tr>
 * <tr><td>{@code web.port}</td><td>{@code 8080}</td><td>0–65535; 0 picks a free port</td></tr>
 * <tr><td>{@code web.users-file}</td><td>required</td><td>the maintainers, {@code name:hash} lines</td></tr>
 * <tr><td>{@code web.session-timeout}</td><td>{@code 8h}</td><td>idle time after which a login ends, 1m–7d</td></tr>
 * <tr><td>{@code web.time-zone}</td><td>{@code Asia/Shanghai}</td><td>the zone of the fleet's days and hours</td></tr>
 * <tr><td>{@code web.metrics-token-file}</td><td>none</td><td>a file holding the bearer token Prometheus sends
 *     to {@code /metrics}; without it only a logged-in maintainer can read them</td></tr>
 * <tr><td>{@code web.secure-cookies}</td><td>{@code false}</td><td>{@code true} marks the session cookie
 *     Secure, for a console behind HTTPS</td></tr>
 * </table>
 *
 * Relative paths are taken from the configuration file's directory. Problems name the key.
 *
 * @param bindAddress    the address to listen on
 * @param port           the port; 0 for a free one
 * @param maintainers    who may log in
 * @param sessionTimeout idle time after which a login ends
 * @param timeZone       the zone whose days and hours footfall and times are shown in
 * @param metricsToken   the bearer token that opens {@code /metrics} without a login; null for none
 * @param secureCookies  whether the session cookie is marked Secure
 */
public record WebSettings(String bindAddress, int port, Maintainers maintainers, Duration sessionTimeout,
        ZoneId timeZone, String metricsToken, boolean secureCookies) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofHours(8);
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");

    public WebSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("web.port: " + port + " is not a port (0-65535)");
        }
        Objects.requireNonNull(maintainers, "maintainers");
        if (sessionTimeout.compareTo(Duration.ofMinutes(1)) < 0 || sessionTimeout.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("web.session-timeout: " + ShortDuration.format(sessionTimeout)
                    + " is not between 1m and 7d");
        }
        Objects.requireNonNull(timeZone, "timeZone");
        if (metricsToken != null && metricsToken.length() < 16) {
            throw new IllegalArgumentException("web.metrics-token-file: the token is shorter than 16 characters");
        }
    }

    /** The defaults: 127.0.0.1:8080, 8 h sessions, Asia/Shanghai, no metrics token, cookies without Secure. */
    public static WebSettings of(Maintainers maintainers) {
        return new WebSettings(DEFAULT_BIND, DEFAULT_PORT, maintainers, DEFAULT_SESSION_TIMEOUT, DEFAULT_TIME_ZONE,
                null, false);
    }

    public WebSettings withBind(String newBind) {
        return new WebSettings(newBind, port, maintainers, sessionTimeout, timeZone, metricsToken, secureCookies);
    }

    public WebSettings withPort(int newPort) {
        return new WebSettings(bindAddress, newPort, maintainers, sessionTimeout, timeZone, metricsToken,
                secureCookies);
    }

    public WebSettings withMetricsToken(String token) {
        return new WebSettings(bindAddress, port, maintainers, sessionTimeout, timeZone, token, secureCookies);
    }

    /**
     * Reads the {@code web.*} keys, and the files they name, once at start.
     *
     * @param configDir the configuration file's directory, for relative paths
     * @throws IllegalArgumentException naming the key of the first problem
     */
    public static WebSettings from(Properties properties, Path configDir) {
        String bind = properties.getProperty("web.bind", DEFAULT_BIND).strip();
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("web.bind: '" + bind + "' is not an address of this machine");
        }
        int port;
        String portText = properties.getProperty("web.port", String.valueOf(DEFAULT_PORT)).strip();
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("web.port: '" + portText + "' is not a port (0-65535)");
        }
        String usersFile = properties.getProperty("web.users-file");
        if (usersFile == null || usersFile.isBlank()) {
            throw new IllegalArgumentException("web.users-file: missing; name the file of maintainers"
                    + " (name:hash lines)");
        }
        Maintainers maintainers;
        Path users = configDir.resolve(usersFile.strip());
        try {
            maintainers = Maintainers.read(users);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("web.users-file: " + users + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("web.users-file: cannot read " + users + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("web.users-file: " + e.getMessage(), e);
        }
        Duration timeout;
        try {
            timeout = ShortDuration.parse(properties.getProperty("web.session-timeout",
                    ShortDuration.format(DEFAULT_SESSION_TIMEOUT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("web.session-timeout: " + e.getMessage());
        }
        ZoneId zone;
        String zoneText = properties.getProperty("web.time-zone", DEFAULT_TIME_ZONE.getId()).strip();
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("web.time-zone: '" + zoneText + "' is not a time zone such as"
                    + " Asia/Shanghai");
        }
        String token = null;
        String tokenFile = properties.getProperty("web.metrics-token-file");
        if (tokenFile != null && !tokenFile.isBlank()) {
            Path path = configDir.resolve(tokenFile.strip());
            try {
                token = Files.readString(path, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("web.metrics-token-file: cannot read " + path + ": "
                        + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
            }
        }
        String secure = properties.getProperty("web.secure-cookies", "false").strip();
        if (!secure.equals("true") && !secure.equals("false")) {
            throw new IllegalArgumentException("web.secure-cookies: '" + secure + "' is not true or false");
        }
        return new WebSettings(bind, port, maintainers, timeout, zone, token, Boolean.parseBoolean(secure));
    }
}
