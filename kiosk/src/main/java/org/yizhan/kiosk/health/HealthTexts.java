package org.yizhan.kiosk.health;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The health check's words in one language, from {@code org/yizhan/kiosk/health/advice_*.properties} (UTF-8,
 * Simplified Chinese first, then English), loaded like the window's messages: no fallback to another
 * language, and a missing key fails at once with the key named. Every key {@link HealthAssessor} can give
 * exists in both languages.
 *
 * <p>Keys: {@code name.<kind>.<category>} (the category in words, e.g. {@code name.blood-pressure.grade-1}),
 * {@code advice.…} ({@link Assessment#adviceKeys()}), {@code refused.<reason>}, {@code trend.<direction>}
 * with {@code {0}} for the number of readings averaged.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class HealthTexts {

    static final String BUNDLE = "org.yizhan.kiosk.health.advice";

    private final ResourceBundle bundle;

    private HealthTexts(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /**
     * The texts in {@code locale}: {@link Locale#SIMPLIFIED_CHINESE} or {@link Locale#ENGLISH} (the window's
     * {@code Language.locale()}).
     *
     * @throws MissingResourceException for a language the health check does not speak
     */
    public static HealthTexts of(Locale locale) {
        return new HealthTexts(ResourceBundle.getBundle(BUNDLE, Objects.requireNonNull(locale, "locale"),
                HealthTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public String text(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new MissingResourceException("no health text '" + key + "' for " + bundle.getLocale(), BUNDLE, key);
        }
    }

    /** What to tell the resident about an assessment, one paragraph per key, in order. */
    public List<String> advice(Assessment assessment) {
        return assessment.adviceKeys().stream().map(this::text).toList();
    }

    /** The reading's category in words, e.g. 1级高血压范围; empty for a weight without a known height. */
    public Optional<String> categoryName(Reading reading) {
        return reading.categoryCode().map(code -> text("name." + reading.kind().code() + "." + code));
    }

    /** The trend in words, e.g. "Higher than your average of the last 5". */
    public String trend(Trend trend) {
        return text(trend.direction().key()).replace("{0}", String.valueOf(trend.readings()));
    }

    /** Every key, for checks that the languages agree. */
    List<String> keys() {
        return List.copyOf(bundle.keySet());
    }
}
