package org.yizhan.kiosk.headless;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yizhan.devices.bloodpressure.BloodPressureReading;
import org.yizhan.devices.bloodpressure.CuffPressure;
import org.yizhan.devices.bloodpressure.PressureUnit;
import org.yizhan.devices.health.Measurement;
import org.yizhan.devices.health.MeasurementStatus;
import org.yizhan.devices.scale.WeightReading;
import org.yizhan.devices.scale.WeightUnits;
import org.yizhan.devices.thermometer.TemperatureReading;
import org.yizhan.devices.thermometer.TemperatureUnit;

/**
 * The decoded values of a {@code measurement} event, documented in {@code docs/headless.md}: values in the
 * kiosk's units (mmHg, kg, °C, whatever the device measured in), {@code deviceUnit} for what it sent,
 * and the conditions it reported as {@code flags}. Optional values are left out when the device sent none.
 */
final class MeasurementJson {

    private MeasurementJson() {
    }

    static void put(Map<String, Object> json, Measurement measurement) {
        if (measurement instanceof Measurement.BloodPressure bp) {
            BloodPressureReading r = bp.reading();
            json.put("kind", "blood-pressure");
            json.put("systolic", r.systolicMmHg());
            json.put("diastolic", r.diastolicMmHg());
            r.meanArterialPressureMmHg().ifPresent(map -> json.put("map", map));
            r.pulseRatePerMinute().ifPresent(pulse -> json.put("pulse", pulse));
            json.put("unit", "mmHg");
            json.put("deviceUnit", r.deviceUnit() == PressureUnit.KPA ? "kPa" : "mmHg");
            json.put("flags", flags(r.status()));
            r.timeStamp().ifPresent(t -> json.put("timeStamp", t.toString()));
            r.userId().ifPresent(id -> json.put("userId", id));
        } else if (measurement instanceof Measurement.IntermediateCuffPressure cuff) {
            CuffPressure p = cuff.pressure();
            json.put("kind", "cuff-pressure");
            json.put("pressure", p.mmHg());
            json.put("unit", "mmHg");
            json.put("deviceUnit", p.deviceUnit() == PressureUnit.KPA ? "kPa" : "mmHg");
        } else if (measurement instanceof Measurement.Weight weight) {
            WeightReading r = weight.reading();
            json.put("kind", "weight");
            json.put("weight", r.kilograms());
            json.put("unit", "kg");
            json.put("deviceUnit", r.deviceUnits() == WeightUnits.IMPERIAL ? "lb" : "kg");
            r.bodyMassIndex().ifPresent(bmi -> json.put("bmi", bmi));
            r.heightMetres().ifPresent(h -> json.put("height", h));
            r.timeStamp().ifPresent(t -> json.put("timeStamp", t.toString()));
            r.userId().ifPresent(id -> json.put("userId", id));
        } else if (measurement instanceof Measurement.Temperature temperature) {
            TemperatureReading r = temperature.reading();
            json.put("kind", "temperature");
            json.put("temperature", r.celsius());
            json.put("unit", "°C");
            json.put("deviceUnit", r.deviceUnit() == TemperatureUnit.FAHRENHEIT
                    ? "°F" : "°C");
            r.type().ifPresent(t -> json.put("site", code(t.name())));
            r.timeStamp().ifPresent(t -> json.put("timeStamp", t.toString()));
        }
    }

    private static List<String> flags(Set<MeasurementStatus> status) {
        return status.stream().map(s -> code(s.name())).toList();
    }

    private static String code(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
