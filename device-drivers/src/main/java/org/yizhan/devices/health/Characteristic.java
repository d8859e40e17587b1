package org.yizhan.devices.health;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yizhan.devices.bloodpressure.BloodPressureMeasurementParser;
import org.yizhan.devices.bloodpressure.IntermediateCuffPressureParser;
import org.yizhan.devices.scale.WeightMeasurementParser;
import org.yizhan.devices.thermometer.TemperatureMeasurementParser;

/**
 * The Bluetooth SIG health characteristics the kiosk decodes, each with its 16-bit UUID, the service it
 * belongs to and its parser. {@link #decode} is the one way from a characteristic value to a
 * {@link Measurement} or a {@link FrameRejection}: the BLE and serial transports, the simulated device
 * and the headless {@code ble} command all go through it.
 *
 * <p>Intermediate Temperature (0x2A1E) shares the layout of Temperature Measurement but is left out: it
 * carries a thermometer's values while it warms up, which the plausibility range of
 * {@link TemperatureMeasurementParser} (25-45 °C) would reject as faults.
 */
public enum Characteristic {
    BLOOD_PRESSURE_MEASUREMENT(0x2A35, 0x1810, "Blood Pressure Measurement",
            raw -> lift(BloodPressureMeasurementParser.parse(raw), Measurement.BloodPressure::new)),
    INTERMEDIATE_CUFF_PRESSURE(0x2A36, 0x1810, "Intermediate Cuff Pressure",
            raw -> lift(IntermediateCuffPressureParser.parse(raw), Measurement.IntermediateCuffPressure::new)),
    WEIGHT_MEASUREMENT(0x2A9D, 0x181D, "Weight Measurement",
            raw -> lift(WeightMeasurementParser.parse(raw), Measurement.Weight::new)),
    TEMPERATURE_MEASUREMENT(0x2A1C, 0x1809, "Temperature Measurement",
            raw -> lift(TemperatureMeasurementParser.parse(raw), Measurement.Temperature::new));

    private static final String BASE_UUID_SUFFIX = "-0000-1000-8000-00805f9b34fb";

    private final int uuid16;
    private final int serviceUuid16;
    private final String label;
    private final Function<byte[], ParseResult<Measurement>> parser;

    Characteristic(int uuid16, int serviceUuid16, String label, Function<byte[], ParseResult<Measurement>> parser) {
        this.uuid16 = uuid16;
        this.serviceUuid16 = serviceUuid16;
        this.label = label;
        this.parser = parser;
    }

    public int uuid16() {
        return uuid16;
    }

    /** The service that holds it: 0x1810 Blood Pressure, 0x181D Weight Scale, 0x1809 Health Thermometer. */
    public int serviceUuid16() {
        return serviceUuid16;
    }

    /** The specification's name, e.g. "Blood Pressure Measurement". */
    public String label() {
        return label;
    }

    /** The UUID as four upper-case hex digits, "2A35", as the headless command and the serial bridge write it. */
    public String hexId() {
        return hex16(uuid16);
    }

    /** Decodes one value of this characteristic; never throws, whatever the bytes (null included). */
    public DecodedFrame decode(byte[] raw) {
        ParseResult<Measurement> result = parser.apply(raw);
        if (result instanceof ParseResult.Parsed<Measurement> parsed) {
            return parsed.reading();
        }
        ParseResult.Rejected<Measurement> rejected = (ParseResult.Rejected<Measurement>) result;
        return new FrameRejection(this, rejected.kind(), rejected.reason(), raw == null ? "" : HexBytes.format(raw));
    }

    public static Optional<Characteristic> ofUuid16(int uuid16) {
        return Arrays.stream(values()).filter(c -> c.uuid16 == uuid16).findFirst();
    }

    /**
     * The characteristic a support engineer or a bridge names: "2A35", "0x2a35", or the full 128-bit form
     * "00002a35-0000-1000-8000-00805f9b34fb". Throws {@link IllegalArgumentException} naming the token and
     * listing the known characteristics when it is none of them.
     */
    public static Characteristic parse(String token) {
        int uuid16 = parseUuid16(token);
        return ofUuid16(uuid16).orElseThrow(() -> new IllegalArgumentException(
                "characteristic 0x" + hex16(uuid16) + " is not one Yizhan decodes; known: " + known()));
    }

    /**
     * A 16-bit UUID written as 1-4 hex digits with an optional {@code 0x}, or as a full UUID on the
     * Bluetooth base ({@code 0000xxxx-0000-1000-8000-00805f9b34fb}); case does not matter.
     */
    public static int parseUuid16(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no characteristic given; known: " + known());
        }
        String text = token.strip().toLowerCase(Locale.ROOT);
        if (text.length() == 36 && text.startsWith("0000") && text.endsWith(BASE_UUID_SUFFIX)) {
            text = text.substring(4, 8);
        } else if (text.startsWith("0x")) {
            text = text.substring(2);
        }
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("'" + token.strip()
                    + "' is not a 16-bit characteristic UUID such as 2A35; known: " + known());
        }
        return Integer.parseInt(text, 16);
    }

    /** The 128-bit form of a 16-bit SIG UUID, lower case as BlueZ writes it: 0x2A35 → 00002a35-0000-1000-8000-00805f9b34fb. */
    public static String fullUuid(int uuid16) {
        return String.format("0000%04x%s", uuid16, BASE_UUID_SUFFIX);
    }

    private static String hex16(int uuid16) {
        return String.format("%04X", uuid16);
    }

    private static String known() {
        return Arrays.stream(values()).map(c -> c.hexId() + " (" + c.label + ")").collect(Collectors.joining(", "));
    }

    private static <T> ParseResult<Measurement> lift(ParseResult<T> result, Function<T, Measurement> wrap) {
        if (result instanceof ParseResult.Parsed<T> parsed) {
            return new ParseResult.Parsed<>(wrap.apply(parsed.reading()));
        }
        ParseResult.Rejected<T> rejected = (ParseResult.Rejected<T>) result;
        return new ParseResult.Rejected<>(rejected.kind(), rejected.reason());
    }
}
