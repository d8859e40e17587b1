package org.yizhan.protocol.health;

import java.time.Instant;
import java.util.Objects;
import org.yizhan.protocol.message.DeviceState;

/**
 * One peripheral's state in a health message.
 *
 * @param device    the configured name, as in the birth's device list, e.g. {@code scanner}
 * @param state     connected, degraded or absent
 * @param lastError what went wrong last, for a maintainer; null when nothing has
 * @param since     when the device entered this state
 */
public record DeviceStatus(String device, DeviceState state, String lastError, Instant since) {

    public DeviceStatus {
        Objects.requireNonNull(device, "device is missing");
        Objects.requireNonNull(state, "device state is missing");
        Objects.requireNonNull(since, "device since is missing");
    }
}
