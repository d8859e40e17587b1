package org.yizhan.kiosk.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.devices.health.BleNotification;
import org.yizhan.kiosk.KioskAssembly;
import org.yizhan.kiosk.config.KioskConfigFile;
import org.yizhan.kiosk.config.RemoteSettings;
import org.yizhan.kiosk.devices.DeviceMode;
import org.yizhan.kiosk.flow.KioskEvent;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.command.Command;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandResult;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallLedger;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.Topics;
import org.yizhan.provisioning.demo.DemoSite;
import org.yizhan.provisioning.pass.PassIssuer;
import org.yizhan.provisioning.pass.PassSigningKey;
import org.yizhan.provisioning.pass.VisitorCategory;
import org.yizhan.testsupport.mqtt.EmbeddedTestBroker;
import org.yizhan.testsupport.mqtt.MqttWatcher;

/**
 * A simulated kiosk with a broker, as the fleet sees it over real TCP: what it announces, counts and
 * answers. One embedded HiveMQ broker for the class; each test is a kiosk of its own, so retained messages
 * of one never reach another.
 */
class KioskTelemetryTest {

    private static final AtomicInteger KIOSKS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PayloadCodec CODEC = new PayloadCodec();

    @TempDir
    static Path brokerDir;
    private static EmbeddedTestBroker broker;

    @TempDir
    Path data;

