package org.yizhan.devices.bloodpressure;

import java.math.BigDecimal;
import org.yizhan.devices.health.MeasurementFrame;
import org.yizhan.devices.health.MeasurementFrame.Field;
import org.yizhan.devices.health.ParseResult;

/**
 * Decodes the Intermediate Cuff Pressure characteristic (0x2A36) a cuff notifies while it measures.
 *
 * <p>The layout is that of Blood Pressure Measurement (see {@link BloodPressureMeasurementParser}), but
 * only the first SFLOAT, the current cuff pressure, means anything; the two after it are unused (the
 * specification has them NaN) and are skipped without a look. The whole layout is still checked, fields
 * the flags announce included, because a frame cut short says the link is failing. The pressure must be
 * a number within 0-300 mmHg: below ambient, or beyond the 300 mmHg home cuffs stop inflating at, it is a
 * faulty frame.
 * Trailing bytes and reserved bits are tolerated. Stateless; safe from any thread.
 */
public final class IntermediateCuffPressureParser {

    private static final Field CUFF_PRESSURE = Field.required("current cuff pressure");
    private static final Field UNUSED_DIASTOLIC = Field.required("unused diastolic field");
    private static final Field UNUSED_MEAN_ARTERIAL = Field.required("unused mean arterial pressure field");

    private static final BigDecimal CUFF_MIN = BigDecimal.ZERO;
    private static final BigDecimal CUFF_MAX = BigDecimal.valueOf(300);

    private IntermediateCuffPressureParser() {
    }

    public static ParseResult<CuffPressure> parse(byte[] frame) {
        return MeasurementFrame.read(frame, IntermediateCuffPressureParser::decode);
    }

    private static CuffPressure decode(MeasurementFrame frame) {
        BloodPressureFrame bp = BloodPressureFrame.read(frame, CUFF_PRESSURE, UNUSED_DIASTOLIC, UNUSED_MEAN_ARTERIAL);
        BigDecimal mmHg = bp.toMmHg(frame.requireNumber("current cuff pressure", bp.first()));
        frame.requirePlausible("current cuff pressure", mmHg, CUFF_MIN, CUFF_MAX, "mmHg");
        return new CuffPressure(mmHg, bp.unit());
    }
}
