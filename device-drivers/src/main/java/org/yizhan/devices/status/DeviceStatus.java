package org.yizhan.devices.status;

import java.time.Instant;
import java.util.Objects;

/**
 * One peripheral's state at a moment.
 *
 * @param device    the configured name of the device, e.g. {@code scanner}, {@code door}, {@code bp-monitor}
 * @param state     connected, degraded or absent
 * @param lastError what went wrong last, for a maintainer; {@code null} when nothing has
 * @param since     when the device entered this state
 */
public record DeviceStatus(String device, DeviceState state, String lastError, Instant since) {

    public DeviceStatus {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
