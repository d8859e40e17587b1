package org.yizhan.fleet.connection;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How the fleet connects to the broker. Each connection starts clean (no session is kept for the fleet, whose
 * subscriptions live only as long as it waits for answers) with a 30 s keep-alive.
 *
 * @param url            {@code tcp://HOST[:PORT]} or {@code ssl://HOST[:PORT]}; {@code ssl://} trusts the JDK's
 *                       certificate authorities
 * @param clientId       the MQTT client id; unique per connection, or the broker drops the older one
 * @param username       the fleet's broker user; null for none
 * @param password       its password; null for none
 * @param connectTimeout how long TCP, TLS and CONNACK together may take
 */
public record FleetConnectionSettings(String url, String clientId, String username, byte[] password,
        Duration connectTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public FleetConnectionSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("tcp://") && !url.startsWith("ssl://")) {
            throw new IllegalArgumentException("'" + url + "' is not a broker URL; write tcp://HOST[:PORT] or"
                    + " ssl://HOST[:PORT]");
        }
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isEmpty()) {
            throw new IllegalArgumentException("the client id is empty");
        }
        password = password == null ? null : password.clone();
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("the connect timeout is at least one second");
        }
    }

    /** Anonymous, with a default connect timeout. */
    public static FleetConnectionSettings anonymous(String url, String clientId) {
        return new FleetConnectionSettings(url, clientId, null, null, DEFAULT_CONNECT_TIMEOUT);
    }

    @Override
    public byte[] password() {
        return password == null ? null : password.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FleetConnectionSettings that && url.equals(that.url) && clientId.equals(that.clientId)
                && Objects.equals(username, that.username) && Arrays.equals(password, that.password)
                && connectTimeout.equals(that.connectTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, clientId, username, Arrays.hashCode(password), connectTimeout);
    }

    @Override
    public String toString() {
        return "FleetConnectionSettings[url=" + url + ", clientId=" + clientId + ", username=" + username
                + ", password=" + (password == null ? "none" : "(hidden)") + ", connectTimeout=" + connectTimeout + "]";
    }
}
