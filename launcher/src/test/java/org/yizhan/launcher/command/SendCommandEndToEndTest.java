package org.yizhan.launcher.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.launcher.CliRun;
import org.yizhan.launcher.broker.EmbeddedBroker;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandResult;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.command.Verification;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.testsupport.command.FakeKiosk;

/** {@code yizhan command} against the demo's embedded broker, with a fake kiosk answering. */
class SendCommandEndToEndTest {

    private static final KioskId KIOSK = KioskId.parse("demo/kiosk-1");
    private static final CommandSigningKey FLEET_KEY = CommandSigningKey.generate();

    @TempDir
    static Path dir;
    private static EmbeddedBroker broker;
    private static String keyFile;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.start(0);
        keyFile = Files.writeString(dir.resolve("command-signing.jwk"), FLEET_KEY.privateJwk()).toString();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void a_notice_the_kiosk_obeys_prints_ok_and_exits_0() throws Exception {
        // given a kiosk that trusts the fleet's key
        FakeKiosk.Responder showNotice = FakeKiosk.obeying(accepted -> {
            CommandArgs.Notice notice = (CommandArgs.Notice) accepted.command().args();
            return CommandResult.ok(nextEnvelope(), accepted.command(), "notice shown until " + notice.until(),
                    Map.of());
        });
        try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), KIOSK, FLEET_KEY.trusted(), showNotice)) {
            // when
            CliRun run = CliRun.of(new SendCommand(), "--key", keyFile, "--broker", broker.url(), "--kiosk", "demo/kiosk-1", "notice",
                    "--zh", "今晚22:00至23:00暂停开放", "--en", "Closed tonight 22:00-23:00",
                    "--until", "2030-03-02T23:00+08:00");

            // then
            assertEquals(0, run.exit, run.toString());
            assertEquals("ok: notice shown until 2030-03-02T15:00:00Z\n", run.out.replace("\r\n", "\n"));
            Verification.Accepted accepted = assertInstanceOf(Verification.Accepted.class,
                    kiosk.arrivals().poll(5, TimeUnit.SECONDS).verification());
            assertEquals(new CommandArgs.Notice("今晚22:00至23:00暂停开放", "Closed tonight 22:00-23:00",
                    Instant.parse("2030-03-02T15:00:00Z")), accepted.command().args());
            assertTrue(run.err.startsWith("sent notice " + accepted.command().id() + " to demo/kiosk-1 through "
                    + broker.url() + "; waiting up to 10s for the answer"), run.toString());
        }
    }

    @Test
    void a_command_the_kiosk_rejects_prints_the_reason_and_exits_1() throws Exception {
        // given a kiosk that trusts another fleet key
        try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), KIOSK, CommandSigningKey.generate().trusted(),
                FakeKiosk.obeying(accepted -> CommandResult.ok(nextEnvelope(), accepted.command(), "restarting",
                        Map.of())))) {
            // when
            CliRun run = CliRun.of(new SendCommand(), "--key", keyFile, "--broker", broker.url(), "--kiosk", "demo/kiosk-1", "restart");

            // then
            assertEquals(1, run.exit, run.toString());
            assertTrue(run.out.startsWith("rejected: unknown-key — "), run.toString());
            assertInstanceOf(Verification.Rejected.class, kiosk.arrivals().poll(5, TimeUnit.SECONDS).verification());
        }
    }

    @Test
    void diagnostics_print_the_result_as_a_tree_and_json_prints_the_answer_as_it_arrived() throws Exception {
        // given a kiosk that answers diagnostics with a snapshot
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("cpuCelsius", 51.5);
        system.put("throttled", false);
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("system", system);
        snapshot.put("logLines", List.of("12:00:01 INFO started", "12:00:02 WARN scanner is absent"));
        try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), KIOSK, FLEET_KEY.trusted(),
                FakeKiosk.obeying(accepted -> CommandResult.ok(nextEnvelope(), accepted.command(), "2 log lines",
                        snapshot)))) {
            // when
            CliRun readable = CliRun.of(new SendCommand(), "--key", keyFile, "--broker", broker.url(), "--kiosk", "demo/kiosk-1",
                    "diagnostics", "--log-lines", "2");
            CliRun json = CliRun.of(new SendCommand(), "--key", keyFile, "--broker", broker.url(), "--kiosk", "demo/kiosk-1",
                    "diagnostics", "--json");

            // then
            assertEquals(0, readable.exit, readable.toString());
            assertEquals(String.join("\n",
                    "ok: 2 log lines",
                    "system:",
                    "  cpuCelsius: 51.5",
                    "  throttled: false",
                    "logLines:",
                    "  - 12:00:01 INFO started",
                    "  - 12:00:02 WARN scanner is absent",
                    ""), readable.out.replace("\r\n", "\n"));
            assertEquals(0, json.exit, json.toString());
            JsonNode answer = new ObjectMapper().readTree(json.out);
            assertEquals("ok", answer.get("outcome").asText());
            assertEquals(51.5, answer.get("result").get("system").get("cpuCelsius").asDouble());
            Verification.Accepted first = assertInstanceOf(Verification.Accepted.class,
                    kiosk.arrivals().poll().verification());
            assertEquals(new CommandArgs.Diagnostics(2), first.command().args());
        }
    }

    @Test
    void a_config_set_arrives_as_typed() throws Exception {
        try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), KIOSK, FLEET_KEY.trusted(),
                FakeKiosk.obeying(accepted -> CommandResult.ok(nextEnvelope(), accepted.command(),
                        "ui.large-text is true", Map.of())))) {
            CliRun run = CliRun.of(new SendCommand(), "config-set", "ui.large-text", "true", "--key", keyFile, "--broker", broker.url(),
                    "--kiosk", "demo/kiosk-1");

            assertEquals(0, run.exit, run.toString());
            Verification.Accepted accepted = assertInstanceOf(Verification.Accepted.class,
                    kiosk.arrivals().poll(5, TimeUnit.SECONDS).verification());
            assertEquals(new CommandArgs.ConfigSet("ui.large-text", "true"), accepted.command().args());
        }
    }

    @Test
    void without_a_kiosk_it_says_so_and_exits_3() {
        // when no kiosk is subscribed
        CliRun run = CliRun.of(new SendCommand(), "--key", keyFile, "--broker", broker.url(), "--kiosk", "demo/kiosk-9", "--wait", "1s",
                "resync");

        // then
        assertEquals(3, run.exit, run.toString());
        assertEquals("", run.out);
        assertTrue(run.err.contains("command: no answer from demo/kiosk-9 within 1 s: the kiosk is offline or not"
                + " subscribed (the command stays valid until "), run.toString());
    }

    private static Envelope nextEnvelope() {
        return Envelope.next(1, Instant.now());
    }
}
