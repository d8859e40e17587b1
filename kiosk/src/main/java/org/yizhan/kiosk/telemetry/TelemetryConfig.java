package org.yizhan.kiosk.telemetry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yizhan.kiosk.telemetry.outbox.OutboxLimits;

/**
 * What the kiosk tells the fleet, and how often: the {@code telemetry.*} keys with the broker's {@code mqtt.*}
 * keys, parsed once at start (docs/mqtt.md, "The kiosk's keys").
 *
 * @param mqtt                the broker; null when no {@code mqtt.*} key is set, and the kiosk then runs
 *                            without telemetry (it still counts footfall, which goes out once a broker is set)
 * @param healthInterval      how often {@code health} is published; 30 s by default
 * @param bucketMinutes       the footfall bucket length in minutes, a divisor of 60; 15 by default
 * @param commandKeys         JWK Set files of the fleet keys whose commands the kiosk obeys; empty trusts none,
 *                            so every command is refused as {@code unknown-key}
 * @param homeAssistantPrefix the Home Assistant discovery prefix when discovery is on; null when off
 * @param outboxLimits        how large the outbox may grow while the broker is away
 */
public record TelemetryConfig(MqttConfig mqtt, Duration healthInterval, int bucketMinutes, List<Path> commandKeys,
        String homeAssistantPrefix, OutboxLimits outboxLimits) {

    public static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofSeconds(30);
    public static final Duration MIN_HEALTH_INTERVAL = Duration.ofSeconds(10);
    public static final Duration MAX_HEALTH_INTERVAL = Duration.ofMinutes(10);

    public TelemetryConfig {
        Objects.requireNonNull(healthInterval, "healthInterval");
        if (healthInterval.compareTo(MIN_HEALTH_INTERVAL) < 0 || healthInterval.compareTo(MAX_HEALTH_INTERVAL) > 0) {
            throw new IllegalArgumentException("the health interval must be 10s to 10m, not " + healthInterval);
        }
        if (bucketMinutes < 1 || 60 % bucketMinutes != 0) {
            throw new IllegalArgumentException("a footfall bucket must divide the hour (1, 2, 3, 4, 5, 6, 10, 12,"
                    + " 15, 20, 30 or 60 minutes), not " + bucketMinutes + " minutes");
        }
        commandKeys = List.copyOf(commandKeys);
        Objects.requireNonNull(outboxLimits, "outboxLimits");
    }

    public Optional<MqttConfig> broker() {
        return Optional.ofNullable(mqtt);
    }

    /** The same settings with {@code broker} instead, e.g. the demo's embedded broker. */
    public TelemetryConfig withBroker(MqttConfig broker) {
        return new TelemetryConfig(broker, healthInterval, bucketMinutes, commandKeys, homeAssistantPrefix,
                outboxLimits);
    }

    public TelemetryConfig withBucketMinutes(int minutes) {
        return new TelemetryConfig(mqtt, healthInterval, minutes, commandKeys, homeAssistantPrefix, outboxLimits);
    }

    public TelemetryConfig withHealthInterval(Duration interval) {
        return new TelemetryConfig(mqtt, interval, bucketMinutes, commandKeys, homeAssistantPrefix, outboxLimits);
    }
}
