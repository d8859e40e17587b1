package org.yizhan.devices.health.ble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.health.Characteristic;

class BleHealthDeviceConfigTest {

    @Test
    void a_cuff_subscribes_to_its_measurement_first_and_to_the_live_pressure() {
        // when
        BleHealthDeviceConfig config = BleHealthDeviceConfig.bloodPressure("bp");

        // then
        assertEquals(0x1810, config.serviceUuid16());
        assertEquals(List.of(Characteristic.BLOOD_PRESSURE_MEASUREMENT, Characteristic.INTERMEDIATE_CUFF_PRESSURE),
                config.characteristics());
        assertEquals(Characteristic.BLOOD_PRESSURE_MEASUREMENT, config.measurement());
        assertEquals(Optional.empty(), config.address());
        assertEquals(Duration.ofSeconds(2), config.pollInterval());
    }

    @Test
    void a_scale_and_a_thermometer_use_their_services() {
        assertEquals(0x181D, BleHealthDeviceConfig.weightScale("scale").serviceUuid16());
        assertEquals(List.of(Characteristic.TEMPERATURE_MEASUREMENT), BleHealthDeviceConfig.thermometer("thermo").characteristics());
        assertEquals(0x1809, BleHealthDeviceConfig.thermometer("thermo").serviceUuid16());
    }

    @Test
    void writes_the_address_in_upper_case() {
        assertEquals(Optional.of("A4:C1:38:0A:0B:0C"),
                BleHealthDeviceConfig.bloodPressure("bp").withAddress(" a4:c1:38:0a:0b:0c ").address());
    }

    @Test
    void refuses_an_address_that_is_not_one_naming_it() {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BleHealthDeviceConfig.bloodPressure("bp").withAddress("A4-C1-38-0A-0B-0C"));

        // then
        assertEquals("bp: address 'A4-C1-38-0A-0B-0C' is not a Bluetooth address like AA:BB:CC:DD:EE:FF", e.getMessage());
    }

    @Test
    void refuses_a_characteristic_of_another_service() {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BleHealthDeviceConfig("bp",
                Optional.empty(), 0x1810, List.of(Characteristic.WEIGHT_MEASUREMENT), Duration.ofSeconds(2), Optional.empty()));

        // then
        assertEquals("bp: characteristic 2A9D belongs to service 0x181D, not to service 0x1810", e.getMessage());
    }

    @Test
    void refuses_a_poll_interval_that_is_not_positive() {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BleHealthDeviceConfig.bloodPressure("bp").withPollInterval(Duration.ZERO));

        // then
        assertEquals("bp: poll interval PT0S is not positive", e.getMessage());
    }

    @Test
    void refuses_an_adapter_that_is_not_named_like_one() {
        // when
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BleHealthDeviceConfig.bloodPressure("bp").withAdapter("bluetooth0"));

        // then
        assertEquals("bp: adapter 'bluetooth0' is not an adapter name like hci0", e.getMessage());
    }
}
