package org.yizhan.protocol.footfall;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a kiosk counted in a span of time. Maps are keyed by lower-case codes; the documented codes are in
 * {@link #CATEGORIES}, {@link #PURPOSES} and {@link #MEASUREMENTS}, and readers keep codes they do not
 * know rather than drop them, so the kiosk can add a purpose without a new schema. A zero count is left
 * out, so two counts that agree are equal.
 *
 * <p>{@code measurementsByCategory} came later than the other members: a payload without it (an older kiosk,
 * a bucket stored before the upgrade) decodes with an empty map, and readers that do not know it ignore it.
 * Its keys are {@code kind:category} ({@link #measurementCategory}); a measurement without a category (a
 * weight without a known height) is counted by kind only, so the categories of a kind add up to at most that
 * kind's count.
 *
 * @param checkInsByCategory     accepted check-ins by the visitor's category; every check-in has exactly
 *                               one, {@code walk-in} when the visitor had no pass
 * @param checkInsByPurpose      accepted check-ins by the purpose chosen, or the default purpose when none was
 * @param entriesSensed          people the entry sensor saw come in, whether they checked in or not
 * @param measurementsByKind     health measurements taken, by kind
 * @param measurementsByCategory health measurements taken, by kind and the category of their reading, e.g.
 *                               {@code blood-pressure:grade-1}; {@code null} reads as empty
 */
public record FootfallCounts(
        Map<String, Long> checkInsByCategory,
        Map<String, Long> checkInsByPurpose,
        long entriesSensed,
        Map<String, Long> measurementsByKind,
        Map<String, Long> measurementsByCategory) {

    private static final String CODE_REGEX = "[a-z0-9][a-z0-9-]{0,31}";
    private static final Pattern CODE = Pattern.compile(CODE_REGEX);
    private static final Pattern KIND_AND_CATEGORY = Pattern.compile(CODE_REGEX + ":" + CODE_REGEX);

    public static final String WALK_IN = "walk-in";
    public static final List<String> CATEGORIES = List.of("resident", "rider", "courier", "visitor", "staff", WALK_IN);
    public static final List<String> PURPOSES = List.of("rest", "charge", "health", "activity", "services", "other");
    public static final List<String> MEASUREMENTS = List.of("blood-pressure", "weight", "temperature");

    public static final FootfallCounts NONE = new FootfallCounts(Map.of(), Map.of(), 0, Map.of(), Map.of());

    public FootfallCounts {
        checkInsByCategory = normalised("checkInsByCategory", checkInsByCategory, CODE);
        checkInsByPurpose = normalised("checkInsByPurpose", checkInsByPurpose, CODE);
        if (entriesSensed < 0) {
            throw new IllegalArgumentException("entriesSensed must not be negative, not " + entriesSensed);
        }
        measurementsByKind = normalised("measurementsByKind", measurementsByKind, CODE);
        // Optional in the contract: absent in payloads of kiosks older than it.
        measurementsByCategory = normalised("measurementsByCategory",
                measurementsByCategory == null ? Map.of() : measurementsByCategory, KIND_AND_CATEGORY);
    }

    /** Counts without measurement categories, as they were before categories were counted. */
    public FootfallCounts(Map<String, Long> checkInsByCategory, Map<String, Long> checkInsByPurpose,
            long entriesSensed, Map<String, Long> measurementsByKind) {
        this(checkInsByCategory, checkInsByPurpose, entriesSensed, measurementsByKind, Map.of());
    }

    /**
     * The key of {@code measurementsByCategory} for a measurement of {@code kind} whose reading fell in
     * {@code category}: {@code measurementCategory("blood-pressure", "grade-1")} is {@code blood-pressure:grade-1}.
     *
     * @throws IllegalArgumentException when either is not a code of a-z, 0-9 and '-'
     */
    public static String measurementCategory(String kind, String category) {
        for (String code : new String[] {kind, category}) {
            if (code == null || !CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("a measurement kind or category must be a code of a-z, 0-9 and '-'");
            }
        }
        return kind + ":" + category;
    }

    /** All accepted check-ins. */
    public long checkIns() {
        return checkInsByCategory.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Check-ins without a pass. */
    public long walkIns() {
        return checkInsByCategory.getOrDefault(WALK_IN, 0L);
    }

    /** Both counts added, code by code. */
    public FootfallCounts plus(FootfallCounts other) {
        return new FootfallCounts(sum(checkInsByCategory, other.checkInsByCategory),
                sum(checkInsByPurpose, other.checkInsByPurpose), Math.addExact(entriesSensed, other.entriesSensed),
                sum(measurementsByKind, other.measurementsByKind),
                sum(measurementsByCategory, other.measurementsByCategory));
    }

    /** The same counts with the check-ins by purpose replaced. */
    public FootfallCounts withCheckInsByPurpose(Map<String, Long> byPurpose) {
        return new FootfallCounts(checkInsByCategory, byPurpose, entriesSensed, measurementsByKind,
                measurementsByCategory);
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> total = new TreeMap<>(a);
        b.forEach((code, n) -> total.merge(code, n, Math::addExact));
        return total;
    }

    private static Map<String, Long> normalised(String field, Map<String, Long> counts, Pattern keys) {
        Objects.requireNonNull(counts, field + " is missing");
        Map<String, Long> kept = new TreeMap<>();
        counts.forEach((code, n) -> {
            if (code == null || !keys.matcher(code).matches()) {
                throw new IllegalArgumentException(field + " has a key that is not " + (keys == CODE
                        ? "a code of a-z, 0-9 and '-'" : "kind:category, two codes of a-z, 0-9 and '-'"));
            }
            if (n == null || n < 0) {
                throw new IllegalArgumentException(field + "." + code + " must be a count, not " + n);
            }
            if (n > 0) {
                kept.put(code, n);
            }
        });
        return Collections.unmodifiableMap(kept);
    }
}
