package org.yizhan.protocol.birth;

import java.util.Objects;
import org.yizhan.protocol.message.DeviceState;

/**
 * One configured peripheral in the birth inventory.
 *
 * @param name  the configured name, the same as in health's device statuses, e.g. {@code scanner}
 * @param kind  what it is, an open code such as {@code qr-scanner}, {@code status-light}, {@code door-relay},
 *              {@code entry-sensor}, {@code help-button}, {@code blood-pressure}, {@code scale},
 *              {@code thermometer}, {@code buzzer}; with the driver after a colon where it matters, e.g.
 *              {@code qr-scanner:hid}
 * @param state its state at the connect
 */
public record DeviceInfo(String name, String kind, DeviceState state) {

    public DeviceInfo {
        Objects.requireNonNull(name, "device name is missing");
        Objects.requireNonNull(kind, "device kind is missing");
        Objects.requireNonNull(state, "device state is missing");
    }
}
