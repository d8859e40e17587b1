package org.yizhan.devices.health;

import java.util.Objects;
import org.yizhan.devices.bloodpressure.BloodPressureReading;
import org.yizhan.devices.bloodpressure.CuffPressure;
import org.yizhan.devices.scale.WeightReading;
import org.yizhan.devices.thermometer.TemperatureReading;

/** A frame a health device sent that decoded into a plausible reading, typed by what was measured. Immutable. */
public sealed interface Measurement extends DecodedFrame {

    Characteristic characteristic();

    /** The result of a blood pressure measurement (0x2A35). */
    record BloodPressure(BloodPressureReading reading) implements Measurement {
        public BloodPressure {
            Objects.requireNonNull(reading, "reading");
        }

        @Override
        public Characteristic characteristic() {
            return Characteristic.BLOOD_PRESSURE_MEASUREMENT;
        }
    }

    /** The cuff's pressure while it measures (0x2A36), for a live gauge; no result yet. */
    record IntermediateCuffPressure(CuffPressure pressure) implements Measurement {
        public IntermediateCuffPressure {
            Objects.requireNonNull(pressure, "pressure");
        }

        @Override
        public Characteristic characteristic() {
            return Characteristic.INTERMEDIATE_CUFF_PRESSURE;
        }
    }

    /** A weighing (0x2A9D). */
    record Weight(WeightReading reading) implements Measurement {
        public Weight {
            Objects.requireNonNull(reading, "reading");
        }

        @Override
        public Characteristic characteristic() {
            return Characteristic.WEIGHT_MEASUREMENT;
        }
    }

    /** A body temperature (0x2A1C). */
    record Temperature(TemperatureReading reading) implements Measurement {
        public Temperature {
            Objects.requireNonNull(reading, "reading");
        }

        @Override
        public Characteristic characteristic() {
            return Characteristic.TEMPERATURE_MEASUREMENT;
        }
    }
}
