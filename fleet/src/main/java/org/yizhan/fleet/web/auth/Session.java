package org.yizhan.fleet.web.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A maintainer logged in to the console.
 *
 * @param id         the secret in the session cookie
 * @param maintainer who logged in
 * @param csrfToken  the token every state-changing request of this session must carry
 * @param started    when they logged in
 * @param lastActive the last request of the session; it ends after the idle timeout from here
 */
public record Session(String id, String maintainer, String csrfToken, Instant started, Instant lastActive) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(maintainer, "maintainer");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(lastActive, "lastActive");
    }

    Session touched(Instant now) {
        return new Session(id, maintainer, csrfToken, started, now);
    }
}
