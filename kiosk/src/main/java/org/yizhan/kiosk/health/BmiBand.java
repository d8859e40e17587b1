package org.yizhan.kiosk.health;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The body mass index bands for Chinese adults (WS/T 428-2013): underweight &lt; 18.5, normal 18.5–23.9,
 * overweight 24.0–27.9, obese ≥ 28.0, applied to the BMI as shown, rounded to 0.1 ({@link Reading.Weight#bmi}),
 * so the band always agrees with the number on the screen. The bands are for adults; the kiosk does not
 * know a resident's age, and its advice says the bands are for adults.
 */
public enum BmiBand {
    UNDERWEIGHT("underweight"),
    NORMAL("normal"),
    OVERWEIGHT("overweight"),
    OBESE("obese");

    private static final BigDecimal NORMAL_FROM = new BigDecimal("18.5");
    private static final BigDecimal OVERWEIGHT_FROM = new BigDecimal("24.0");
    private static final BigDecimal OBESE_FROM = new BigDecimal("28.0");

    private final String code;

    BmiBand(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<BmiBand> fromCode(String code) {
        return Arrays.stream(values()).filter(b -> b.code.equals(code)).findFirst();
    }

    /** The band of a BMI in kg/m². */
    public static BmiBand of(BigDecimal bmi) {
        if (bmi.compareTo(NORMAL_FROM) < 0) {
            return UNDERWEIGHT;
        }
        if (bmi.compareTo(OVERWEIGHT_FROM) < 0) {
            return NORMAL;
        }
        return bmi.compareTo(OBESE_FROM) < 0 ? OVERWEIGHT : OBESE;
    }
}
