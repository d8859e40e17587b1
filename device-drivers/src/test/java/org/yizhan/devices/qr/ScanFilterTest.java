package org.yizhan.devices.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ScanFilterTest {

    private final SteppingClock clock = new SteppingClock();
    private final ScanFilter filter = new ScanFilter(clock, Duration.ofSeconds(2));

    @Test
    void a_code_held_in_front_of_the_scanner_is_one_scan() {
        assertInstanceOf(ScanFilter.Verdict.Accepted.class, filter.check("PASS"));
        clock.step(Duration.ofMillis(500));
        assertInstanceOf(ScanFilter.Verdict.Repeated.class, filter.check("PASS"));
        clock.step(Duration.ofMillis(1900));
        assertInstanceOf(ScanFilter.Verdict.Repeated.class, filter.check("PASS"));
    }

    @Test
    void the_same_code_shown_again_later_is_a_new_scan() {
        filter.check("PASS");
        clock.step(Duration.ofSeconds(3));

        assertInstanceOf(ScanFilter.Verdict.Accepted.class, filter.check("PASS"));
    }

    @Test
    void another_code_is_never_a_repeat() {
        filter.check("PASS-A");

        assertInstanceOf(ScanFilter.Verdict.Accepted.class, filter.check("PASS-B"));
    }

    @Test
    void refuses_oversized_codes_counting_utf8_bytes() {
        assertInstanceOf(ScanFilter.Verdict.Accepted.class, filter.check("x".repeat(4096)));
        ScanFilter.Verdict verdict = filter.check("驿".repeat(1366));

        assertTrue(((ScanFilter.Verdict.Refused) verdict).reason().contains("4098 bytes"), verdict.toString());
    }

    @Test
    void refuses_control_characters_and_says_where() {
        ScanFilter.Verdict verdict = filter.check("PA\u001bSS");

        assertEquals(new ScanFilter.Verdict.Refused("control character U+001B at position 2"), verdict);
    }

    @Test
    void refuses_an_empty_code() {
        assertInstanceOf(ScanFilter.Verdict.Refused.class, filter.check(""));
    }

    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T12:00:00Z");

        void step(Duration by) {
            now = now.plus(by);
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
