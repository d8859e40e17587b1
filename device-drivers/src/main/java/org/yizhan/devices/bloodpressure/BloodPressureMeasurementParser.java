package org.yizhan.devices.bloodpressure;

import java.math.BigDecimal;
import java.util.Optional;
import org.yizhan.devices.health.MeasurementFrame;
import org.yizhan.devices.health.MeasurementFrame.Field;
import org.yizhan.devices.health.MedicalFloat;
import org.yizhan.devices.health.ParseResult;
import org.yizhan.devices.health.ParseResult.RejectionKind;

/**
 * Decodes the Blood Pressure Measurement characteristic (0x2A35) a cuff indicates when a measurement ends.
 *
 * <p>Layout: flags; systolic, diastolic and mean arterial pressure (SFLOAT each); then, when flags bits
 * 1-4 say so, a time stamp (Date Time, 7 bytes), a pulse rate (SFLOAT, per minute), a user id (uint8,
 * 0xFF = unknown user) and a measurement status (uint16, see {@link org.yizhan.devices.health.MeasurementStatus}).
 * Flags bit 0 is the unit, 0 mmHg or 1 kPa; kPa values are multiplied exactly by 7.50062 and the reading
 * keeps the device's unit.
 *
 * <p>Checked first the layout (every announced field present, a valid time stamp), then the values:
 * systolic and diastolic must be numbers within 50-260 and 30-160 mmHg, diastolic below systolic; a mean
 * arterial pressure, when a number, must lie between them; a pulse rate, when a number, within 20-250
 * per minute. The first failure is the {@link ParseResult.Rejected rejection}'s reason. Tolerated: bytes
 * after the last field (some cuffs pad their values), reserved flag and status bits, and a mean arterial
 * pressure or pulse rate the cuff sends as NaN, NRes, INF or reserved, which is left out of the reading
 * because the pressures are still good. The ranges are wider than anything expected at the window, from
 * severe hypotension to a hypertensive crisis, so only a faulty or mis-decoded measurement falls outside.
 *
 * <p>Stateless; safe from any thread.
 */
public final class BloodPressureMeasurementParser {

    private static final Field SYSTOLIC = Field.required("systolic pressure");
    private static final Field DIASTOLIC = Field.required("diastolic pressure");
    private static final Field MEAN_ARTERIAL = Field.required("mean arterial pressure");

    private static final BigDecimal SYSTOLIC_MIN = BigDecimal.valueOf(50);
    private static final BigDecimal SYSTOLIC_MAX = BigDecimal.valueOf(260);
    private static final BigDecimal DIASTOLIC_MIN = BigDecimal.valueOf(30);
    private static final BigDecimal DIASTOLIC_MAX = BigDecimal.valueOf(160);
    private static final BigDecimal PULSE_MIN = BigDecimal.valueOf(20);
    private static final BigDecimal PULSE_MAX = BigDecimal.valueOf(250);

    private BloodPressureMeasurementParser() {
    }

    public static ParseResult<BloodPressureReading> parse(byte[] frame) {
        return MeasurementFrame.read(frame, BloodPressureMeasurementParser::decode);
    }

    private static BloodPressureReading decode(MeasurementFrame frame) {
        BloodPressureFrame bp = BloodPressureFrame.read(frame, SYSTOLIC, DIASTOLIC, MEAN_ARTERIAL);
        BigDecimal systolic = bp.toMmHg(frame.requireNumber("systolic pressure", bp.first()));
        BigDecimal diastolic = bp.toMmHg(frame.requireNumber("diastolic pressure", bp.second()));
        frame.requirePlausible("systolic pressure", systolic, SYSTOLIC_MIN, SYSTOLIC_MAX, "mmHg");
        frame.requirePlausible("diastolic pressure", diastolic, DIASTOLIC_MIN, DIASTOLIC_MAX, "mmHg");
        if (diastolic.compareTo(systolic) >= 0) {
            frame.reject(RejectionKind.IMPLAUSIBLE, "diastolic pressure " + diastolic.toPlainString()
                    + " mmHg is not below systolic pressure " + systolic.toPlainString() + " mmHg");
        }
        Optional<BigDecimal> meanArterial = numberOrEmpty(bp.third()).map(bp::toMmHg);
        meanArterial.ifPresent(map -> {
            // Whatever the averaging, a mean of the pressure over a heartbeat lies between its minimum and maximum.
            if (map.compareTo(diastolic) < 0 || map.compareTo(systolic) > 0) {
                frame.reject(RejectionKind.IMPLAUSIBLE, "mean arterial pressure " + map.toPlainString()
                        + " mmHg is not between diastolic " + diastolic.toPlainString()
                        + " and systolic " + systolic.toPlainString() + " mmHg");
            }
        });
        Optional<BigDecimal> pulseRate = bp.pulseRate().flatMap(BloodPressureMeasurementParser::numberOrEmpty);
        pulseRate.ifPresent(pulse -> frame.requirePlausible("pulse rate", pulse, PULSE_MIN, PULSE_MAX, "per minute"));
        return new BloodPressureReading(systolic, diastolic, meanArterial, bp.unit(), bp.timeStamp(), pulseRate,
                bp.userId(), bp.status());
    }

    private static Optional<BigDecimal> numberOrEmpty(MedicalFloat value) {
        return value.isNumber() ? Optional.of(value.value()) : Optional.empty();
    }
}
