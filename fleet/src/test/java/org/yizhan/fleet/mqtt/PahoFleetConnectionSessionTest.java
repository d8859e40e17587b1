package org.yizhan.fleet.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.connection.IncomingMessage;
import org.yizhan.fleet.connection.OutgoingMessage;
import org.yizhan.fleet.connection.SubscriptionListener;
import org.yizhan.testsupport.mqtt.EmbeddedTestBroker;

/** Persistent sessions, the session listener and manual acknowledgement, against a real broker. */
class PahoFleetConnectionSessionTest {

    private static final String FILTER = "yizhan/v1/+/+/footfall";

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

    private static FleetConnectionSettings console(String clientId) {
        return FleetConnectionSettings.anonymous(broker.url(), clientId).withPersistentSession(Duration.ofMinutes(10))
                .withManualAcknowledgement();
    }

    private static void publish(String topic, String text) throws Exception {
        try (PahoFleetConnection kiosk = PahoFleetConnection.connect(FleetConnectionSettings.anonymous(broker.url(),
                "kiosk-" + System.nanoTime()))) {
            kiosk.publish(new OutgoingMessage(topic, text.getBytes(StandardCharsets.UTF_8), 1, false, null, null))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_message_not_yet_acknowledged_comes_again_to_the_next_connection_of_the_session() throws Exception {
        // given a console with a persistent session that received a message and did not acknowledge it
        BlockingQueue<IncomingMessage> received = new LinkedBlockingQueue<>();
        try (PahoFleetConnection first = PahoFleetConnection.connect(console("console-acks"), received::add)) {
            first.subscribe(FILTER, received::add).toCompletableFuture().get(10, TimeUnit.SECONDS);
            publish("yizhan/v1/demo/kiosk-1/footfall", "bucket 1");
            IncomingMessage message = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(message.acknowledgement());
        }

        // when the console connects again, before it subscribes
        IncomingMessage again;
        try (PahoFleetConnection second = PahoFleetConnection.connect(console("console-acks"), received::add)) {
            // then the broker sends it again, to the session listener
            assertEquals(broker.url(), second.url());
            again = received.poll(10, TimeUnit.SECONDS);
            assertArrayEquals("bucket 1".getBytes(StandardCharsets.UTF_8), again.payload());
            again.acknowledge();
            again.acknowledge();
            Thread.sleep(300);
        }

        // and once acknowledged, never again
        try (PahoFleetConnection third = PahoFleetConnection.connect(console("console-acks"), received::add)) {
            assertEquals(broker.url(), third.url());
            assertNull(received.poll(1, TimeUnit.SECONDS));
        }
    }

    @Test
    void messages_sent_while_the_console_was_away_reach_the_session_listener_and_its_loss_is_told() throws Exception {
        try (PahoFleetConnection first = PahoFleetConnection.connect(console("console-away"), null)) {
            first.subscribe(FILTER, m -> m.acknowledge()).toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        publish("yizhan/v1/demo/kiosk-2/footfall", "while away");

        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        SubscriptionListener sessionListener = new SubscriptionListener() {
            @Override
            public void messageArrived(IncomingMessage message) {
                events.add(new String(message.payload(), StandardCharsets.UTF_8));
                message.acknowledge();
            }

            @Override
            public void connectionLost(String reason) {
                events.add("lost: " + reason);
            }
        };
        try (PahoFleetConnection back = PahoFleetConnection.connect(console("console-away"), sessionListener)) {
            assertEquals("while away", events.poll(10, TimeUnit.SECONDS));
            assertEquals(broker.url(), back.url());
            // a second connection with the same id takes the session over
            try (PahoFleetConnection twin = PahoFleetConnection.connect(console("console-away"), null)) {
                assertEquals(broker.url(), twin.url());
                String lost = events.poll(10, TimeUnit.SECONDS);
                assertTrue(lost.startsWith("lost: ") && lost.contains("session taken over"), lost);
            }
        }
    }

    @Test
    void a_session_expiry_beyond_what_mqtt_can_say_is_refused() {
        FleetConnectionSettings settings = FleetConnectionSettings.anonymous(broker.url(), "x");
        assertThrows(IllegalArgumentException.class, () -> settings.withPersistentSession(Duration.ofDays(50_000)));
        assertThrows(IllegalArgumentException.class, () -> settings.withPersistentSession(Duration.ZERO));
        assertEquals(Duration.ZERO, settings.sessionExpiry());
    }
}
