package org.yizhan.kiosk.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    private final ReconnectBackoff backoff = ReconnectBackoff.DEFAULT;

    @Test
    void the_ceiling_doubles_with_every_failure_up_to_the_maximum() {
        assertEquals(Duration.ofSeconds(1), backoff.ceiling(0));
        assertEquals(Duration.ofSeconds(2), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(32), backoff.ceiling(5));
        assertEquals(Duration.ofSeconds(60), backoff.ceiling(6));
        assertEquals(Duration.ofSeconds(60), backoff.ceiling(Integer.MAX_VALUE));
    }

    @Test
    void the_delay_lies_in_the_upper_half_of_the_ceiling() {
        assertEquals(Duration.ofMillis(4000), backoff.delay(3, 0.0));
        assertEquals(Duration.ofMillis(6000), backoff.delay(3, 0.5));
        assertEquals(Duration.ofMillis(7999), backoff.delay(3, 0.99999).truncatedTo(ChronoUnit.MILLIS));
        assertEquals(Duration.ofSeconds(30), backoff.delay(100, 0.0));
    }

    @Test
    void refuses_a_maximum_below_the_minimum_and_a_random_outside_zero_to_one() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> backoff.delay(0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> backoff.delay(-1, 0.5));
    }
}
