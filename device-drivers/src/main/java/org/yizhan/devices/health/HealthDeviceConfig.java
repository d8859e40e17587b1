package org.yizhan.devices.health;

import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * How to reach one real health device: the kiosk's configuration yields one of these per device
 * ({@code org.yizhan.devices.health.ble.BleHealthDeviceConfig} or
 * {@code org.yizhan.devices.health.serial.SerialHealthDeviceConfig}), and the wiring turns it into a device.
 * Simulated devices are built directly as {@link SimulatedHealthDevice}, because the headless mode needs
 * their type to feed them bytes.
 */
public interface HealthDeviceConfig {

    /** The device name on the status board. */
    String name();

    /** A device, not yet started, reporting to {@code board}. Opens nothing until {@link HealthDevice#start}. */
    HealthDevice create(DeviceStatusBoard board);
}
