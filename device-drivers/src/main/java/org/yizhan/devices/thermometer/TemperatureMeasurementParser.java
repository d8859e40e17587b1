package org.yizhan.devices.thermometer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Optional;
import org.yizhan.devices.health.MeasurementFrame;
import org.yizhan.devices.health.MeasurementFrame.Field;
import org.yizhan.devices.health.MedicalFloat;
import org.yizhan.devices.health.ParseResult;

/**
 * Decodes the Temperature Measurement characteristic (0x2A1C) a thermometer indicates after a measurement.
 *
 * <p>Layout: flags; temperature (FLOAT, 4 bytes); then, when flags bits 1-2 say so, a time stamp (Date
 * Time, 7 bytes) and a temperature type (uint8, see {@link TemperatureType}). Flags bit 0 is the unit,
 * 0 °C or 1 °F; °F is converted to °C as (F - 32) × 5 / 9, rounded half up to 0.01 °C, and the reading
 * keeps the device's unit.
 *
 * <p>Checked first the layout (every announced field present, a valid time stamp), then the temperature:
 * it must be a number (not NaN, NRes, INF or reserved) within 25-45 °C; outside that range a reading taken
 * at a self-service window is far likelier a faulty measurement than a visitor's temperature. Tolerated: bytes after the last field (some thermometers pad their
 * values), reserved flag bits, and a reserved temperature type code, which leaves the type out rather than
 * the whole reading. Stateless; safe from any thread.
 */
public final class TemperatureMeasurementParser {

    private static final int FAHRENHEIT = 0x01;
    private static final int TIME_STAMP_PRESENT = 0x02;
    private static final int TYPE_PRESENT = 0x04;

    private static final BigDecimal FREEZING_POINT_FAHRENHEIT = BigDecimal.valueOf(32);
    private static final BigDecimal CELSIUS_MIN = BigDecimal.valueOf(25);
    private static final BigDecimal CELSIUS_MAX = BigDecimal.valueOf(45);

    private static final Field TEMPERATURE = Field.required("temperature");
    private static final Field TIME_STAMP = Field.announced("time stamp");
    private static final Field TYPE = Field.announced("temperature type");

    private TemperatureMeasurementParser() {
    }

    public static ParseResult<TemperatureReading> parse(byte[] frame) {
        return MeasurementFrame.read(frame, TemperatureMeasurementParser::decode);
    }

    private static TemperatureReading decode(MeasurementFrame frame) {
        boolean fahrenheit = frame.flagSet(FAHRENHEIT);
        MedicalFloat temperature = frame.float32(TEMPERATURE);
        Optional<LocalDateTime> timeStamp = frame.flagSet(TIME_STAMP_PRESENT) ? frame.dateTime(TIME_STAMP) : Optional.empty();
        Optional<TemperatureType> type = frame.flagSet(TYPE_PRESENT) ? TemperatureType.ofCode(frame.uint8(TYPE)) : Optional.empty();
        BigDecimal sent = frame.requireNumber("temperature", temperature);
        BigDecimal celsius = fahrenheit ? toCelsius(sent) : sent;
        frame.requirePlausible("temperature", celsius, CELSIUS_MIN, CELSIUS_MAX, "°C");
        return new TemperatureReading(celsius, fahrenheit ? TemperatureUnit.FAHRENHEIT : TemperatureUnit.CELSIUS,
                timeStamp, type);
    }

    private static BigDecimal toCelsius(BigDecimal fahrenheit) {
        return fahrenheit.subtract(FREEZING_POINT_FAHRENHEIT)
                .multiply(BigDecimal.valueOf(5))
                .divide(BigDecimal.valueOf(9), 2, RoundingMode.HALF_UP);
    }
}
