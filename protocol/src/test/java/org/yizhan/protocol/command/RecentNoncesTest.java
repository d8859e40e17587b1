package org.yizhan.protocol.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecentNoncesTest {

    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

    /** A clock the test moves. */
    private static final class SteppedClock extends Clock {
        private Instant now = T;

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

    private final SteppedClock clock = new SteppedClock();
    private final RecentNonces nonces = new RecentNonces(clock);

    @Test
    void a_nonce_is_seen_once_until_its_command_expires() {
        // given
        assertTrue(nonces.firstSight("n1", T.plusSeconds(60)));

        // when, then: again within the validity
        clock.now = T.plusSeconds(60);
        assertFalse(nonces.firstSight("n1", T.plusSeconds(60)));
    }

    @Test
    void an_expired_nonce_is_forgotten_and_memory_stays_bounded_by_validity() {
        nonces.firstSight("n1", T.plusSeconds(60));
        nonces.firstSight("n2", T.plusSeconds(600));

        clock.now = T.plusSeconds(61);
        nonces.firstSight("n3", T.plusSeconds(120));

        assertEquals(2, nonces.size());
        assertTrue(nonces.firstSight("n1", T.plusSeconds(120)), "forgotten once its command could no longer run");
    }
}
