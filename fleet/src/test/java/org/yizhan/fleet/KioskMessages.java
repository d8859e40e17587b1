package org.yizhan.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.birth.DeviceInfo;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.health.DeviceStatus;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.health.OutboxDepth;
import org.yizhan.protocol.health.SystemReadings;
import org.yizhan.protocol.message.DeviceState;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.state.KioskState;

/** The protocol's messages as a kiosk makes them, with test-friendly defaults. */
public final class KioskMessages {

    private static long seq;

    private KioskMessages() {
    }

    public static synchronized Envelope envelope(Instant ts) {
        return Envelope.next(++seq, ts);
    }

    public static KioskState online(long birthSeq, Instant ts) {
        return KioskState.online(envelope(ts), birthSeq);
    }

    public static KioskState will(long birthSeq, Instant ts) {
        return KioskState.will(envelope(ts), birthSeq);
    }

    public static Birth birth(long birthSeq, String appVersion, Instant ts, DeviceInfo... devices) {
        return new Birth(envelope(ts), birthSeq, appVersion, "17.0.15", "Debian GNU/Linux 12 (bookworm)",
                "6.6.51+rpt-rpi-2712", "aarch64", "Raspberry Pi 5 Model B Rev 1.0", "10000000a3b2c1d0",
                "浦锦街道驿站 Pujin", "Asia/Shanghai", 30, List.of(devices));
    }

    public static DeviceInfo scanner(DeviceState state) {
        return new DeviceInfo("scanner", "qr-scanner:hid", state);
    }

    public static DeviceInfo door() {
        return new DeviceInfo("door", "door-relay:gpio", DeviceState.CONNECTED);
    }

    /** A health with everything fine, changed by {@code system} and {@code devices}. */
    public static Health health(Instant ts, SystemReadings system, long outboxRows, DeviceStatus... devices) {
        return new Health(envelope(ts), 30, system, List.of(devices),
                new OutboxDepth(outboxRows, outboxRows * 500, 200_000L, null, outboxRows == 0 ? null : ts), null, 3L);
    }

    public static SystemReadings fine() {
        return SystemReadings.builder().cpuCelsius(52.6).underVoltage(false, false).load(0.4, 0.3, 0.3)
                .dataFree(21873, 75.4).build();
    }

    public static SystemReadings readings(double cpu, boolean underVoltage, double dataFreePercent) {
        return SystemReadings.builder().cpuCelsius(cpu).underVoltage(underVoltage, underVoltage).load(0.4, 0.3, 0.3)
                .dataFree(1000, dataFreePercent).build();
    }

    public static DeviceStatus device(String name, DeviceState state, Instant since) {
        return new DeviceStatus(name, state, state == DeviceState.ABSENT ? "USB device removed" : null, since);
    }

    public static Footfall footfall(Instant bucketStart, int revision, long riders, long walkIns) {
        FootfallCounts counts = new FootfallCounts(Map.of("rider", riders, "walk-in", walkIns),
                Map.of("rest", riders + walkIns), riders + walkIns, Map.of());
        return new Footfall(envelope(bucketStart.plusSeconds(900)), bucketStart, 15, revision, counts);
    }

    public static Event event(String kind, Severity severity, Instant ts, Map<String, Object> details) {
        return new Event(envelope(ts), kind, severity, kind + " happened", null, details);
    }
}
