package org.yizhan.fleet.connection;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How the fleet connects to the broker, with a 30 s keep-alive.
 *
 * <p><b>Sessions.</b> With {@code sessionExpiry} zero (what {@link #anonymous} and the five-argument constructor
 * give, and what the command sender wants: its subscriptions live only as long as it waits for answers) each
 * connection starts clean and the broker forgets it on disconnect. With a positive expiry the connection asks
 * for a <i>persistent session</i> (MQTT 5 clean start off, that session expiry interval): the broker keeps the
 * client's subscriptions and queues QoS 1 messages for it while it is away, and delivers them when a client
 * with the same id connects again within the expiry. That needs a client id that is stable across restarts and
 * unique to one console instance ({@link #withPersistentSession}).
 *
 * <p><b>Acknowledgement.</b> By default the connection acknowledges (PUBACK) each QoS 1 message as soon as its
 * listeners returned. With {@code manualAcknowledgement} it waits until a listener calls
 * {@link IncomingMessage#acknowledge()}: a consumer that stores what it receives acknowledges only what it
 * committed, and with a persistent session the broker sends the rest again after a crash.
 *
 * @param url            {@code tcp://HOST[:PORT]} or {@code ssl://HOST[:PORT]}; {@code ssl://} trusts the JDK's
 *                       certificate authorities
 * @param clientId       the MQTT client id; unique per connection, or the broker drops the older one
 * @param username       the fleet's broker user; null for none
 * @param password       its password; null for none
 * @param connectTimeout how long TCP, TLS and CONNACK together may take
 * @param sessionExpiry  how long the broker keeps the session after a disconnect; zero for a clean session, at
 *                       most {@link #MAX_SESSION_EXPIRY}
 * @param manualAcknowledgement whether QoS 1 messages wait for {@link IncomingMessage#acknowledge()}
 */
public record FleetConnectionSettings(String url, String clientId, String username, byte[] password,
        Duration connectTimeout, Duration sessionExpiry, boolean manualAcknowledgement) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The longest session expiry MQTT 5 can express short of "never": 2^32 - 2 seconds. */
    public static final Duration MAX_SESSION_EXPIRY = Duration.ofSeconds(0xFFFFFFFEL);
    /** A day: long enough for a console restart, an upgrade or a weekend without a maintainer. */
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofDays(1);

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
        Objects.requireNonNull(sessionExpiry, "sessionExpiry");
        if (sessionExpiry.isNegative() || sessionExpiry.compareTo(MAX_SESSION_EXPIRY) > 0
                || (!sessionExpiry.isZero() && sessionExpiry.toSeconds() < 1)) {
            throw new IllegalArgumentException("the session expiry is zero (a clean session) or 1 s to "
                    + MAX_SESSION_EXPIRY.toSeconds() + " s, not " + sessionExpiry);
        }
    }

    /** A clean session, as every connection had before persistent sessions existed. */
    public FleetConnectionSettings(String url, String clientId, String username, byte[] password,
            Duration connectTimeout) {
        this(url, clientId, username, password, connectTimeout, Duration.ZERO, false);
    }

    /** Anonymous, with a default connect timeout. */
    public static FleetConnectionSettings anonymous(String url, String clientId) {
        return new FleetConnectionSettings(url, clientId, null, null, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * The same settings asking for a persistent session that the broker keeps for {@code expiry} after a
     * disconnect. The client id must then stay the same across restarts of this console instance.
     */
    public FleetConnectionSettings withPersistentSession(Duration expiry) {
        if (expiry.isZero()) {
            throw new IllegalArgumentException("a persistent session needs a positive expiry");
        }
        return new FleetConnectionSettings(url, clientId, username, password, connectTimeout, expiry,
                manualAcknowledgement);
    }

    /** The same settings, with QoS 1 messages acknowledged only when a listener says so. */
    public FleetConnectionSettings withManualAcknowledgement() {
        return new FleetConnectionSettings(url, clientId, username, password, connectTimeout, sessionExpiry, true);
    }

    /** Whether the connection asks the broker to keep its session (clean start off). */
    public boolean persistentSession() {
        return !sessionExpiry.isZero();
    }

    @Override
    public byte[] password() {
        return password == null ? null : password.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FleetConnectionSettings that && url.equals(that.url) && clientId.equals(that.clientId)
                && Objects.equals(username, that.username) && Arrays.equals(password, that.password)
                && connectTimeout.equals(that.connectTimeout) && sessionExpiry.equals(that.sessionExpiry)
                && manualAcknowledgement == that.manualAcknowledgement;
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, clientId, username, Arrays.hashCode(password), connectTimeout, sessionExpiry,
                manualAcknowledgement);
    }

    @Override
    public String toString() {
        return "FleetConnectionSettings[url=" + url + ", clientId=" + clientId + ", username=" + username
                + ", password=" + (password == null ? "none" : "(hidden)") + ", connectTimeout=" + connectTimeout
                + ", sessionExpiry=" + sessionExpiry + ", manualAcknowledgement=" + manualAcknowledgement + "]";
    }
}
