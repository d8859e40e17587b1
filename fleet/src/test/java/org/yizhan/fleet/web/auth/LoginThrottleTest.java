package org.yizhan.fleet.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void five_failures_for_a_name_lock_it_for_thirty_seconds_then_a_minute() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("wanglei", "10.0.0.1");
            assertEquals(Optional.empty(), throttle.lockedFor("wanglei", "10.0.0.1"));
        }

        throttle.failed("wanglei", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.lockedFor("wanglei", "10.0.0.2"));

        clock.advance(Duration.ofSeconds(30));
        assertEquals(Optional.empty(), throttle.lockedFor("wanglei", "10.0.0.1"));
        throttle.failed("wanglei", "10.0.0.1");
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.lockedFor("wanglei", "10.0.0.1"));
    }

    @Test
    void another_name_from_the_same_address_may_still_try() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("wanglei", "10.0.0.1");
        }

        assertEquals(Optional.empty(), throttle.lockedFor("chenjing", "10.0.0.1"));
    }

    @Test
    void an_address_spraying_many_names_is_locked_after_twenty() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("name-" + i, "10.0.0.9");
        }

        assertTrue(throttle.lockedFor("wanglei", "10.0.0.9").isPresent());
        assertEquals(Optional.empty(), throttle.lockedFor("wanglei", "10.0.0.1"));
    }

    @Test
    void a_success_clears_the_count() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("wanglei", "10.0.0.1");
        }
        throttle.succeeded("wanglei", "10.0.0.1");
        throttle.failed("wanglei", "10.0.0.1");

        assertEquals(Optional.empty(), throttle.lockedFor("wanglei", "10.0.0.1"));
    }

    @Test
    void the_lockout_doubles_up_to_fifteen_minutes() {
        assertEquals(Duration.ofSeconds(30), LoginThrottle.lockout(5, 5));
        assertEquals(Duration.ofMinutes(2), LoginThrottle.lockout(7, 5));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.lockout(12, 5));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.lockout(500, 5));
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
