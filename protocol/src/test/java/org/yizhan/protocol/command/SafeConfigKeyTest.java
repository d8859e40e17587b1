package org.yizhan.protocol.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeConfigKeyTest {

    @Test
    void lists_only_settings_of_looks_and_pace() {
        assertEquals(List.of("checkin.result-timeout", "checkin.walk-in-timeout", "checkin.thanks-timeout",
                "checkin.default-purpose", "ui.language", "ui.large-text", "telemetry.health-interval"),
                SafeConfigKey.KEYS);
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @CsvSource({
        "checkin.result-timeout, 8s, true",
        "checkin.result-timeout, 1s, false",
        "checkin.result-timeout, soon, false",
        "checkin.walk-in-timeout, 2m, true",
        "checkin.thanks-timeout, 31s, false",
        "checkin.default-purpose, charge, true",
        "checkin.default-purpose, sleep, false",
        "ui.language, en, true",
        "ui.language, fr, false",
        "ui.large-text, true, true",
        "ui.large-text, yes, false",
        "telemetry.health-interval, 30s, true",
        "telemetry.health-interval, 1s, false"})
    void accepts_only_values_the_kiosk_can_live_with(String key, String value, boolean acceptable) {
        assertEquals(acceptable, SafeConfigKey.of(key).orElseThrow().problemWith(value).isEmpty());
    }
}
