package org.yizhan.kiosk.health;

/**
 * Why a reading was refused: values no person at the window could have, which the health check neither
 * shows as a result nor stores. The resident is asked to measure again ({@code refused.<code>} in the
 * texts). {@link #description()} is English for a maintainer and carries no values.
 */
public enum RefusalReason {
    SYSTOLIC_OUT_OF_RANGE("systolic-out-of-range", "systolic pressure outside 50-260 mmHg"),
    DIASTOLIC_OUT_OF_RANGE("diastolic-out-of-range", "diastolic pressure outside 30-160 mmHg"),
    DIASTOLIC_NOT_BELOW_SYSTOLIC("diastolic-not-below-systolic", "diastolic pressure not below systolic"),
    WEIGHT_OUT_OF_RANGE("weight-out-of-range", "weight outside 2-300 kg"),
    TEMPERATURE_OUT_OF_RANGE("temperature-out-of-range", "temperature outside 25-45 °C");

    private final String code;
    private final String description;

    RefusalReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
