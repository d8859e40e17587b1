package org.yizhan.devices.scale;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import org.yizhan.devices.health.MeasurementFrame;
import org.yizhan.devices.health.MeasurementFrame.Field;
import org.yizhan.devices.health.ParseResult;
import org.yizhan.devices.health.ParseResult.RejectionKind;

/**
 * Decodes the Weight Measurement characteristic (0x2A9D) a scale indicates after a weighing.
 *
 * <p>Layout: flags; weight (uint16); then, when flags bits 1-3 say so, a time stamp (Date Time, 7 bytes),
 * a user id (uint8, 0xFF = unknown user), and BMI (uint16, 0.1 kg/m²) followed by height (uint16). Flags
 * bit 0 selects the units: 0 SI, weight in 0.005 kg and height in 0.001 m; 1 imperial, weight in 0.01 lb
 * and height in 0.1 in, converted exactly to kg and m. The reading keeps the device's units.
 *
 * <p>Checked first the layout (every announced field present, a valid time stamp), then the weight: 0xFFFF
 * is the scale saying "measurement unsuccessful", and a weight outside 2-300 kg is taken for a faulty
 * measurement (a bag on the scale, a sensor fault). BMI and height are not judged. Tolerated: bytes after the last field (some scales pad their
 * values) and reserved flag bits. Stateless; safe from any thread.
 */
public final class WeightMeasurementParser {

    private static final int IMPERIAL = 0x01;
    private static final int TIME_STAMP_PRESENT = 0x02;
    private static final int USER_ID_PRESENT = 0x04;
    private static final int BMI_AND_HEIGHT_PRESENT = 0x08;

    private static final int MEASUREMENT_UNSUCCESSFUL = 0xFFFF;
    private static final int UNKNOWN_USER = 0xFF;

    private static final BigDecimal KG_PER_SI_STEP = new BigDecimal("0.005");
    private static final BigDecimal KG_PER_IMPERIAL_STEP = new BigDecimal("0.0045359237"); // 0.01 lb
    private static final BigDecimal M_PER_SI_STEP = new BigDecimal("0.001");
    private static final BigDecimal M_PER_IMPERIAL_STEP = new BigDecimal("0.00254"); // 0.1 in
    private static final BigDecimal BMI_STEP = new BigDecimal("0.1");

    private static final BigDecimal WEIGHT_MIN_KG = BigDecimal.valueOf(2);
    private static final BigDecimal WEIGHT_MAX_KG = BigDecimal.valueOf(300);

    private static final Field WEIGHT = Field.required("weight");
    private static final Field TIME_STAMP = Field.announced("time stamp");
    private static final Field USER_ID = Field.announced("user id");
    private static final Field BMI = Field.announced("BMI");
    private static final Field HEIGHT = Field.announced("height");

    private WeightMeasurementParser() {
    }

    public static ParseResult<WeightReading> parse(byte[] frame) {
        return MeasurementFrame.read(frame, WeightMeasurementParser::decode);
    }

    private static WeightReading decode(MeasurementFrame frame) {
        boolean imperial = frame.flagSet(IMPERIAL);
        int weight = frame.uint16(WEIGHT);
        Optional<LocalDateTime> timeStamp = frame.flagSet(TIME_STAMP_PRESENT) ? frame.dateTime(TIME_STAMP) : Optional.empty();
        OptionalInt userId = OptionalInt.empty();
        if (frame.flagSet(USER_ID_PRESENT)) {
            int id = frame.uint8(USER_ID);
            userId = id == UNKNOWN_USER ? OptionalInt.empty() : OptionalInt.of(id);
        }
        Optional<BigDecimal> bmi = Optional.empty();
        Optional<BigDecimal> height = Optional.empty();
        if (frame.flagSet(BMI_AND_HEIGHT_PRESENT)) {
            bmi = Optional.of(BMI_STEP.multiply(BigDecimal.valueOf(frame.uint16(BMI))));
            height = Optional.of((imperial ? M_PER_IMPERIAL_STEP : M_PER_SI_STEP).multiply(BigDecimal.valueOf(frame.uint16(HEIGHT))));
        }
        if (weight == MEASUREMENT_UNSUCCESSFUL) {
            frame.reject(RejectionKind.NO_VALUE, "weight is 0xFFFF: the scale reports the measurement unsuccessful");
        }
        BigDecimal kilograms = (imperial ? KG_PER_IMPERIAL_STEP : KG_PER_SI_STEP).multiply(BigDecimal.valueOf(weight));
        frame.requirePlausible("weight", kilograms, WEIGHT_MIN_KG, WEIGHT_MAX_KG, "kg");
        return new WeightReading(kilograms, imperial ? WeightUnits.IMPERIAL : WeightUnits.SI, timeStamp, userId, bmi, height);
    }
}
