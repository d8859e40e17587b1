package org.yizhan.fleet.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.mqtt.PahoFleetConnection;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.command.Command;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandOutcome;
import org.yizhan.protocol.command.CommandResult;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.command.Verification;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.testsupport.command.FakeKiosk;
import org.yizhan.testsupport.mqtt.EmbeddedTestBroker;

class CommandSenderTest {

    private static final KioskId KIOSK = KioskId.parse("demo/kiosk-1");
    private static final CommandSigningKey FLEET_KEY = CommandSigningKey.generate();
    private static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final CommandArgs NOTICE = new CommandArgs.Notice("今晚暂停开放", "Closed tonight",
            Instant.parse("2030-01-01T00:00:00Z"));

    @TempDir
    static Path dir;
    private static EmbeddedTestBroker broker;

    private final PayloadCodec codec = new PayloadCodec();
    private PahoFleetConnection connection;
    private CommandSender sender;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedTestBroker.start(dir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @BeforeEach
    void connect() {
        connection = PahoFleetConnection.connect(FleetConnectionSettings.anonymous(broker.url(), "fleet-test"));
        sender = new CommandSender(connection, FLEET_KEY, Clock.systemUTC());
    }

    @AfterEach
    void disconnect() {
        connection.close();
    }

    @Test
    void publishes_the_signed_command_as_the_contract_says_and_returns_the_answer_matched_by_correlation()
            throws Exception {
        try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), KIOSK, FLEET_KEY.trusted(), FakeKiosk::obey)) {
            // when
            PendingCommand pending = sender.send(KIOSK, NOTICE, VALIDITY, WAIT);
            CommandReply reply = pending.reply().get(20, TimeUnit.SECONDS);

            // then the kiosk got it at QoS 1, not retained, asking for the answer on its cmd-result
            Command command = pending.command();
            assertEquals(command, reply.command());
            FakeKiosk.Arrival arrival = kiosk.arrivals().poll(5, TimeUnit.SECONDS);
            assertEquals("yizhan/v1/demo/kiosk-1/cmd/notice", arrival.topic());
            assertEquals(1, arrival.qos());
            assertFalse(arrival.retained());
            assertEquals("yizhan/v1/demo/kiosk-1/cmd-result", arrival.responseTopic());
            assertArrayEquals(command.id().getBytes(StandardCharsets.UTF_8), arrival.correlationData());
            Verification.Accepted accepted = assertInstanceOf(Verification.Accepted.class, arrival.verification());
            assertEquals(command, accepted.command());
            assertEquals(command.ts().plus(VALIDITY), command.notAfter());
            // and its answer came back
            CommandReply.Answered answered = assertInstanceOf(CommandReply.Answered.class, reply);
            assertEquals(CommandOutcome.OK, answered.result().outcome());
            assertEquals(command.id(), answered.result().command());
            assertEquals("done", answered.result().message());
            assertTrue(answered.json().contains("\"outcome\":\"ok\""), answered.json());
        }
    }

    @Test
    void an_answer_to_another_command_is_ignored() throws Exception {
        // given a kiosk that first answers some other command, with that command's correlation data
        Command other = Command.create(KIOSK, new CommandArgs.Restart(), Instant.now(), VALIDITY);
        FakeKiosk.Responder decoyFirst = (arrival, kiosk) -> List.of(
                new FakeKiosk.Answer(answerTo(other, "the other command's answer"),
                        other.id().getBytes(StandardCharsets.UTF_8)),
                new FakeKiosk.Answer(kiosk.resultFor(arrival, "this command's answer"), arrival.correlationData()));
        try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), KIOSK, FLEET_KEY.trusted(), decoyFirst)) {
            // when
            CommandReply reply = sender.send(KIOSK, NOTICE, VALIDITY, WAIT).reply().get(20, TimeUnit.SECONDS);

            // then
            CommandReply.Answered answered = assertInstanceOf(CommandReply.Answered.class, reply);
            assertEquals("this command's answer", answered.result().message());
            assertEquals(reply.command().id(), answered.result().command());
            assertEquals(1, kiosk.arrivals().size());
        }
    }

    @Test
    void answers_to_other_commands_alone_end_in_no_answer() throws Exception {
        // given a kiosk that answers, but with another command's correlation data and id
        Command other = Command.create(KIOSK, new CommandArgs.Restart(), Instant.now(), VALIDITY);
        FakeKiosk.Responder wrongOnly = (arrival, kiosk) -> List.of(
                new FakeKiosk.Answer(answerTo(other, "not yours"), other.id().getBytes(StandardCharsets.UTF_8)));
        try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), KIOSK, FLEET_KEY.trusted(), wrongOnly)) {
            // when
            CommandReply reply = sender.send(KIOSK, NOTICE, VALIDITY, Duration.ofSeconds(1)).reply()
                    .get(20, TimeUnit.SECONDS);

            // then
            assertInstanceOf(CommandReply.NoAnswer.class, reply);
            assertEquals(1, kiosk.arrivals().size());
        }
    }

    @Test
    void without_correlation_data_the_answer_is_matched_by_its_command_member() throws Exception {
        // given a kiosk behind a broker that drops MQTT 5 properties: answers carry no correlation data
        Command other = Command.create(KIOSK, new CommandArgs.Restart(), Instant.now(), VALIDITY);
        FakeKiosk.Responder noProperties = (arrival, kiosk) -> List.of(
                new FakeKiosk.Answer(answerTo(other, "not yours"), null),
                new FakeKiosk.Answer("not json".getBytes(StandardCharsets.UTF_8), null),
                new FakeKiosk.Answer(kiosk.resultFor(arrival, "yours"), null));
        try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), KIOSK, FLEET_KEY.trusted(), noProperties)) {
            // when
            CommandReply reply = sender.send(KIOSK, NOTICE, VALIDITY, WAIT).reply().get(20, TimeUnit.SECONDS);

            // then
            CommandReply.Answered answered = assertInstanceOf(CommandReply.Answered.class, reply);
            assertEquals("yours", answered.result().message());
            assertEquals(1, kiosk.arrivals().size());
        }
    }

    @Test
    void a_refusal_by_the_kiosk_is_an_answer_with_its_reason() throws Exception {
        // given a kiosk that trusts another fleet key
        try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), KIOSK, CommandSigningKey.generate().trusted(),
                FakeKiosk::obey)) {
            // when
            CommandReply reply = sender.send(KIOSK, NOTICE, VALIDITY, WAIT).reply().get(20, TimeUnit.SECONDS);

            // then
            CommandResult result = assertInstanceOf(CommandReply.Answered.class, reply).result();
            assertEquals(CommandOutcome.REJECTED, result.outcome());
            assertEquals("unknown-key", result.reason());
            assertEquals(reply.command().id(), result.command());
            assertInstanceOf(Verification.Rejected.class, kiosk.arrivals().poll().verification());
        }
    }

    @Test
    void an_unreadable_answer_to_this_command_is_reported_as_such() throws Exception {
        // given
        FakeKiosk.Responder garbage = (arrival, kiosk) -> List.of(new FakeKiosk.Answer(
                "{\"schema\":1}".getBytes(StandardCharsets.UTF_8), arrival.correlationData()));
        try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), KIOSK, FLEET_KEY.trusted(), garbage)) {
            // when
            CommandReply reply = sender.send(KIOSK, NOTICE, VALIDITY, WAIT).reply().get(20, TimeUnit.SECONDS);

            // then
            CommandReply.Unreadable unreadable = assertInstanceOf(CommandReply.Unreadable.class, reply);
            assertEquals("{\"schema\":1}", unreadable.payload());
            assertFalse(unreadable.problem().isBlank());
            assertEquals(1, kiosk.arrivals().size());
        }
    }

    @Test
    void without_a_kiosk_the_wait_ends_in_no_answer_saying_why() throws Exception {
        // when no kiosk is subscribed
        CommandReply reply = sender.send(KIOSK, new CommandArgs.Resync(), VALIDITY, Duration.ofSeconds(1)).reply()
                .get(20, TimeUnit.SECONDS);

        // then
        CommandReply.NoAnswer noAnswer = assertInstanceOf(CommandReply.NoAnswer.class, reply);
        assertEquals("no answer from demo/kiosk-1 within 1 s: the kiosk is offline or not subscribed",
                noAnswer.message());
    }

    @Test
    void a_connection_lost_while_waiting_ends_in_no_answer_saying_so() throws Exception {
        // given a kiosk that takes the command but never answers
        try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), KIOSK, FLEET_KEY.trusted(), (arrival, k) -> List.of())) {
            CompletableFuture<CommandReply> reply = sender.send(KIOSK, NOTICE, VALIDITY, WAIT).reply();
            kiosk.arrivals().poll(10, TimeUnit.SECONDS);

            // when another client takes over the fleet's session
            PahoFleetConnection twin = PahoFleetConnection.connect(
                    FleetConnectionSettings.anonymous(broker.url(), "fleet-test"));
            try {
                // then
                CommandReply.NoAnswer noAnswer = assertInstanceOf(CommandReply.NoAnswer.class,
                        reply.get(20, TimeUnit.SECONDS));
                assertTrue(noAnswer.message().startsWith("the connection to " + broker.url()
                        + " was lost before demo/kiosk-1 answered ("), noAnswer.message());
            } finally {
                twin.close();
            }
        }
    }

    @Test
    void several_commands_to_one_kiosk_at_once_each_get_their_own_answer() throws Exception {
        // given a kiosk that names the command in its message
        FakeKiosk.Responder echo = (arrival, kiosk) -> List.of(new FakeKiosk.Answer(
                kiosk.resultFor(arrival, new String(arrival.correlationData(), StandardCharsets.UTF_8)),
                arrival.correlationData()));
        try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), KIOSK, FLEET_KEY.trusted(), echo)) {
            // when
            List<CompletableFuture<CommandReply>> replies = List.of(
                    sender.send(KIOSK, new CommandArgs.Resync(), VALIDITY, WAIT).reply(),
                    sender.send(KIOSK, new CommandArgs.Diagnostics(10), VALIDITY, WAIT).reply(),
                    sender.send(KIOSK, NOTICE, VALIDITY, WAIT).reply());

            // then
            for (CompletableFuture<CommandReply> future : replies) {
                CommandReply reply = future.get(20, TimeUnit.SECONDS);
                CommandResult result = assertInstanceOf(CommandReply.Answered.class, reply).result();
                assertEquals(reply.command().id(), result.message());
                assertEquals(reply.command().name().code(), result.name());
            }
            assertEquals(3, kiosk.arrivals().size());
        }
    }

    @Test
    void a_command_over_a_closed_connection_is_not_sent() {
        // given
        connection.close();

        // when
        CompletableFuture<CommandReply> reply = sender.send(KIOSK, new CommandArgs.Restart(), VALIDITY, WAIT).reply();

        // then
        ExecutionException e = assertThrows(ExecutionException.class, () -> reply.get(20, TimeUnit.SECONDS));
        CommandNotSentException notSent = assertInstanceOf(CommandNotSentException.class, e.getCause());
        assertTrue(notSent.getMessage().contains("is closed"), notSent.getMessage());
    }

    @Test
    void waits_read_as_a_maintainer_would_write_them() {
        assertEquals("10 s", CommandSender.readable(Duration.ofSeconds(10)));
        assertEquals("500 ms", CommandSender.readable(Duration.ofMillis(500)));
        assertEquals("1.5 s", CommandSender.readable(Duration.ofMillis(1500)));
        assertEquals("90 s", CommandSender.readable(Duration.ofSeconds(90)));
        assertEquals("5 min", CommandSender.readable(Duration.ofMinutes(5)));
    }

    private byte[] answerTo(Command command, String message) {
        return codec.encode(CommandResult.ok(Envelope.next(1, Instant.now()), command, message, Map.of()));
    }
}
