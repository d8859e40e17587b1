package org.yizhan.kiosk.devices;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yizhan.devices.health.Characteristic;
import org.yizhan.devices.health.ble.BleHealthDeviceConfig;

/** What a health device measures ({@code health.<name>.profile}), and so which characteristics it sends. */
public enum HealthProfile {
    BLOOD_PRESSURE("blood-pressure", EnumSet.of(Characteristic.BLOOD_PRESSURE_MEASUREMENT,
            Characteristic.INTERMEDIATE_CUFF_PRESSURE)),
    WEIGHT_SCALE("weight-scale", EnumSet.of(Characteristic.WEIGHT_MEASUREMENT)),
    THERMOMETER("thermometer", EnumSet.of(Characteristic.TEMPERATURE_MEASUREMENT));

    private final String code;
    private final Set<Characteristic> characteristics;

    HealthProfile(String code, Set<Characteristic> characteristics) {
        this.code = code;
        this.characteristics = characteristics;
    }

    public String code() {
        return code;
    }

    public Set<Characteristic> characteristics() {
        return EnumSet.copyOf(characteristics);
    }

    /** A Bluetooth device of this profile, found by its service when no address is given. */
    BleHealthDeviceConfig ble(String name) {
        return switch (this) {
            case BLOOD_PRESSURE -> BleHealthDeviceConfig.bloodPressure(name);
            case WEIGHT_SCALE -> BleHealthDeviceConfig.weightScale(name);
            case THERMOMETER -> BleHealthDeviceConfig.thermometer(name);
        };
    }

    static Optional<HealthProfile> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    static String codes() {
        return Arrays.stream(values()).map(HealthProfile::code).collect(Collectors.joining(", "));
    }
}
