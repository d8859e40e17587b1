package org.yizhan.fleet.web.footfall;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The categories of each measurement kind in the order of their scale (normal before grade 1 before grade 2),
 * not alphabetically; categories a later kiosk adds come after the known ones.
 */
final class MeasurementOrder {

    private static final Map<String, List<String>> SCALES = Map.of(
            "blood-pressure", List.of("normal", "high-normal", "grade-1", "grade-2", "grade-3", "isolated-systolic"),
            "weight", List.of("underweight", "normal", "overweight", "obese"),
            "temperature", List.of("low", "normal", "fever"));

    private MeasurementOrder() {
    }

    /** The {@code kind:category} keys of {@code kind} in scale order. */
    static List<String> sorted(String kind, Collection<String> keys) {
        List<String> sorted = new ArrayList<>();
        for (String category : SCALES.getOrDefault(kind, List.of())) {
            String key = kind + ":" + category;
            if (keys.contains(key)) {
                sorted.add(key);
            }
        }
        TreeSet<String> others = new TreeSet<>(keys);
        others.removeAll(sorted);
        sorted.addAll(others);
        return sorted;
    }
}
