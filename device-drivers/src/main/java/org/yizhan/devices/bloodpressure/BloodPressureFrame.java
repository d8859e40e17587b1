package org.yizhan.devices.bloodpressure;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.yizhan.devices.health.MeasurementFrame;
import org.yizhan.devices.health.MeasurementFrame.Field;
import org.yizhan.devices.health.MeasurementStatus;
import org.yizhan.devices.health.MedicalFloat;

/**
 * The layout Blood Pressure Measurement (0x2A35) and Intermediate Cuff Pressure (0x2A36) share, decoded
 * but not yet judged: flags; three SFLOATs (systolic, diastolic, mean arterial pressure, or the current
 * cuff pressure and two unused fields); then, as the flags say, time stamp, pulse rate, user id and
 * measurement status.
 */
record BloodPressureFrame(
        PressureUnit unit,
        MedicalFloat first,
        MedicalFloat second,
        MedicalFloat third,
        Optional<LocalDateTime> timeStamp,
        Optional<MedicalFloat> pulseRate,
        OptionalInt userId,
        Set<MeasurementStatus> status) {

    static final int UNIT_KPA = 0x01;
    static final int TIME_STAMP_PRESENT = 0x02;
    static final int PULSE_RATE_PRESENT = 0x04;
    static final int USER_ID_PRESENT = 0x08;
    static final int STATUS_PRESENT = 0x10;

    /** The factor the kiosk's requirements fix, 7.500616827... rounded: at 260 mmHg it is off by 0.0001 mmHg. */
    static final BigDecimal MMHG_PER_KPA = new BigDecimal("7.50062");

    private static final int UNKNOWN_USER = 0xFF;
    private static final Field TIME_STAMP = Field.announced("time stamp");
    private static final Field PULSE_RATE = Field.announced("pulse rate");
    private static final Field USER_ID = Field.announced("user id");
    private static final Field STATUS = Field.announced("measurement status");

    static BloodPressureFrame read(MeasurementFrame frame, Field first, Field second, Field third) {
        PressureUnit unit = frame.flagSet(UNIT_KPA) ? PressureUnit.KPA : PressureUnit.MMHG;
        MedicalFloat firstValue = frame.sfloat(first);
        MedicalFloat secondValue = frame.sfloat(second);
        MedicalFloat thirdValue = frame.sfloat(third);
        Optional<LocalDateTime> timeStamp = frame.flagSet(TIME_STAMP_PRESENT) ? frame.dateTime(TIME_STAMP) : Optional.empty();
        Optional<MedicalFloat> pulseRate = frame.flagSet(PULSE_RATE_PRESENT) ? Optional.of(frame.sfloat(PULSE_RATE)) : Optional.empty();
        OptionalInt userId = OptionalInt.empty();
        if (frame.flagSet(USER_ID_PRESENT)) {
            int id = frame.uint8(USER_ID);
            userId = id == UNKNOWN_USER ? OptionalInt.empty() : OptionalInt.of(id);
        }
        Set<MeasurementStatus> status = frame.flagSet(STATUS_PRESENT)
                ? MeasurementStatus.decode(frame.uint16(STATUS))
                : Set.of();
        return new BloodPressureFrame(unit, firstValue, secondValue, thirdValue, timeStamp, pulseRate, userId, status);
    }

    BigDecimal toMmHg(BigDecimal value) {
        return unit == PressureUnit.KPA ? value.multiply(MMHG_PER_KPA) : value;
    }
}
