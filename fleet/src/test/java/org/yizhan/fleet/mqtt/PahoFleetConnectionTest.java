package org.yizhan.fleet.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.connection.FleetConnectionException;
import org.yizhan.fleet.connection.FleetConnectionSettings;
import org.yizhan.fleet.connection.IncomingMessage;
import org.yizhan.fleet.connection.OutgoingMessage;
import org.yizhan.fleet.connection.Subscription;
import org.yizhan.fleet.connection.SubscriptionListener;
import org.yizhan.testsupport.mqtt.EmbeddedTestBroker;
import org.yizhan.testsupport.mqtt.Loopback;

class PahoFleetConnectionTest {

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
    void a_request_arrives_with_its_response_topic_and_correlation_data() throws Exception {
        try (PahoFleetConnection sender = connect("sender"); PahoFleetConnection receiver = connect("receiver")) {
            // given
            BlockingQueue<IncomingMessage> received = new LinkedBlockingQueue<>();
            receiver.subscribe("yizhan/v1/demo/+/cmd/+", received::add).toCompletableFuture().get(10, TimeUnit.SECONDS);

            // when
            sender.publish(OutgoingMessage.request("yizhan/v1/demo/kiosk-1/cmd/restart", bytes("token"),
                    "yizhan/v1/demo/kiosk-1/cmd-result", bytes("01ID"))).toCompletableFuture().get(10, TimeUnit.SECONDS);

            // then
            IncomingMessage message = received.poll(10, TimeUnit.SECONDS);
            assertEquals("yizhan/v1/demo/kiosk-1/cmd/restart", message.topic());
            assertArrayEquals(bytes("token"), message.payload());
            assertFalse(message.retained());
            assertEquals("yizhan/v1/demo/kiosk-1/cmd-result", message.responseTopic());
            assertArrayEquals(bytes("01ID"), message.correlationData());
        }
    }

