package org.yizhan.kiosk.flow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the health result screen shows of one reading, and the trend screen of a resident's history. Values
 * are in the kiosk's units: mmHg and beats per minute, kg and m, °C.
 *
 * @param kind     {@code blood-pressure}, {@code weight} or {@code temperature}
 * @param at       when it was measured, by the kiosk clock
 * @param values   by name: {@code systolic}, {@code diastolic}, {@code pulse}; {@code weight}, {@code bmi},
 *                 {@code height}; {@code temperature}. Absent values are left out
 * @param category the blood pressure category of the 2018 Chinese guideline ({@code normal} …
 *                 {@code grade-3}, {@code isolated-systolic}), the BMI band, or {@code low} /
 *                 {@code normal} / {@code fever}; null when there is none (a weight without a height)
 * @param grade    for a blood pressure, its level by the higher of the two pressures ({@code normal} …
 *                 {@code grade-3}, never {@code isolated-systolic}): the colour and the urgency; else null
 * @param crisis   systolic ≥ 180 or diastolic ≥ 110: seek care now
 * @param flags    what the cuff noticed (movement, loose cuff, irregular pulse, position), each to be
 *                 explained with "please measure again"
 * @param stored   kept under the resident's pseudonym (they chose a history); else only counted
 * @param trend    the trend in words as a code ({@code lower}, {@code about-the-same}, {@code higher}), or
 *                 null without earlier readings
 * @param history  the resident's readings of this kind, oldest first, this one last; empty when not stored
 * @param advice   the keys of what to tell the resident, in order ({@code org.yizhan.kiosk.health.HealthTexts}
 *                 has their words): crisis first, the category's advice, measure-again and each flag, and
 *                 always "a single reading is not a diagnosis" last
 */
public record HealthResult(String kind, Instant at, Map<String, Double> values, String category, String grade,
        boolean crisis,
        List<String> flags, boolean stored, String trend, List<Point> history, List<String> advice) {

    public HealthResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        values = Map.copyOf(values);
        flags = List.copyOf(flags);
        history = List.copyOf(history);
        advice = List.copyOf(advice);
    }

    /** One earlier reading on the trend chart. */
    public record Point(Instant at, Map<String, Double> values) {

        public Point {
            Objects.requireNonNull(at, "at");
            values = Map.copyOf(values);
        }
    }
}
