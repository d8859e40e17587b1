package org.yizhan.kiosk.devices;

import java.util.Objects;
import java.util.Optional;
import org.yizhan.devices.health.HealthDeviceConfig;

/**
 * One configured health device.
 *
 * @param name      the device name on the status board and in {@code measurement} events
 * @param profile   what it measures
 * @param transport how to reach the real device; empty for {@code health.<name>.kind=simulated}
 */
public record HealthSetup(String name, HealthProfile profile, Optional<HealthDeviceConfig> transport) {

    public HealthSetup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(transport, "transport");
    }
}
