package org.yizhan.protocol.homeassistant;

import java.util.Objects;

/**
 * One Home Assistant discovery message, always published retained (QoS 1) so Home Assistant finds it after
 * its own restart.
 *
 * @param topic   e.g. {@code homeassistant/sensor/yizhan_demo_kiosk-1_cpu_temperature/config}
 * @param payload the entity's configuration as JSON; empty to remove the entity
 */
public record DiscoveryMessage(String topic, String payload) {

    public DiscoveryMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
    }
}
