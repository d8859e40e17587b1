package org.yizhan.protocol;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in configuration files, command lines and commands: {@code 8s},
 * {@code 10m}, {@code 12h}, {@code 30d}, {@code 250ms}, or ISO-8601 ({@code PT10M}). Parsing is strict:
 * anything else is an {@link IllegalArgumentException} whose message quotes the input.
 */
public final class ShortDuration {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    private ShortDuration() {
    }

    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = SHORT.matcher(trimmed);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
            try {
                Duration parsed = Duration.parse(trimmed);
                if (!parsed.isNegative()) {
                    return parsed;
                }
            } catch (DateTimeParseException e) {
                // falls through to the common message below
            }
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not a duration; write it like 8s, 10m, 12h, 30d or PT10M");
    }

    /** The shortest exact form {@link #parse} reads back, e.g. {@code 10m} for ten minutes. */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 86_400_000 == 0 && ms > 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
