package org.yizhan.devices.health.ble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yizhan.devices.health.FrameRejection;
import org.yizhan.devices.health.Measurement;
import org.yizhan.devices.health.MeasurementListener;
import org.yizhan.devices.status.DeviceState;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * Against a real adapter and a real paired cuff. Run on a Pi with {@code YIZHAN_HARDWARE=1} and
 * {@code YIZHAN_BLE_DEVICE=AA:BB:CC:DD:EE:FF} (a cuff paired with {@code bluetoothctl}), with
 * {@code -Dgroups=hardware}; the second test asks for a measurement within two minutes.
 */
@Tag("hardware")
class BluezBleLinkHardwareTest {

    private String address;

    @BeforeEach
    void requireHardware() {
        if (!"1".equals(System.getenv("YIZHAN_HARDWARE"))) {
            Assumptions.abort("needs a Bluetooth adapter and a paired cuff: set YIZHAN_HARDWARE=1");
        }
        address = System.getenv("YIZHAN_BLE_DEVICE");
        if (address == null || address.isBlank()) {
            Assumptions.abort("set YIZHAN_BLE_DEVICE to the address of a paired cuff, e.g. AA:BB:CC:DD:EE:FF");
        }
    }

    @Test
    void finds_the_paired_cuff_on_a_powered_adapter() throws Exception {
        // given
        try (BluezBleLink link = new BluezBleLink(Optional.empty())) {
            // when
            link.checkAdapter();
            Optional<String> found = link.findPaired(Optional.of(address), 0x1810);

            // then
            assertEquals(Optional.of(address.toUpperCase()), found);
        }
    }

    @Test
    void receives_a_measurement_taken_within_two_minutes() throws Exception {
        // given
        DeviceStatusBoard board = new DeviceStatusBoard(Clock.systemUTC());
        BlockingQueue<DeviceStatus> statuses = new LinkedBlockingQueue<>();
        board.subscribe(statuses::add);
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        BleHealthDeviceConfig config = BleHealthDeviceConfig.bloodPressure("bp").withAddress(address);
        try (BleHealthDevice device = new BleHealthDevice(config, new BluezBleLink(Optional.empty()), board)) {
            device.start(new MeasurementListener() {
                @Override
                public void measured(Measurement measurement) {
                    if (measurement instanceof Measurement.BloodPressure) {
                        received.add(measurement);
                    }
                }

                @Override
                public void rejected(FrameRejection rejection) {
                    received.add(rejection);
                }
            });
            DeviceStatus first = statuses.poll(30, TimeUnit.SECONDS);
            Assertions.assertNotNull(first, "no status within 30 s");
            assertEquals(DeviceState.CONNECTED, first.state(), String.valueOf(first.lastError()));

            // when
            System.err.println("Take a blood pressure measurement with " + address + " now.");

            // then
            Object result = received.poll(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
            Assertions.assertInstanceOf(Measurement.BloodPressure.class, result, String.valueOf(result));
        }
    }
}
