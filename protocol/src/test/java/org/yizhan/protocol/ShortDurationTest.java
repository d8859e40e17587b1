package org.yizhan.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShortDurationTest {

    @Test
    void reads_the_units_people_write() {
        assertEquals(Duration.ofMillis(250), ShortDuration.parse("250ms"));
        assertEquals(Duration.ofSeconds(8), ShortDuration.parse("8s"));
        assertEquals(Duration.ofMinutes(10), ShortDuration.parse(" 10m "));
        assertEquals(Duration.ofHours(12), ShortDuration.parse("12h"));
        assertEquals(Duration.ofDays(30), ShortDuration.parse("30d"));
        assertEquals(Duration.ofMinutes(10), ShortDuration.parse("PT10M"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "ten minutes", "-5m", "5 m", "5w", "PT-1S", "P"})
    void refuses_anything_else_and_quotes_it(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShortDuration.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void formats_to_a_form_it_reads_back() {
        for (Duration d : new Duration[] {Duration.ofDays(30), Duration.ofHours(36), Duration.ofMinutes(10),
                Duration.ofSeconds(90), Duration.ofMillis(1500), Duration.ZERO}) {
            assertEquals(d, ShortDuration.parse(ShortDuration.format(d)));
        }
        assertEquals("10m", ShortDuration.format(Duration.ofMinutes(10)));
    }
}
