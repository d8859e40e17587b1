package org.yizhan.kiosk.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.yizhan.devices.status.DeviceStatus;
import org.yizhan.devices.system.SystemHealth;
import org.yizhan.devices.system.ThrottleFlag;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.health.OutboxDepth;
import org.yizhan.protocol.health.SystemReadings;
import org.yizhan.protocol.message.DeviceState;
import org.yizhan.protocol.message.Envelope;

/**
 * Turns the kiosk's own view of itself (device statuses, the system probe's reading) into the contract's
 * {@code health} message. Pure: a value the probe could not read stays unknown, never a guessed zero.
 */
final class HealthMessages {

    private static final long MIB = 1024 * 1024;

    private HealthMessages() {
    }

    static Health health(Envelope envelope, Duration interval, SystemHealth system, List<DeviceStatus> devices,
            OutboxDepth outbox, Instant lastCheckIn, Long checkInsToday) {
        return new Health(envelope, (int) interval.toSeconds(),
                system == null ? SystemReadings.UNKNOWN : readings(system),
                devices.stream().map(HealthMessages::status).toList(),
                outbox, lastCheckIn, checkInsToday);
    }

    static org.yizhan.protocol.health.DeviceStatus status(DeviceStatus status) {
        return new org.yizhan.protocol.health.DeviceStatus(status.device(), state(status), status.lastError(),
                status.since());
    }

    static DeviceState state(DeviceStatus status) {
        return DeviceState.valueOf(status.state().name());
    }

    static SystemReadings readings(SystemHealth h) {
        SystemReadings.Builder b = SystemReadings.builder();
        h.cpuCelsius().ifPresent(b::cpuCelsius);
        Boolean sinceBoot = h.throttling().map(t -> t.has(ThrottleFlag.UNDER_VOLTAGE_OCCURRED)).orElse(null);
        if (h.underVoltageAlarm().isPresent() || h.throttling().isPresent()) {
            b.underVoltage(h.underVoltageNow(), sinceBoot);
        }
        h.throttling().ifPresent(t -> b.throttledNow(t.has(ThrottleFlag.THROTTLED_NOW)));
        h.load().ifPresent(l -> b.load(l.oneMinute(), l.fiveMinutes(), l.fifteenMinutes()));
        h.memory().ifPresent(m -> b.memoryMb(m.totalBytes() / MIB, m.availableBytes() / MIB));
        h.dataSpace().ifPresent(d -> b.dataFree(d.usableBytes() / MIB, round(d.usablePercent())));
        h.ext4ErrorCount().ifPresent(b::ext4Errors);
        boolean mountedReadOnly = h.dataPartition().map(p -> p.mountedReadOnly()).orElse(false);
        if (h.dataPartition().isPresent() || h.writeCheck().isPresent()) {
            b.readOnly(mountedReadOnly || h.writeCheck().map(w -> !w.passed()).orElse(false));
        }
        h.uptime().ifPresent(u -> b.uptimeSeconds(u.toSeconds()));
        h.storageWear().ifPresent(wear -> b.emmcWear(
                wear.worstEstimate().map(e -> e.usedPercentAtLeast()).orElse(null),
                wear.preEol().map(p -> p.name().toLowerCase(Locale.ROOT)).orElse(null)));
        return b.build();
    }

    private static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }
}
