package org.yizhan.fleet.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private final LoginThrottleTest.MovableClock clock = new LoginThrottleTest.MovableClock();
    private final Sessions sessions = new Sessions(Duration.ofMinutes(30), clock);

    @Test
    void a_session_ends_after_the_idle_timeout_and_each_request_extends_it() {
        Session session = sessions.start("wanglei");

        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(session.id()).isPresent());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(session.id()).isPresent(), "the request 29 min ago extended it");
        clock.advance(Duration.ofMinutes(30));
        assertFalse(sessions.find(session.id()).isPresent());
    }

    @Test
    void ids_and_csrf_tokens_are_long_random_and_different() {
        Session one = sessions.start("wanglei");
        Session two = sessions.start("wanglei");

        assertNotEquals(one.id(), two.id());
        assertNotEquals(one.csrfToken(), one.id());
        assertEquals(43, one.id().length(), "32 bytes in base64url");
        assertTrue(Sessions.csrfMatches(one, one.csrfToken()));
        assertFalse(Sessions.csrfMatches(one, two.csrfToken()));
        assertFalse(Sessions.csrfMatches(one, null));
    }

    @Test
    void logout_ends_the_session() {
        Session session = sessions.start("wanglei");

        sessions.end(session.id());

        assertFalse(sessions.find(session.id()).isPresent());
        assertFalse(sessions.find(null).isPresent());
    }
}
