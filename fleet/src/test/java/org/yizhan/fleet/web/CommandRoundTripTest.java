package org.yizhan.fleet.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.command.CommandSender;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.mqtt.PahoFleetConnection;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.command.Verification;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.testsupport.command.FakeKiosk;
import org.yizhan.testsupport.mqtt.EmbeddedTestBroker;

/**
 * A command from the console's API to a kiosk and back, through a real broker: signed with the fleet's key by
 * the real {@link CommandSender}, verified by a {@link FakeKiosk} with the real verifier.
 */
class CommandRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CommandSigningKey FLEET_KEY = CommandSigningKey.generate();

    @TempDir
    static Path dir;
    private static EmbeddedTestBroker broker;
    private static PahoFleetConnection connection;
    private static TestConsole console;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedTestBroker.start(dir);
        connection = PahoFleetConnection.connect(FleetConnectionSettings.anonymous(broker.url(), "console-test"));
        console = TestConsole.start(new CommandSender(connection, FLEET_KEY, Clock.systemUTC())::send);
    }

    @AfterAll
    static void stop() throws Exception {
        console.close();
        connection.close();
        broker.close();
    }

    @Test
    void a_notice_reaches_the_kiosk_signed_and_its_answer_comes_back() throws Exception {
        try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), SampleFleet.PUJIN_1, FLEET_KEY.trusted(),
                FakeKiosk::obey)) {
            ConsoleClient client = console.loggedIn();

            JsonNode sent = JSON.readTree(client.postJson("/api/v1/kiosks/pujin/kiosk-1/commands",
                    "{\"name\":\"notice\",\"zh\":\"今晚暂停开放\",\"minutes\":30}").body());

            FakeKiosk.Arrival arrival = kiosk.arrivals().poll(20, TimeUnit.SECONDS);
            Verification.Accepted accepted = assertInstanceOf(Verification.Accepted.class, arrival.verification());
            assertEquals(sent.get("id").asText(), accepted.command().id());
            assertEquals("今晚暂停开放", ((CommandArgs.Notice) accepted.command().args()).zh());
            JsonNode answered = until(client, sent.get("id").asText());
            assertEquals("ok", answered.get("status").asText());
            assertEquals("done", answered.get("message").asText());
        }
    }

    @Test
    void a_kiosk_that_trusts_another_key_refuses_and_the_console_shows_why() throws Exception {
        KioskId id = KioskId.parse("pujin/kiosk-3");
        try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), id, CommandSigningKey.generate().trusted(),
                FakeKiosk::obey)) {
            ConsoleClient client = console.loggedIn();

            JsonNode sent = JSON.readTree(client.postJson("/api/v1/kiosks/pujin/kiosk-3/commands",
                    "{\"name\":\"restart\"}").body());

            JsonNode answered = until(client, sent.get("id").asText());
            assertEquals("rejected", answered.get("status").asText());
            assertEquals("unknown-key", answered.get("reason").asText());
        }
    }

    /** The command's status once it is no longer waiting. */
    private static JsonNode until(ConsoleClient client, String id) throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonNode status = JSON.readTree(client.get("/api/v1/commands/" + id).body());
            if (!status.get("status").asText().equals("waiting")) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("command " + id + " still waiting after 20 s");
    }
}
