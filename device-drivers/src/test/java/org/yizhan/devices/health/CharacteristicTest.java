package org.yizhan.devices.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yizhan.devices.health.FrameAssertions.assertDecimal;
import static org.yizhan.devices.health.Frames.bytes;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yizhan.devices.health.ParseResult.RejectionKind;
import org.yizhan.devices.thermometer.TemperatureUnit;

class CharacteristicTest {

    @ParameterizedTest
    @ValueSource(strings = {"2A35", "2a35", "0x2A35", "0X2a35", " 2A35 ", "00002a35-0000-1000-8000-00805f9b34fb",
            "00002A35-0000-1000-8000-00805F9B34FB"})
    void reads_the_ways_support_engineers_and_bridges_write_a_characteristic(String token) {
        // when
        Characteristic characteristic = Characteristic.parse(token);

        // then
        assertEquals(Characteristic.BLOOD_PRESSURE_MEASUREMENT, characteristic);
    }

    @Test
    void names_an_unknown_characteristic_and_lists_the_known_ones() {
        // when: 0x2A37 is Heart Rate Measurement, which the kiosk does not decode
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Characteristic.parse("2A37"));

        // then
        assertTrue(e.getMessage().contains("0x2A37"), e.getMessage());
        assertTrue(e.getMessage().contains("2A35 (Blood Pressure Measurement)"), e.getMessage());
        assertTrue(e.getMessage().contains("2A1C (Temperature Measurement)"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bp", "12345", "0x", "2A35h", "00002a35-0000-1000-8000-000000000000"})
    void refuses_a_token_that_is_no_16_bit_uuid_and_quotes_it(String token) {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Characteristic.parse(token));

        // then
        assertTrue(e.getMessage().contains("'" + token + "'"), e.getMessage());
    }

    @Test
    void refuses_a_missing_characteristic() {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Characteristic.parse(" "));

        // then
        assertTrue(e.getMessage().startsWith("no characteristic given"), e.getMessage());
    }

    @Test
    void knows_the_service_of_each_characteristic() {
        assertEquals(0x1810, Characteristic.BLOOD_PRESSURE_MEASUREMENT.serviceUuid16());
        assertEquals(0x1810, Characteristic.INTERMEDIATE_CUFF_PRESSURE.serviceUuid16());
        assertEquals(0x181D, Characteristic.WEIGHT_MEASUREMENT.serviceUuid16());
        assertEquals(0x1809, Characteristic.TEMPERATURE_MEASUREMENT.serviceUuid16());
        assertEquals(Optional.of(Characteristic.WEIGHT_MEASUREMENT), Characteristic.ofUuid16(0x2A9D));
        assertEquals(Optional.empty(), Characteristic.ofUuid16(0x2A1E));
    }

    @Test
    void writes_the_full_uuid_as_bluez_does() {
        assertEquals("00002a35-0000-1000-8000-00805f9b34fb", Characteristic.fullUuid(0x2A35));
        assertEquals("00001810-0000-1000-8000-00805f9b34fb", Characteristic.fullUuid(0x1810));
    }

    @Test
    void decodes_a_weight_through_the_weight_parser() {
        // when: flags 0 (SI), weight 0x3714 = 14100 x 0.005 kg
        DecodedFrame decoded = Characteristic.WEIGHT_MEASUREMENT.decode(bytes(0x00, 0x14, 0x37));

        // then
        assertDecimal("70.5", assertInstanceOf(Measurement.Weight.class, decoded).reading().kilograms());
    }

    @Test
    void decodes_a_temperature_through_the_thermometer_parser() {
        // when: flags 0 (°C), FLOAT 0xFF00016E = 366 x 10^-1
        DecodedFrame decoded = Characteristic.TEMPERATURE_MEASUREMENT.decode(bytes(0x00, 0x6E, 0x01, 0x00, 0xFF));

        // then
        Measurement.Temperature temperature = assertInstanceOf(Measurement.Temperature.class, decoded);
        assertDecimal("36.6", temperature.reading().celsius());
        assertEquals(TemperatureUnit.CELSIUS, temperature.reading().deviceUnit());
        assertEquals(Characteristic.TEMPERATURE_MEASUREMENT, temperature.characteristic());
    }

    @Test
    void turns_a_parser_rejection_into_a_rejection_carrying_the_characteristic_and_bytes() {
        // when: a weight frame with one byte of its two-byte weight
        DecodedFrame decoded = Characteristic.WEIGHT_MEASUREMENT.decode(bytes(0x00, 0x14));

        // then
        FrameRejection rejection = assertInstanceOf(FrameRejection.class, decoded);
        assertEquals(Characteristic.WEIGHT_MEASUREMENT, rejection.characteristic());
        assertEquals(RejectionKind.MALFORMED, rejection.kind());
        assertEquals("00 14", rejection.hexBytes());
        assertTrue(rejection.describe().startsWith("2A9D frame rejected (MALFORMED): "), rejection.describe());
        assertTrue(rejection.describe().endsWith("[00 14]"), rejection.describe());
    }

    @Test
    void rejects_no_bytes_at_all_without_throwing() {
        // when
        DecodedFrame decoded = Characteristic.BLOOD_PRESSURE_MEASUREMENT.decode(null);

        // then
        FrameRejection rejection = assertInstanceOf(FrameRejection.class, decoded);
        assertEquals("", rejection.hexBytes());
        assertEquals(RejectionKind.MALFORMED, rejection.kind());
    }
}
