package org.yizhan.protocol.command;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.yizhan.protocol.ShortDuration;
import org.yizhan.protocol.footfall.FootfallCounts;

/**
 * The settings a {@code config-set} command may change: the ones that affect only how the kiosk looks and
 * paces itself, never whom it trusts, where it stores or sends data, or how it counts. Anything else (pass
 * keys, revocation list, broker, the duplicate window, the footfall bucket length) needs a visit or a new
 * configuration file, and a command for it is refused as {@code not-allowed}.
 *
 * <p>The footfall bucket length is left out on purpose: buckets are identified by their start, and a length
 * changed mid-day would make a long bucket overlap the short ones already counted.
 */
public enum SafeConfigKey {
    CHECKIN_RESULT_TIMEOUT("checkin.result-timeout", "how long a result screen stays, 2s to 60s",
            duration(Duration.ofSeconds(2), Duration.ofSeconds(60))),
    CHECKIN_WALK_IN_TIMEOUT("checkin.walk-in-timeout", "how long the walk-in purpose choice waits, 5s to 5m",
            duration(Duration.ofSeconds(5), Duration.ofMinutes(5))),
    CHECKIN_THANKS_TIMEOUT("checkin.thanks-timeout", "how long the thank-you screen stays, 1s to 30s",
            duration(Duration.ofSeconds(1), Duration.ofSeconds(30))),
    CHECKIN_DEFAULT_PURPOSE("checkin.default-purpose", "the purpose recorded when the visitor chooses none",
            value -> FootfallCounts.PURPOSES.contains(value) ? Optional.empty()
                    : Optional.of("'" + value + "' is not a purpose; purposes are "
                            + String.join(", ", FootfallCounts.PURPOSES))),
    UI_LANGUAGE("ui.language", "the window's default language, zh or en",
            value -> value.equals("zh") || value.equals("en") ? Optional.empty()
                    : Optional.of("'" + value + "' is not zh or en")),
    UI_LARGE_TEXT("ui.large-text", "the large-text theme, true or false",
            value -> value.equals("true") || value.equals("false") ? Optional.empty()
                    : Optional.of("'" + value + "' is not true or false")),
    TELEMETRY_HEALTH_INTERVAL("telemetry.health-interval", "how often health is published, 10s to 10m",
            duration(Duration.ofSeconds(10), Duration.ofMinutes(10)));

    /** The keys, as a list for documentation and messages. */
    public static final List<String> KEYS = Arrays.stream(values()).map(SafeConfigKey::key).toList();

    private final String key;
    private final String description;
    private final Function<String, Optional<String>> check;

    SafeConfigKey(String key, String description, Function<String, Optional<String>> check) {
        this.key = key;
        this.description = description;
        this.check = check;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** Why {@code value} is not acceptable for this key, or empty when it is. */
    public Optional<String> problemWith(String value) {
        return check.apply(value);
    }

    public static Optional<SafeConfigKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    private static Function<String, Optional<String>> duration(Duration min, Duration max) {
        return value -> {
            Duration d;
            try {
                d = ShortDuration.parse(value);
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                return Optional.of("'" + value + "' is outside " + ShortDuration.format(min) + " to "
                        + ShortDuration.format(max));
            }
            return Optional.empty();
        };
    }
}
