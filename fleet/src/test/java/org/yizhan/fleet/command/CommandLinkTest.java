package org.yizhan.fleet.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.mqtt.PahoFleetConnection;
import org.yizhan.protocol.command.CommandArgs;
import org.yizhan.protocol.command.CommandOutcome;
import org.yizhan.protocol.command.CommandSigningKey;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.testsupport.command.FakeKiosk;
import org.yizhan.testsupport.mqtt.EmbeddedTestBroker;

/** The console's commands outlive a broker restart: refused while it is down, sent again once it is back. */
class CommandLinkTest {

    private static final KioskId KIOSK = KioskId.parse("demo/kiosk-1");
    private static final CommandSigningKey FLEET_KEY = CommandSigningKey.generate();
    private static final CommandArgs NOTICE = new CommandArgs.Notice("今晚暂停开放", "Closed tonight",
            Instant.parse("2030-01-01T00:00:00Z"));

    @TempDir
    static Path dir;
    private static EmbeddedTestBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedTestBroker.start(dir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void a_command_after_the_broker_came_back_is_sent_on_a_new_connection() throws Exception {
        AtomicInteger connects = new AtomicInteger();
        try (CommandLink link = new CommandLink((settings, listener) -> {
            connects.incrementAndGet();
            return PahoFleetConnection.connect(settings, listener);
        }, FleetConnectionSettings.anonymous(broker.url(), "console-commands"), FLEET_KEY, Clock.systemUTC())) {
            // a first command connects and is answered
            try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), KIOSK, FLEET_KEY.trusted(), FakeKiosk::obey)) {
                assertAnswered(link.send(KIOSK, NOTICE, Duration.ofMinutes(5), Duration.ofSeconds(10)));
            }

            // while the broker is down a command is not sent, and says so
            broker.stop();
            ExecutionException notSent = assertThrows(ExecutionException.class,
                    () -> link.send(KIOSK, NOTICE, Duration.ofMinutes(5), Duration.ofSeconds(2)).reply()
                            .get(20, TimeUnit.SECONDS));
            assertInstanceOf(CommandNotSentException.class, notSent.getCause());
            assertTrue(notSent.getCause().getMessage().contains("notice"), notSent.getCause().getMessage());

            // and once it is back, the next command goes out on a new connection
            broker.startAgain();
            try (FakeKiosk kiosk = FakeKiosk.start(broker.url(), KIOSK, FLEET_KEY.trusted(), FakeKiosk::obey)) {
                assertAnswered(link.send(KIOSK, NOTICE, Duration.ofMinutes(5), Duration.ofSeconds(10)));
            }
            assertTrue(connects.get() >= 2, "connected " + connects.get() + " times");
        }
    }

    private static void assertAnswered(PendingCommand pending) throws Exception {
        CommandReply reply = pending.reply().get(20, TimeUnit.SECONDS);
        CommandReply.Answered answered = assertInstanceOf(CommandReply.Answered.class, reply);
        assertEquals(CommandOutcome.OK, answered.result().outcome());
    }
}
