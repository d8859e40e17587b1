package org.yizhan.kiosk.health;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * How a reading compares with the resident's average of their last readings of the same kind, in words:
 * "lower than your average of the last 5" ({@code trend.lower}), "about the same as …"
 * ({@code trend.about-the-same}), "higher than …" ({@code trend.higher}); {@code {0}} in the text is
 * {@link #readings}. The rule is {@link HealthAssessor}'s.
 *
 * @param direction the words
 * @param readings  how many earlier readings were averaged, 2 to {@link HealthAssessor#TREND_READINGS}
 * @param averages  the averages compared with, rounded half up to 0.1: systolic then diastolic mmHg for a
 *                  blood pressure, kg for a weight
 */
public record Trend(Direction direction, int readings, List<BigDecimal> averages) {

    public enum Direction {
        LOWER("lower"),
        ABOUT_THE_SAME("about-the-same"),
        HIGHER("higher");

        private final String code;

        Direction(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The key of its words in the texts, e.g. {@code trend.lower}. */
        public String key() {
            return "trend." + code;
        }
    }

    public Trend {
        Objects.requireNonNull(direction, "direction");
        if (readings < 1) {
            throw new IllegalArgumentException("a trend needs earlier readings, not " + readings);
        }
        averages = List.copyOf(averages);
    }
}
