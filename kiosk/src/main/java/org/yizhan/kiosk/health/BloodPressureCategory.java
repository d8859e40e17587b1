package org.yizhan.kiosk.health;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The blood pressure categories of the 2018 Chinese guidelines for the management of hypertension
 * (中国高血压防治指南 2018), for one office-style reading in mmHg.
 *
 * <p>Levels, each a half-open range so that decimal readings (a kPa cuff's 139.5) fall in exactly one:
 * <pre>
 *                systolic         diastolic
 * normal         &lt; 120      and   &lt; 80
 * high-normal    120 – &lt;140  and/or 80 – &lt;90
 * grade-1        140 – &lt;160  and/or 90 – &lt;100
 * grade-2        160 – &lt;180  and/or 100 – &lt;110
 * grade-3        ≥ 180        and/or ≥ 110
 * </pre>
 * When the two pressures fall in different levels, the higher level wins ({@link #gradeOf}): 125/95 is
 * grade-1, 145/105 grade-2.
 *
 * <p>Isolated systolic hypertension (systolic ≥ 140 and diastolic &lt; 90) is a type of hypertension that the
 * guideline grades by its systolic pressure. The kiosk shows and counts the type ({@link #of} returns
 * {@link #ISOLATED_SYSTOLIC} for every such reading) and keeps the grade beside it ({@link #gradeOf}, never
 * {@code ISOLATED_SYSTOLIC}), which sets the colour and the urgency: 150/85 is isolated-systolic at grade-1;
 * 185/85 is isolated-systolic at grade-3, and a crisis. A crisis (systolic ≥ 180 or diastolic ≥ 110,
 * {@link #isCrisis}) is decided on the pressures alone, whatever the category.
 */
public enum BloodPressureCategory {
    NORMAL("normal"),
    HIGH_NORMAL("high-normal"),
    GRADE_1("grade-1"),
    GRADE_2("grade-2"),
    GRADE_3("grade-3"),
    ISOLATED_SYSTOLIC("isolated-systolic");

    // The lower bound of high-normal, grade-1, grade-2 and grade-3, in that order.
    private static final BigDecimal[] SYSTOLIC_FROM = {mmHg(120), mmHg(140), mmHg(160), mmHg(180)};
    private static final BigDecimal[] DIASTOLIC_FROM = {mmHg(80), mmHg(90), mmHg(100), mmHg(110)};
    private static final BloodPressureCategory[] LEVELS = {NORMAL, HIGH_NORMAL, GRADE_1, GRADE_2, GRADE_3};

    private final String code;

    BloodPressureCategory(String code) {
        this.code = code;
    }

    /** The code shown to the fleet and stored: {@code normal}, {@code high-normal}, {@code grade-1} … */
    public String code() {
        return code;
    }

    public static Optional<BloodPressureCategory> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    /** The category of a reading: {@link #ISOLATED_SYSTOLIC} when it is one, else its {@link #gradeOf grade}. */
    public static BloodPressureCategory of(BigDecimal systolicMmHg, BigDecimal diastolicMmHg) {
        if (systolicMmHg.compareTo(SYSTOLIC_FROM[1]) >= 0 && diastolicMmHg.compareTo(DIASTOLIC_FROM[1]) < 0) {
            return ISOLATED_SYSTOLIC;
        }
        return gradeOf(systolicMmHg, diastolicMmHg);
    }

    /** The higher of the two pressures' levels, {@link #NORMAL} to {@link #GRADE_3}. */
    public static BloodPressureCategory gradeOf(BigDecimal systolicMmHg, BigDecimal diastolicMmHg) {
        return LEVELS[Math.max(level(systolicMmHg, SYSTOLIC_FROM), level(diastolicMmHg, DIASTOLIC_FROM))];
    }

    /** Systolic ≥ 180 or diastolic ≥ 110: "please seek care now", and the staff on duty are alerted. */
    public static boolean isCrisis(BigDecimal systolicMmHg, BigDecimal diastolicMmHg) {
        return systolicMmHg.compareTo(SYSTOLIC_FROM[3]) >= 0 || diastolicMmHg.compareTo(DIASTOLIC_FROM[3]) >= 0;
    }

    private static int level(BigDecimal pressure, BigDecimal[] from) {
        int level = 0;
        while (level < from.length && pressure.compareTo(from[level]) >= 0) {
            level++;
        }
        return level;
    }

    private static BigDecimal mmHg(int value) {
        return BigDecimal.valueOf(value);
    }
}
