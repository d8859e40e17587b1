package org.yizhan.fleetsim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.yizhan.protocol.footfall.FootfallCounts;

/**
 * What visitors do at a kiosk, drawn at random: how many check in during a bucket, their categories and purposes,
 * how many people the entry sensor sees, which measurements they take and how those read. The shares are plausible
 * for a service centre's window (residents and delivery riders most of all, resting and charging most of all), not
 * measured.
 *
 * <p>Every check-in has one category and one purpose, so both maps add up to the check-ins, as the contract says.
 * Pure: the same random numbers give the same counts.
 */
final class VisitorTraffic {

    private static final Map<String, Integer> CATEGORIES = weights(
            "resident", 40, "rider", 22, "courier", 15, "visitor", 8, "staff", 5, FootfallCounts.WALK_IN, 10);
    private static final Map<String, Integer> PURPOSES = weights(
            "rest", 30, "charge", 25, "health", 15, "activity", 10, "services", 12, "other", 8);
    private static final Map<String, Integer> BLOOD_PRESSURE = weights(
            "normal", 45, "high-normal", 25, "grade-1", 15, "grade-2", 7, "grade-3", 3, "isolated-systolic", 5);
    private static final Map<String, Integer> WEIGHT = weights(
            "underweight", 8, "normal", 55, "overweight", 27, "obese", 10);
    private static final Map<String, Integer> TEMPERATURE = weights("low", 10, "normal", 85, "fever", 5);

    private VisitorTraffic() {
    }

    /** The counts of one bucket in which {@code expectedCheckIns} check-ins are expected (Poisson). */
    static FootfallCounts bucket(RandomGenerator random, double expectedCheckIns) {
        long checkIns = poisson(random, expectedCheckIns);
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byPurpose = new TreeMap<>();
        Map<String, Long> byKind = new TreeMap<>();
        Map<String, Long> byCategoryOfReading = new TreeMap<>();
        for (long i = 0; i < checkIns; i++) {
            byCategory.merge(pick(random, CATEGORIES), 1L, Long::sum);
            String purpose = pick(random, PURPOSES);
            byPurpose.merge(purpose, 1L, Long::sum);
            // those who came for their health mostly measure something; a few others try the blood pressure monitor
            boolean forHealth = purpose.equals("health");
            if (random.nextDouble() < (forHealth ? 0.85 : 0.05)) {
                measure(random, "blood-pressure", BLOOD_PRESSURE, byKind, byCategoryOfReading);
            }
            if (forHealth && random.nextDouble() < 0.45) {
                // a weight without a known height has no BMI band: counted by kind only
                measure(random, "weight", random.nextDouble() < 0.8 ? WEIGHT : null, byKind, byCategoryOfReading);
            }
            if (forHealth && random.nextDouble() < 0.25) {
                measure(random, "temperature", TEMPERATURE, byKind, byCategoryOfReading);
            }
        }
        // the entry sensor sees everyone who checks in, and those who only come in to rest or look
        long entries = checkIns + poisson(random, 0.4 * checkIns + 0.2 * expectedCheckIns);
        return new FootfallCounts(byCategory, byPurpose, entries, byKind, byCategoryOfReading);
    }

    /**
     * The same bucket after something late changed it, as a kiosk resends it: a walk-in who checked in without a
     * pass and chose a purpose after the bucket closed, or a reading saved late. Never equal to {@code counts}.
     */
    static FootfallCounts lateChange(RandomGenerator random, FootfallCounts counts) {
        if (random.nextBoolean()) {
            Map<String, Long> byCategory = new TreeMap<>(counts.checkInsByCategory());
            byCategory.merge(FootfallCounts.WALK_IN, 1L, Long::sum);
            Map<String, Long> byPurpose = new TreeMap<>(counts.checkInsByPurpose());
            byPurpose.merge(pick(random, PURPOSES), 1L, Long::sum);
            return new FootfallCounts(byCategory, byPurpose, counts.entriesSensed(), counts.measurementsByKind(),
                    counts.measurementsByCategory());
        }
        Map<String, Long> byKind = new TreeMap<>(counts.measurementsByKind());
        Map<String, Long> byCategoryOfReading = new TreeMap<>(counts.measurementsByCategory());
        measure(random, "blood-pressure", BLOOD_PRESSURE, byKind, byCategoryOfReading);
        return new FootfallCounts(counts.checkInsByCategory(), counts.checkInsByPurpose(), counts.entriesSensed(),
                byKind, byCategoryOfReading);
    }

    /** A Poisson draw of mean {@code mean}: exact below 30, the normal approximation above. */
    static long poisson(RandomGenerator random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean >= 30) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    private static void measure(RandomGenerator random, String kind, Map<String, Integer> categories,
            Map<String, Long> byKind, Map<String, Long> byCategory) {
        byKind.merge(kind, 1L, Long::sum);
        if (categories != null) {
            byCategory.merge(FootfallCounts.measurementCategory(kind, pick(random, categories)), 1L, Long::sum);
        }
    }

    private static String pick(RandomGenerator random, Map<String, Integer> weights) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int draw = random.nextInt(total);
        for (Map.Entry<String, Integer> entry : weights.entrySet()) {
            draw -= entry.getValue();
            if (draw < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("weights add up to " + total);
    }

    private static Map<String, Integer> weights(Object... codesAndWeights) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (int i = 0; i < codesAndWeights.length; i += 2) {
            weights.put((String) codesAndWeights[i], (Integer) codesAndWeights[i + 1]);
        }
        return weights;
    }
}
