package org.yizhan.protocol.health;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.TopicKind;

/**
 * The periodic health message (QoS 0, every {@link #intervalSeconds}). It doubles as the heartbeat: the
 * fleet calls a kiosk lost when none arrives within two intervals. Health is never queued in the outbox or
 * replayed: the next one replaces it.
 *
 * @param intervalSeconds how long until the next one
 * @param system          the Pi's own readings
 * @param devices         every peripheral's status
 * @param outbox          what waits to be published
 * @param lastCheckIn     the latest accepted check-in; null when there has been none
 * @param checkInsToday   accepted check-ins since midnight in the kiosk's time zone; null when unknown
 */
public record Health(
        @JsonUnwrapped Envelope envelope,
        int intervalSeconds,
        SystemReadings system,
        List<DeviceStatus> devices,
        OutboxDepth outbox,
        Instant lastCheckIn,
        Long checkInsToday) implements Message {

    public Health {
        Objects.requireNonNull(envelope, "envelope");
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("intervalSeconds must be positive, not " + intervalSeconds);
        }
        Objects.requireNonNull(system, "system is missing");
        devices = List.copyOf(Objects.requireNonNull(devices, "devices is missing"));
        Objects.requireNonNull(outbox, "outbox is missing");
    }

    public Optional<DeviceStatus> device(String name) {
        return devices.stream().filter(d -> d.device().equals(name)).findFirst();
    }

    @Override
    public TopicKind topicKind() {
        return TopicKind.HEALTH;
    }
}
