package org.yizhan.fleet.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sessions, in memory: a restart logs everybody out, which for a handful of maintainers is cheaper
 * than keeping secrets on disk. Ids and CSRF tokens are 32 random bytes. A session ends at logout or after
 * {@code idleTimeout} without a request; every {@link #find} that succeeds extends it. Thread-safe.
 */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Clock clock;

    public Sessions(Duration idleTimeout, Clock clock) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the session timeout must be positive, not " + idleTimeout);
        }
        this.idleTimeout = idleTimeout;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Session start(String maintainer) {
        Instant now = clock.instant();
        removeExpired(now);
        Session session = new Session(randomToken(), maintainer, randomToken(), now, now);
        byId.put(session.id(), session);
        return session;
    }

    /** The live session with this id, extended by the idle timeout from now; empty when none or expired. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session found = byId.computeIfPresent(id,
                (key, session) -> expired(session, now) ? null : session.touched(now));
        return Optional.ofNullable(found);
    }

    public void end(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** True when {@code token} is this session's CSRF token; compared in constant time. */
    public static boolean csrfMatches(Session session, String token) {
        return token != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private boolean expired(Session session, Instant now) {
        return !now.isBefore(session.lastActive().plus(idleTimeout));
    }

    private void removeExpired(Instant now) {
        byId.values().removeIf(session -> expired(session, now));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