    @Test
    void subscriptions_to_one_filter_share_it_until_the_last_one_closes() throws Exception {
        try (PahoFleetConnection sender = connect("sender"); PahoFleetConnection receiver = connect("receiver")) {
            // given two subscriptions to the same filter
            BlockingQueue<IncomingMessage> first = new LinkedBlockingQueue<>();
            BlockingQueue<IncomingMessage> second = new LinkedBlockingQueue<>();
            String filter = "yizhan/v1/demo/kiosk-2/cmd-result";
            Subscription one = receiver.subscribe(filter, first::add).toCompletableFuture().get(10, TimeUnit.SECONDS);
            receiver.subscribe(filter, second::add).toCompletableFuture().get(10, TimeUnit.SECONDS);

            // when the first closes
            one.close();
            publish(sender, filter, "after");

            // then the second still receives, the first no more
            assertArrayEquals(bytes("after"), second.poll(10, TimeUnit.SECONDS).payload());
            assertNull(first.poll(300, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void a_listener_sees_only_messages_its_filter_matches() throws Exception {
        try (PahoFleetConnection sender = connect("sender"); PahoFleetConnection receiver = connect("receiver")) {
            // given
            BlockingQueue<IncomingMessage> kiosk3 = new LinkedBlockingQueue<>();
            BlockingQueue<IncomingMessage> everyone = new LinkedBlockingQueue<>();
            receiver.subscribe("yizhan/v1/demo/kiosk-3/cmd-result", kiosk3::add).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            receiver.subscribe("yizhan/v1/+/+/cmd-result", everyone::add).toCompletableFuture().get(10, TimeUnit.SECONDS);

            // when
            publish(sender, "yizhan/v1/demo/kiosk-4/cmd-result", "for 4");
            publish(sender, "yizhan/v1/demo/kiosk-3/cmd-result", "for 3");

            // then
            assertArrayEquals(bytes("for 3"), kiosk3.poll(10, TimeUnit.SECONDS).payload());
            assertNull(kiosk3.poll(300, TimeUnit.MILLISECONDS));
            assertEquals(Set.of("yizhan/v1/demo/kiosk-4/cmd-result", "yizhan/v1/demo/kiosk-3/cmd-result"),
                    Set.of(everyone.poll(10, TimeUnit.SECONDS).topic(), everyone.poll(10, TimeUnit.SECONDS).topic()));
        }
    }

    @Test
    void an_unreachable_broker_is_one_clear_line() throws Exception {
        // given
        String url = Loopback.tcpUrl(Loopback.freePort());

        // when
        FleetConnectionException e = assertThrows(FleetConnectionException.class,
                () -> PahoFleetConnection.connect(FleetConnectionSettings.anonymous(url, "nobody")));

        // then
        assertTrue(e.getMessage().startsWith("cannot connect to " + url + ": cannot reach the broker"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void a_lost_connection_tells_each_listener_once_and_fails_what_follows() throws Exception {
        try (PahoFleetConnection connection = connect("twin")) {
            // given
            BlockingQueue<String> lost = new LinkedBlockingQueue<>();
            connection.subscribe("yizhan/v1/+/+/state", new SubscriptionListener() {
                @Override
                public void messageArrived(IncomingMessage message) {
                }

                @Override
                public void connectionLost(String reason) {
                    lost.add(reason);
                }
            }).toCompletableFuture().get(10, TimeUnit.SECONDS);

            // when a second client with the same id takes the session over
            try (PahoFleetConnection twin = connect("twin")) {
                // then
                String reason = lost.poll(10, TimeUnit.SECONDS);
                assertTrue(reason.contains("session taken over (0x8E)"), reason);
                assertNull(lost.poll(300, TimeUnit.MILLISECONDS));
                ExecutionException e = assertThrows(ExecutionException.class, () -> connection.publish(
                        new OutgoingMessage("yizhan/v1/demo/kiosk-1/cmd/resync", bytes("x"), 1, false, null, null))
                        .toCompletableFuture().get(10, TimeUnit.SECONDS));
                assertTrue(e.getCause().getMessage().startsWith("not connected to " + broker.url()),
                        e.getCause().getMessage());
                // while the client that took over works
                publish(twin, "yizhan/v1/demo/kiosk-1/cmd/resync", "x");
            }
        }
    }

    @Test
    void after_close_publishing_fails_with_a_reason() throws Exception {
        // given
        PahoFleetConnection connection = connect("closing");
        connection.close();

        // when
        ExecutionException e = assertThrows(ExecutionException.class, () -> connection.publish(
                new OutgoingMessage("yizhan/v1/demo/kiosk-1/cmd/resync", bytes("x"), 1, false, null, null))
                .toCompletableFuture().get(10, TimeUnit.SECONDS));

        // then
        FleetConnectionException cause = assertInstanceOf(FleetConnectionException.class, e.getCause());
        assertEquals("the connection to " + broker.url() + " is closed", cause.getMessage());
    }

    @Test
    void a_filter_with_a_misplaced_wildcard_is_refused_at_once() throws Exception {
        try (PahoFleetConnection connection = connect("filters")) {
            assertThrows(IllegalArgumentException.class, () -> connection.subscribe("yizhan/#/state", m -> { }));
            assertThrows(IllegalArgumentException.class, () -> connection.subscribe("yizhan/v1+", m -> { }));
        }
    }

    @Test
    void filters_match_as_mqtt_says() {
        assertTrue(PahoFleetConnection.matches("yizhan/v1/+/+/#", "yizhan/v1/demo/kiosk-1/cmd/restart"));
        assertTrue(PahoFleetConnection.matches("yizhan/v1/demo/kiosk-1/#", "yizhan/v1/demo/kiosk-1"));
        assertTrue(PahoFleetConnection.matches("$share/console/yizhan/v1/+/+/state", "yizhan/v1/demo/kiosk-1/state"));
        assertFalse(PahoFleetConnection.matches("yizhan/v1/+/+/state", "yizhan/v1/demo/kiosk-1/health"));
        assertFalse(PahoFleetConnection.matches("yizhan/v1/+/+", "yizhan/v1/demo/kiosk-1/state"));
        assertFalse(PahoFleetConnection.matches("#", "$SYS/broker/uptime"));
    }

    private static PahoFleetConnection connect(String clientId) {
        return PahoFleetConnection.connect(FleetConnectionSettings.anonymous(broker.url(), clientId));
    }

    private static void publish(PahoFleetConnection connection, String topic, String payload) throws Exception {
        connection.publish(new OutgoingMessage(topic, bytes(payload), 1, false, null, null)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
