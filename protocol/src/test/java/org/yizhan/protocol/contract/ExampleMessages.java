package org.yizhan.protocol.contract;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.birth.DeviceInfo;
import org.yizhan.protocol.command.Command;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandResult;
import org.yizhan.protocol.command.CommandSigningKey;
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
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.topic.KioskId;

/**
 * One deterministic example of every message, the ones {@code docs/mqtt.md} and {@code docs/asyncapi.yaml}
 * show: a kiosk of the demo site connecting at 08:15 on 2 March 2026 (UTC), reporting, counting a bucket
 * twice, losing its scanner, and obeying a notice.
 */
public final class ExampleMessages {

    public static final KioskId KIOSK = new KioskId("demo", "kiosk-1");
    public static final long BIRTH_SEQ = 1772439300L;

    /** A throwaway key made for these examples; it signs nothing real. */
    public static final CommandSigningKey FLEET_KEY = CommandSigningKey.fromJwk("""
            {"kty":"OKP","crv":"Ed25519","kid":"ifp4cSopwPzimSD5",
             "x":"xW4Ayu-_O-JwLBcRMKpp560SvSXqolZHfpQtI1JOU1c",
             "d":"1ImGB7PaPdfvNV7cBh8PQ9z1TB4XUXPhIl6hjoZ4_IM"}""");

    private ExampleMessages() {
    }

    static Envelope envelope(String id, long seq, String ts) {
        return new Envelope(1, id, seq, Instant.parse(ts), false);
    }

    public static KioskState online() {
        return KioskState.online(envelope("01KJPSTSX0F8Y1TBHZ99DPRZCE", 1041, "2026-03-02T08:15:00Z"), BIRTH_SEQ);
    }

    public static KioskState will() {
        return KioskState.will(envelope("01KJPSTSX0F8Y1TBHZ99DPRZCD", 1040, "2026-03-02T08:15:00Z"), BIRTH_SEQ);
    }

    public static Birth birth() {
        return new Birth(envelope("01KJPSTT0RF8Y1TBHZ99DPRZCE", 1042, "2026-03-02T08:15:00.120Z"), BIRTH_SEQ,
                "0.1.0", "17.0.15", "Debian GNU/Linux 12 (bookworm)", "6.6.51+rpt-rpi-2712", "aarch64",
                "Raspberry Pi 5 Model B Rev 1.0", "10000000a3b2c1d0", "驿站示范点 Yizhan demo", "Asia/Shanghai", 30,
                List.of(new DeviceInfo("scanner", "qr-scanner:hid", DeviceState.CONNECTED),
                        new DeviceInfo("status-light", "status-light:gpio", DeviceState.CONNECTED),
                        new DeviceInfo("door", "door-relay:gpio", DeviceState.CONNECTED),
                        new DeviceInfo("bp-monitor", "blood-pressure:ble", DeviceState.ABSENT)));
    }

    public static Health health() {
        SystemReadings system = SystemReadings.builder()
                .cpuCelsius(52.6)
                .underVoltage(false, false)
                .throttledNow(false)
                .load(0.42, 0.38, 0.35)
                .memoryMb(3796, 2911)
                .dataFree(21873, 75.4)
                .ext4Errors(0L)
                .readOnly(false)
                .uptimeSeconds(864_210L)
                .emmcWear(null, null)
                .build();
        return new Health(envelope("01KJPSVQ6GF8Y1TBHZ99DPRZCE", 1043, "2026-03-02T08:15:30Z"), 30, system,
                List.of(new DeviceStatus("scanner", DeviceState.CONNECTED, null, Instant.parse("2026-02-20T07:02:11Z")),
                        new DeviceStatus("bp-monitor", DeviceState.ABSENT, "not found on Bluetooth",
                                Instant.parse("2026-03-01T22:40:05Z"))),
                new OutboxDepth(2, 1184, 200_000L, 64L * 1024 * 1024, Instant.parse("2026-03-02T08:14:58Z")),
                Instant.parse("2026-03-02T08:14:41Z"), 37L);
    }

    public static Footfall footfall() {
        return new Footfall(envelope("01KJPTP8VJF8Y1TBHZ99DPRZCE", 1044, "2026-03-02T08:30:00.050Z"),
                Instant.parse("2026-03-02T08:15:00Z"), 15, 1, counts(1));
    }

    /** The same bucket sent again after a late walk-in chose its purpose: revision 2, full new counts. */
    public static Footfall footfallRevised() {
        return new Footfall(envelope("01KJPTRF40F8Y1TBHZ99DPRZCE", 1045, "2026-03-02T08:31:12Z"),
                Instant.parse("2026-03-02T08:15:00Z"), 15, 2, counts(2));
    }

    /** Every check-in has one category and one purpose, so both add up to the same total. */
    private static FootfallCounts counts(long walkIns) {
        Map<String, Long> byCategory = new LinkedHashMap<>();
        byCategory.put("rider", 6L);
        byCategory.put("courier", 2L);
        byCategory.put("resident", 3L);
        byCategory.put("walk-in", walkIns);
        Map<String, Long> byPurpose = new LinkedHashMap<>();
        byPurpose.put("rest", 3 + walkIns);
        byPurpose.put("charge", 4L);
        byPurpose.put("health", 3L);
        byPurpose.put("other", 1L);
        // Three blood pressures, each with its category; the weight had no known height, so it has none.
        Map<String, Long> byMeasurementCategory = new LinkedHashMap<>();
        byMeasurementCategory.put("blood-pressure:normal", 1L);
        byMeasurementCategory.put("blood-pressure:high-normal", 1L);
        byMeasurementCategory.put("blood-pressure:isolated-systolic", 1L);
        return new FootfallCounts(byCategory, byPurpose, 14, Map.of("blood-pressure", 3L, "weight", 1L),
                byMeasurementCategory);
    }

    public static Event event() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", "absent");
        details.put("error", "USB device 0c2e:0b61 removed");
        return new Event(envelope("01KJPV8JR0F8Y1TBHZ99DPRZCE", 1046, "2026-03-02T08:40:00Z"), Event.DEVICE_STATUS,
                Severity.ERROR, "scanner is absent: USB device 0c2e:0b61 removed", "scanner", details);
    }

    public static Command notice() {
        return new Command(1, "01KJPV8JR0F8Y1TBHZ99DPRZCF", Instant.parse("2026-03-02T08:40:00Z"), KIOSK,
                Instant.parse("2026-03-02T08:45:00Z"), "c2FtcGxlLW5vbmNlLTAwMQ",
                new CommandArgs.Notice("今晚22:00至23:00暂停开放，请见谅。", "Closed tonight 22:00-23:00, sorry.",
                        Instant.parse("2026-03-02T15:00:00Z")));
    }

    public static CommandResult noticeResult() {
        return CommandResult.ok(envelope("01KJPV8KQ8F8Y1TBHZ99DPRZCE", 1047, "2026-03-02T08:40:01Z"), notice(),
                "notice shown until 2026-03-02T15:00:00Z", Map.of());
    }

    /** Every kiosk message, by the name the docs give its example. */
    public static Map<String, Message> all() {
        Map<String, Message> all = new LinkedHashMap<>();
        all.put("state-online", online());
        all.put("state-will", will());
        all.put("birth", birth());
        all.put("health", health());
        all.put("footfall", footfall());
        all.put("footfall-revised", footfallRevised());
        all.put("events", event());
        all.put("cmd-result", noticeResult());
        return all;
    }
}