    private KioskId id;
    private Topics topics;
    private MqttWatcher fleet;
    private KioskAssembly kiosk;
    private final List<KioskEvent> events = new ArrayList<>();
    private PassIssuer passes;
    private CommandSigningKey commandKey;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedTestBroker.start(brokerDir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @BeforeEach
    void startKiosk() throws Exception {
        id = new KioskId("demo", "kiosk-" + KIOSKS.incrementAndGet());
        topics = Topics.of(id);
        fleet = MqttWatcher.watching(broker.url(), "yizhan/v1/demo/" + id.kiosk() + "/#");
        DemoSite site = DemoSite.ensure(data);
        passes = new PassIssuer(PassSigningKey.read(site.signingKeyFile()), Clock.systemUTC());
        commandKey = CommandSigningKey.fromJwk(Files.readString(site.commandKeyFile()));
        startKiosk(List.of());
    }

    private void startKiosk(List<String> extraConfig) throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "kiosk.id = " + id.kiosk(),
                "mqtt.url = " + broker.url(),
                "mqtt.reconnect-min = 100ms",
                "mqtt.reconnect-max = 1s"));
        lines.addAll(extraConfig);
        Path config = data.resolve("kiosk.properties");
        Files.writeString(config, String.join("\n", lines));
        kiosk = KioskAssembly.create(KioskConfigFile.load(config, data), DeviceMode.SIMULATED, Clock.systemUTC());
        kiosk.subscribe(event -> {
            synchronized (events) {
                events.add(event);
                events.notifyAll();
            }
        });
        KioskAssembly.await(kiosk.start());
        awaitEvent(e -> e instanceof KioskEvent.BrokerConnection c && c.connected(), "connected");
    }

    @AfterEach
    void stopKiosk() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
        fleet.close();
    }

    @Test
    void announces_itself_online_with_an_inventory_of_its_devices() throws Exception {
        JsonNode state = json(fleet.take(r -> r.topic().equals(topics.state().toString()), "online state"));
        assertEquals("online", state.get("state").asText());
        JsonNode birth = json(fleet.take(r -> r.topic().equals(topics.birth().toString()), "birth"));
        assertEquals(state.get("birthSeq").asLong(), birth.get("birthSeq").asLong());
        List<String> devices = new ArrayList<>();
        birth.get("devices").forEach(d -> devices.add(d.get("name").asText() + "=" + d.get("kind").asText()));
        assertTrue(devices.containsAll(List.of("scanner=qr-scanner", "door=door-relay", "bp-monitor=blood-pressure",
                "system=system")), devices::toString);
        JsonNode health = json(fleet.take(r -> r.topic().equals(topics.health().toString()), "health"));
        assertEquals(30, health.get("intervalSeconds").asInt());
        assertFalse(health.get("devices").isEmpty());
        JsonNode started = json(fleet.take(r -> r.topic().equals(topics.events().toString())
                && r.text().contains("app-started"), "the app-started event"));
        assertFalse(started.get("replayed").asBoolean(), "made while connecting, not held through an outage");
    }

    @Test
    void home_assistant_finds_the_kiosk_when_discovery_is_on() throws Exception {
        kiosk.close();
        events.clear();
        Predicate<MqttWatcher.Received> ours = r -> r.topic().contains("/yizhan_demo_" + id.kiosk() + "_");
        try (MqttWatcher live = MqttWatcher.watching(broker.url(), "homeassistant/#")) {
            startKiosk(List.of("telemetry.home-assistant = true"));
            for (int i = 0; i < 4; i++) {
                live.take(ours, "a Home Assistant discovery message");
            }
        }
        // A Home Assistant started later still finds the kiosk: the broker kept the messages.
        try (MqttWatcher homeAssistant = MqttWatcher.watching(broker.url(), "homeassistant/#")) {
            List<String> entities = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                MqttWatcher.Received config = homeAssistant.take(ours.and(MqttWatcher.Received::retained),
                        "a retained Home Assistant discovery message");
                entities.add(JSON.readTree(config.payload()).get("unique_id").asText());
            }
            String prefix = "yizhan_demo_" + id.kiosk() + "_";
            assertTrue(entities.containsAll(List.of(prefix + "online", prefix + "visits_today",
                    prefix + "cpu_temperature", prefix + "scanner")), entities::toString);
        }
    }

    @Test
    void a_flush_sends_the_current_bucket_with_what_was_counted() throws Exception {
        KioskAssembly.await(kiosk.scan(pass("rider-1", VisitorCategory.RIDER)));
        KioskAssembly.await(kiosk.advanceClock(Duration.ofSeconds(3)));
        KioskAssembly.await(kiosk.scan(pass("resident-1", VisitorCategory.RESIDENT)));
        KioskAssembly.await(kiosk.advanceClock(Duration.ofSeconds(3)));
        KioskAssembly.await(kiosk.scan(pass("rider-2", VisitorCategory.RIDER)));
        sense("entry", true);

        assertEquals(0L, kiosk.flushTelemetry().get(30, TimeUnit.SECONDS));

        Footfall bucket = footfall(fleet.take(r -> r.topic().equals(topics.footfall().toString())
                && footfall(r).counts().checkIns() == 3, "a footfall bucket with three check-ins"));
        assertEquals(Map.of("rider", 2L, "resident", 1L), bucket.counts().checkInsByCategory());
        assertEquals(1, bucket.counts().entriesSensed());
        assertEquals(1, bucket.revision());
    }

    @Test
    void nothing_scanned_while_the_broker_is_away_is_lost_or_counted_twice() throws Exception {
        broker.stop();
        try {
            awaitEvent(e -> e instanceof KioskEvent.BrokerConnection c && !c.connected(), "disconnected");
            for (int i = 0; i < 100; i++) {
                KioskAssembly.await(kiosk.scan(pass("visitor-" + i, VisitorCategory.RESIDENT)));
            }
            kiosk.flushTelemetry().get(30, TimeUnit.SECONDS);
        } finally {
            // Cleared before the broker is back: the kiosk may reconnect before the next line runs.
            synchronized (events) {
                events.clear();
            }
            broker.startAgain();
        }
        fleet.close();
        fleet = MqttWatcher.watching(broker.url(), topics.footfall().toString());
        awaitEvent(e -> e instanceof KioskEvent.BrokerConnection c && c.connected(), "connected again");
        kiosk.flushTelemetry().get(30, TimeUnit.SECONDS);

        FootfallLedger ledger = new FootfallLedger();
        MqttWatcher.Received first = fleet.take(r -> true, "the footfall held through the outage");
        ledger.record(id, footfall(first));
        fleet.rest(Duration.ofSeconds(1)).forEach(r -> ledger.record(id, footfall(r)));
        assertEquals(100, ledger.totals(k -> true, Instant.EPOCH, Instant.now().plus(Duration.ofDays(1))).checkIns());
        assertTrue(JSON.readTree(first.payload()).get("replayed").asBoolean(), "marked as replayed");
    }

    @Test
    void a_signed_notice_is_shown_on_the_home_screen_and_answered_on_the_response_topic() throws Exception {
        Instant until = Instant.now().plus(Duration.ofHours(2));
        Command notice = Command.create(id, new CommandArgs.Notice("今晚卫生间维修", "Toilets closed tonight", until),
                Instant.now(), Duration.ofMinutes(5));

        CommandResult result = send("notice", commandKey.sign(notice).getBytes(StandardCharsets.US_ASCII),
                notice.id());

        assertEquals("ok", result.outcome().code());
        assertEquals(notice.id(), result.command());
        KioskEvent.NoticeShown shown = (KioskEvent.NoticeShown) awaitEvent(
                e -> e instanceof KioskEvent.NoticeShown, "notice shown");
        assertEquals("今晚卫生间维修", shown.notice().zh());
        assertEquals(until, shown.notice().until());
    }

    @Test
    void unsigned_expired_and_malformed_commands_are_refused_with_a_reason() throws Exception {
        Command restart = Command.create(id, new CommandArgs.Restart(), Instant.now(), Duration.ofMinutes(5));
        String claims = new String(Base64.getUrlDecoder().decode(
                commandKey.sign(restart).split("\\.")[1]), StandardCharsets.UTF_8);
        assertEquals("unsigned", send("restart", claims.getBytes(StandardCharsets.UTF_8), "c1").reason());

        Command stale = Command.create(id, new CommandArgs.Resync(), Instant.now().minus(Duration.ofMinutes(10)),
                Duration.ofMinutes(5));
        assertEquals("expired", send("resync", commandKey.sign(stale).getBytes(StandardCharsets.US_ASCII), "c2")
                .reason());

        assertEquals("malformed", send("notice", "not.a.command!".getBytes(StandardCharsets.US_ASCII), "c3")
                .reason());

        Command forged = Command.create(id, new CommandArgs.Restart(), Instant.now(), Duration.ofMinutes(5));
        assertEquals("unknown-key", send("restart",
                CommandSigningKey.generate().sign(forged).getBytes(StandardCharsets.US_ASCII), "c4").reason());

        assertFalse(kiosk.restartRequested().isDone(), "no restart for a refused command");
    }

    @Test
    void diagnostics_answer_with_health_and_recent_log_lines() throws Exception {
        send("notice", "garbage".getBytes(StandardCharsets.US_ASCII), "c0");
        Command diagnostics = Command.create(id, new CommandArgs.Diagnostics(50), Instant.now(), Duration.ofMinutes(5));

        CommandResult result = send("diagnostics", commandKey.sign(diagnostics).getBytes(StandardCharsets.US_ASCII),
                diagnostics.id());

        assertEquals("ok", result.outcome().code());
        assertTrue(result.result().get("health") instanceof Map<?, ?>, () -> result.result().toString());
        List<?> lines = (List<?>) result.result().get("logLines");
        assertTrue(lines.size() <= 50, () -> lines.size() + " log lines");
        assertTrue(lines.stream().anyMatch(line -> line.toString().contains("refused a notice command")),
                () -> "the warning about the refused command is among " + lines);
    }

    @Test
    void config_set_changes_a_safe_setting_now_and_for_the_next_start() throws Exception {
        Command set = Command.create(id, new CommandArgs.ConfigSet("ui.language", "en"), Instant.now(),
                Duration.ofMinutes(5));

        CommandResult result = send("config-set", commandKey.sign(set).getBytes(StandardCharsets.US_ASCII), set.id());

        assertEquals("ok", result.outcome().code());
        awaitEvent(e -> e instanceof KioskEvent.ScreenShown s && s.state().language().code().equals("en"),
                "the home screen in English");
        assertEquals("en", RemoteSettings.read(data.resolve(RemoteSettings.FILE_NAME)).get("ui.language"));
        JsonNode changed = json(fleet.take(r -> r.topic().equals(topics.events().toString())
                && r.text().contains("config-changed"), "a config-changed event"));
        assertEquals("ui.language", changed.get("details").get("key").asText());
    }

    @Test
    void restart_is_answered_before_the_kiosk_asks_to_be_restarted() throws Exception {
        Command restart = Command.create(id, new CommandArgs.Restart(), Instant.now(), Duration.ofMinutes(5));

        CommandResult result = send("restart", commandKey.sign(restart).getBytes(StandardCharsets.US_ASCII),
                restart.id());

        assertEquals("ok", result.outcome().code());
        kiosk.restartRequested().get(10, TimeUnit.SECONDS);
    }

    @Test
    void an_unplugged_device_and_the_help_button_become_events_for_the_staff() throws Exception {
        KioskAssembly.await(kiosk.simulate(devices -> devices.unplug("scanner")));
        sense("help", false);

        JsonNode absent = json(fleet.take(r -> r.topic().equals(topics.events().toString())
                && r.text().contains("device-status"), "a device-status event"));
        assertEquals("scanner", absent.get("device").asText());
        assertEquals("error", absent.get("severity").asText());
        JsonNode help = json(fleet.take(r -> r.topic().equals(topics.events().toString())
                && r.text().contains("help-button"), "a help-button event"));
        assertEquals("warning", help.get("severity").asText());
    }

    @Test
    void a_crisis_reading_alerts_the_staff_through_the_broker_without_saying_who() throws Exception {
        KioskAssembly.await(kiosk.tap("health"));
        KioskAssembly.await(kiosk.tap("consent-keep"));
        KioskAssembly.await(kiosk.scan(pass("resident-9", VisitorCategory.RESIDENT)));
        KioskAssembly.await(kiosk.simulate(devices -> devices.ble(BleNotification.parse("2A35 00 B9 00 64 00 80 00"))));

        MqttWatcher.Received alert = fleet.take(r -> r.topic().equals(topics.events().toString())
                && r.text().contains("crisis-reading"), "a crisis-reading event");
        JsonNode event = json(alert);
        assertEquals("error", event.get("severity").asText());
        assertFalse(alert.text().contains("resident-9"), "no pseudonym in " + alert.text());
        assertFalse(alert.text().contains("185"), "no values in " + alert.text());
    }

    @Test
    void a_hot_pi_becomes_a_system_problem_event_once() throws Exception {
        kiosk.close();
        events.clear();
        startKiosk(List.of("system.probe-interval = 1s"));

        KioskAssembly.await(kiosk.simulate(devices -> devices.system().cpuCelsius(86.0)));

        JsonNode hot = json(fleet.take(r -> r.topic().equals(topics.events().toString())
                && r.text().contains("system-problem"), "a system-problem event"));
        assertEquals("system", hot.get("device").asText());
        assertTrue(hot.get("message").asText().contains("86"), hot.toString());
        assertTrue(fleet.rest(Duration.ofSeconds(3)).stream()
                .noneMatch(r -> r.text().contains("system-problem")), "the same problem is not raised again");
    }

    private CommandResult send(String name, byte[] payload, String correlation) throws Exception {
        fleet.request(topics.command(name).toString(), payload, topics.commandResult().toString(),
                correlation.getBytes(StandardCharsets.UTF_8));
        MqttWatcher.Received answer = fleet.take(r -> r.topic().equals(topics.commandResult().toString()),
                "a cmd-result for " + name);
        return CODEC.decode(answer.payload(), CommandResult.class).decoded().orElseThrow();
    }

    /** Holds a GPIO input at {@code active} past its debounce, then releases it. */
    private void sense(String input, boolean active) {
        KioskAssembly.await(kiosk.simulate(devices -> devices.gpio(input, active)));
        KioskAssembly.await(kiosk.advanceClock(Duration.ofMillis(200)));
        KioskAssembly.await(kiosk.simulate(devices -> devices.gpio(input, !active)));
        KioskAssembly.await(kiosk.advanceClock(Duration.ofMillis(200)));
    }

    private String pass(String subject, VisitorCategory category) {
        return passes.issue(subject, category, "demo", Duration.ofDays(30));
    }

    private KioskEvent awaitEvent(Predicate<KioskEvent> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + MqttWatcher.PATIENCE.toNanos();
        synchronized (events) {
            while (true) {
                for (KioskEvent event : events) {
                    if (wanted.test(event)) {
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + what + " within " + MqttWatcher.PATIENCE + "; events: " + events);
                }
                TimeUnit.NANOSECONDS.timedWait(events, left);
            }
        }
    }

    private static JsonNode json(MqttWatcher.Received received) throws Exception {
        return JSON.readTree(received.payload());
    }

    private static Footfall footfall(MqttWatcher.Received received) {
        return CODEC.decode(received.payload(), Footfall.class).decoded().orElseThrow();
    }
}
