package org.yizhan.devices.health.ble;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yizhan.devices.health.Characteristic;
import org.yizhan.devices.health.HealthDevice;
import org.yizhan.devices.health.HealthDeviceConfig;
import org.yizhan.devices.status.DeviceStatusBoard;

/**
 * A Bluetooth LE health device: its name on the status board, the device to use (the paired one at
 * {@code address}, or else the first paired one offering {@code serviceUuid16}), the characteristics to
 * subscribe to, how often to look for it, and which adapter to use ({@code hci0}; empty for the first).
 *
 * <p>The first characteristic is the measurement and must exist on the device; the others are subscribed
 * when the device has them (a cuff need not offer Intermediate Cuff Pressure). All belong to the service.
 * The poll interval bounds how soon a vanished or returning device is noticed; keep it under 5 s.
 * Invalid values are refused at construction with a message naming the field.
 */
public record BleHealthDeviceConfig(
        String name,
        Optional<String> address,
        int serviceUuid16,
        List<Characteristic> characteristics,
        Duration pollInterval,
        Optional<String> adapter) implements HealthDeviceConfig {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    private static final Pattern ADDRESS = Pattern.compile("[0-9A-F]{2}(:[0-9A-F]{2}){5}");
    private static final Pattern ADAPTER = Pattern.compile("hci[0-9]+");

    public BleHealthDeviceConfig {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        address = Objects.requireNonNull(address, "address").map(a -> a.strip().toUpperCase(Locale.ROOT));
        address.ifPresent(a -> {
            if (!ADDRESS.matcher(a).matches()) {
                throw new IllegalArgumentException(name + ": address '" + a + "' is not a Bluetooth address like AA:BB:CC:DD:EE:FF");
            }
        });
        characteristics = List.copyOf(characteristics);
        if (characteristics.isEmpty()) {
            throw new IllegalArgumentException(name + ": characteristics is empty; name at least the measurement, e.g. 2A35");
        }
        for (Characteristic characteristic : characteristics) {
            if (characteristic.serviceUuid16() != serviceUuid16) {
                throw new IllegalArgumentException(String.format("%s: characteristic %s belongs to service 0x%04X, not to service 0x%04X",
                        name, characteristic.hexId(), characteristic.serviceUuid16(), serviceUuid16));
            }
        }
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException(name + ": poll interval " + pollInterval + " is not positive");
        }
        adapter = Objects.requireNonNull(adapter, "adapter").map(String::strip);
        adapter.ifPresent(a -> {
            if (!ADAPTER.matcher(a).matches()) {
                throw new IllegalArgumentException(name + ": adapter '" + a + "' is not an adapter name like hci0");
            }
        });
    }

    /** A cuff offering the Blood Pressure service (0x1810): the measurement 0x2A35, and 0x2A36 for a live gauge. */
    public static BleHealthDeviceConfig bloodPressure(String name) {
        return of(name, Characteristic.BLOOD_PRESSURE_MEASUREMENT, Characteristic.INTERMEDIATE_CUFF_PRESSURE);
    }

    /** A scale offering the Weight Scale service (0x181D): 0x2A9D. */
    public static BleHealthDeviceConfig weightScale(String name) {
        return of(name, Characteristic.WEIGHT_MEASUREMENT);
    }

    /** A thermometer offering the Health Thermometer service (0x1809): 0x2A1C. */
    public static BleHealthDeviceConfig thermometer(String name) {
        return of(name, Characteristic.TEMPERATURE_MEASUREMENT);
    }

    private static BleHealthDeviceConfig of(String name, Characteristic... characteristics) {
        return new BleHealthDeviceConfig(name, Optional.empty(), characteristics[0].serviceUuid16(),
                List.of(characteristics), DEFAULT_POLL_INTERVAL, Optional.empty());
    }

    public BleHealthDeviceConfig withAddress(String address) {
        return new BleHealthDeviceConfig(name, Optional.of(address), serviceUuid16, characteristics, pollInterval, adapter);
    }

    public BleHealthDeviceConfig withPollInterval(Duration pollInterval) {
        return new BleHealthDeviceConfig(name, address, serviceUuid16, characteristics, pollInterval, adapter);
    }

    public BleHealthDeviceConfig withAdapter(String adapter) {
        return new BleHealthDeviceConfig(name, address, serviceUuid16, characteristics, pollInterval, Optional.of(adapter));
    }

    /** The measurement characteristic, the one the device must have. */
    public Characteristic measurement() {
        return characteristics.get(0);
    }

    /** The device, on BlueZ over the system D-Bus; nothing is opened until it is started. */
    @Override
    public HealthDevice create(DeviceStatusBoard board) {
        return new BleHealthDevice(this, new BluezBleLink(adapter), board);
    }
}
