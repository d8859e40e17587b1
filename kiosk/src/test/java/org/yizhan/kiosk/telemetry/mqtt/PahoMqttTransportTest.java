package org.yizhan.kiosk.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.kiosk.telemetry.ConnectionEvent;
import org.yizhan.kiosk.telemetry.MqttConfig;
import org.yizhan.kiosk.telemetry.PublishFailedException;
import org.yizhan.kiosk.telemetry.ReceivedCommand;
import org.yizhan.kiosk.telemetry.ReconnectBackoff;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.state.Presence;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.Topics;
import org.yizhan.testsupport.mqtt.EmbeddedTestBroker;
import org.yizhan.testsupport.mqtt.MqttWatcher;
import org.yizhan.testsupport.mqtt.TcpRelay;

/**
 * {@link PahoMqttTransport} against a real broker (embedded HiveMQ CE) over real TCP, observed from the fleet's
 * side by a second client. Network trouble is made with a {@link TcpRelay} between kiosk and broker, and by
 * restarting the broker. One broker for the whole class: it takes seconds to start and stop.
 */
class PahoMqttTransportTest {

    /** Short, so that reconnect tests take a second, not a minute. */
    private static final ReconnectBackoff FAST = new ReconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(400));
    private static final AtomicInteger KIOSKS = new AtomicInteger();

    @TempDir
    static Path dir;
    private static EmbeddedTestBroker broker;

    private final PayloadCodec codec = new PayloadCodec();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final KioskId kiosk = new KioskId("test", "kiosk-" + KIOSKS.incrementAndGet());
    private final Topics topics = Topics.of(kiosk);
    private final TestBirth birth = new TestBirth();
    private final Events events = new Events();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedTestBroker.start(dir);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void announces_itself_on_connect_with_a_retained_online_state_and_birth() throws Exception {
        // given
        PahoMqttTransport transport = transport(broker.url());

        // when
        transport.start();
        ConnectionEvent.Connected connected = events.next(ConnectionEvent.Connected.class);

        // then: a console that subscribes afterwards gets both from the broker's retained store
        MqttWatcher console = observe(topics.state().toString(), topics.birth().toString());
        KioskState state = state(console.take(m -> m.topic().equals(topics.state().toString()), "state"));
        assertEquals(Presence.ONLINE, state.state());
        assertEquals(connected.birthSeq(), state.birthSeq());
        assertEquals(birth.issued().get(0), connected.birthSeq());
        MqttWatcher.Received inventory = console.take(m -> m.topic().equals(topics.birth().toString()), "birth");
        assertTrue(inventory.retained());
        assertArrayEquals(TestBirth.payload(connected.birthSeq()), inventory.payload());
        assertTrue(transport.connected());
    }

    @Test
    void a_qos1_publish_completes_only_when_the_brokers_puback_arrives() throws Exception {
        // given a connection whose replies from the broker are held back
        TcpRelay proxy = proxy().listen();
        PahoMqttTransport transport = started(proxy.url());
        MqttWatcher console = observe(topics.footfall().toString());
        proxy.holdReplies();

        // when
        CompletableFuture<Void> published = transport.publish(topics.footfall().toString(), bytes("bucket-1"), 1, false)
                .toCompletableFuture();

        // then the broker has it, but the kiosk does not count it as published before the PUBACK
        assertEquals("bucket-1", console.take(m -> true, "footfall").text());
        assertFalse(published.isDone());
        proxy.releaseReplies();
        published.get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_qos0_publish_completes_once_written_without_waiting_for_the_broker() throws Exception {
        // given
        TcpRelay proxy = proxy().listen();
        PahoMqttTransport transport = started(proxy.url());
        proxy.holdReplies();

        // when
        CompletableFuture<Void> published = transport.publish(topics.health().toString(), bytes("health"), 0, false)
                .toCompletableFuture();

        // then
        published.get(10, TimeUnit.SECONDS);
        proxy.releaseReplies();
    }

    @Test
    void sends_more_publishes_than_the_broker_takes_in_flight_all_in_order() throws Exception {
        // given a broker whose Receive Maximum (HiveMQ: 10) is far below the number sent at once
        PahoMqttTransport transport = started(broker.url());
        MqttWatcher console = observe(topics.events().toString());

        // when
        List<CompletableFuture<Void>> published = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            published.add(transport.publish(topics.events().toString(), bytes("event-" + i), 1, false)
                    .toCompletableFuture());
        }

        // then
        CompletableFuture.allOf(published.toArray(CompletableFuture<?>[]::new)).get(20, TimeUnit.SECONDS);
        for (int i = 0; i < 200; i++) {
            assertEquals("event-" + i, console.take(m -> true, "event-" + i).text());
        }
    }

    @Test
    void a_publish_while_not_connected_fails_at_once_and_nothing_is_buffered() throws Exception {
        // given a transport that was never started
        PahoMqttTransport transport = transport(broker.url());

        // when
        CompletableFuture<Void> published = transport.publish(topics.events().toString(), bytes("x"), 1, false)
                .toCompletableFuture();

        // then
        assertEquals(PublishFailedException.Reason.NOT_CONNECTED, failure(published).reason());
    }

    @Test
    void publishes_awaiting_their_puback_fail_before_the_disconnect_is_reported() throws Exception {
        // given an unacknowledged publish
        TcpRelay proxy = proxy().listen();
        PahoMqttTransport transport = started(proxy.url());
        proxy.holdReplies();
        CompletableFuture<Void> published = transport.publish(topics.events().toString(), bytes("x"), 1, false)
                .toCompletableFuture();
        // Completed by the listener itself: the test's event recorder hears Disconnected first, and the test
        // thread may wake before this listener has run.
        CompletableFuture<Boolean> failedFirst = new CompletableFuture<>();
        transport.addConnectionListener(event -> {
            if (event instanceof ConnectionEvent.Disconnected) {
                failedFirst.complete(published.isCompletedExceptionally());
            }
        });

        // when the connection breaks
        proxy.cut();

        // then
        ConnectionEvent.Disconnected disconnected = events.next(ConnectionEvent.Disconnected.class);
        assertEquals(PublishFailedException.Reason.CONNECTION_LOST, failure(published).reason());
        assertTrue(failedFirst.get(10, TimeUnit.SECONDS), "the publish had failed when Disconnected was delivered");
        assertTrue(disconnected.retryIn().compareTo(FAST.max()) <= 0, disconnected.toString());
        assertFalse(transport.connected());
    }

    @Test
    void the_last_will_says_offline_with_the_birth_sequence_when_the_kiosk_vanishes() throws Exception {
        // given a connected kiosk and a console watching its state
        TcpRelay proxy = proxy().listen();
        transport(proxy.url()).start();
        long birthSeq = events.next(ConnectionEvent.Connected.class).birthSeq();
        MqttWatcher console = observe(topics.state().toString());
        console.take(m -> state(m).online(), "the online state");

        // when its connection dies without a DISCONNECT, and it cannot come back
        proxy.down();

        // then the broker publishes the will
        KioskState will = state(console.take(m -> !state(m).online(), "the will"));
        assertEquals(birthSeq, will.birthSeq());
        assertEquals(KioskState.CONNECTION_LOST, will.reason());
        KioskState retained = state(observe(topics.state().toString()).take(m -> true, "the retained state"));
        assertEquals(Presence.OFFLINE, retained.state());
        assertEquals(birthSeq, retained.birthSeq());
    }

    @Test
    void keeps_trying_while_nothing_listens_and_connects_once_the_broker_appears() throws Exception {
        // given nothing listening where the broker should be
        TcpRelay proxy = proxy();
        PahoMqttTransport transport = transport(proxy.url());

        // when
        transport.start();
        ConnectionEvent.AttemptFailed first = events.next(ConnectionEvent.AttemptFailed.class);
        ConnectionEvent.AttemptFailed second = events.next(ConnectionEvent.AttemptFailed.class);
        proxy.listen();

        // then
        long birthSeq = events.next(ConnectionEvent.Connected.class).birthSeq();
        assertEquals(1, first.failures());
        assertEquals(2, second.failures());
        assertTrue(first.reason().startsWith("cannot reach the broker"), first.reason());
        List<Long> issued = birth.issued();
        assertEquals(issued.get(issued.size() - 1), birthSeq, "the last attempt's number");
        assertTrue(issued.size() >= 3 && issued.get(0) < birthSeq, "a new birth sequence per attempt: " + issued);
        KioskState state = state(observe(topics.state().toString()).take(m -> true, "the retained state"));
        assertEquals(birthSeq, state.birthSeq());
        assertTrue(state.online());
    }

    @Test
    void reconnects_by_itself_with_a_new_birth_sequence_after_the_broker_restarts() throws Exception {
        // given
        PahoMqttTransport transport = started(broker.url());
        long before = birth.issued().get(0);

        // when the broker goes away
        broker.stop();

        // then the kiosk knows, refuses to pretend it can publish, and comes back by itself
        events.next(ConnectionEvent.Disconnected.class);
        assertEquals(PublishFailedException.Reason.NOT_CONNECTED,
                failure(transport.publish(topics.events().toString(), bytes("x"), 1, false)).reason());
        broker.startAgain();
        long after = events.next(ConnectionEvent.Connected.class).birthSeq();
        assertTrue(after > before, after + " > " + before);
        // the restarted broker remembers nothing: this retained state was published again on the reconnect
        KioskState state = state(observe(topics.state().toString()).take(m -> true, "the retained state"));
        assertTrue(state.online());
        assertEquals(after, state.birthSeq());
        transport.publish(topics.events().toString(), bytes("after the outage"), 1, false)
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_command_reaches_the_handler_with_its_response_topic_and_correlation_data() throws Exception {
        // given
        BlockingQueue<ReceivedCommand> commands = new LinkedBlockingQueue<>();
        PahoMqttTransport transport = transport(broker.url());
        transport.subscribeCommands(commands::add);
        transport.start();
        events.next(ConnectionEvent.Connected.class);
        byte[] correlation = "01KJPV8JR0F8Y1TBHZ99DPRZCF".getBytes(StandardCharsets.UTF_8);

        // when the fleet sends a command
        observe().request(topics.command("notice").toString(), bytes("header.claims.signature"),
                topics.commandResult().toString(), correlation);

        // then
        ReceivedCommand command = commands.poll(10, TimeUnit.SECONDS);
        assertEquals(topics.command("notice").toString(), command.topic());
        assertArrayEquals(bytes("header.claims.signature"), command.payload());
        assertEquals(topics.commandResult().toString(), command.responseTopic());
        assertArrayEquals(correlation, command.correlationData());
    }

    @Test
    void a_command_without_request_response_properties_arrives_with_nulls() throws Exception {
        // given a handler that fails on the first command
        BlockingQueue<ReceivedCommand> commands = new LinkedBlockingQueue<>();
        PahoMqttTransport transport = transport(broker.url());
        AtomicBoolean thrown = new AtomicBoolean();
        transport.subscribeCommands(command -> {
            if (thrown.compareAndSet(false, true)) {
                throw new IllegalStateException("a bug in the handler");
            }
            commands.add(command);
        });
        transport.start();
        events.next(ConnectionEvent.Connected.class);

        // when
        MqttWatcher fleet = observe();
        fleet.request(topics.command("resync").toString(), bytes("first"), null, null);
        fleet.request(topics.command("resync").toString(), bytes("second"), null, null);

        // then the handler's exception cost only that command
        ReceivedCommand command = commands.poll(10, TimeUnit.SECONDS);
        assertArrayEquals(bytes("second"), command.payload());
        assertNull(command.responseTopic());
        assertNull(command.correlationData());
        assertTrue(transport.connected());
    }

    @Test
    void close_says_offline_for_shutdown_and_the_broker_sends_no_will() throws Exception {
        // given
        PahoMqttTransport transport = started(broker.url());
        long birthSeq = birth.issued().get(0);
        MqttWatcher console = observe(topics.state().toString());
        console.take(m -> state(m).online(), "the online state");

        // when
        transport.close();

        // then
        KioskState offline = state(console.take(m -> !state(m).online(), "the offline state"));
        assertEquals(KioskState.SHUTDOWN, offline.reason());
        assertEquals(birthSeq, offline.birthSeq());
        ConnectionEvent.Disconnected closed = events.next(ConnectionEvent.Disconnected.class);
        assertEquals("closed", closed.reason());
        assertNull(closed.retryIn());
        assertEquals(List.of(), console.rest(Duration.ofMillis(700)), "a will after a clean shutdown");
        assertEquals(PublishFailedException.Reason.CLOSED,
                failure(transport.publish(topics.events().toString(), bytes("x"), 1, false)).reason());
    }

    @Test
    void resync_publishes_the_online_state_and_birth_of_the_current_connection_again() throws Exception {
        // given
        PahoMqttTransport transport = started(broker.url());
        long birthSeq = birth.issued().get(0);
        MqttWatcher console = observe(topics.state().toString(), topics.birth().toString());
        console.take(m -> m.topic().equals(topics.birth().toString()), "the retained birth");

        // when
        transport.resync().toCompletableFuture().get(10, TimeUnit.SECONDS);

        // then
        MqttWatcher.Received again = console.take(m -> m.topic().equals(topics.state().toString()) && !m.retained(),
                "the state again");
        assertEquals(birthSeq, state(again).birthSeq());
        assertTrue(state(again).online());
        console.take(m -> m.topic().equals(topics.birth().toString()) && !m.retained(), "the birth again");
    }

    @Test
    void rejects_what_the_contract_never_sends() {
        PahoMqttTransport transport = transport(broker.url());

        assertThrows(IllegalArgumentException.class, () -> transport.publish("yizhan/v1/+/x/state", bytes("x"), 1, true));
        assertThrows(IllegalArgumentException.class, () -> transport.publish(topics.events().toString(), bytes("x"), 2,
                false));
    }

    private PahoMqttTransport transport(String url) {
        PahoMqttTransport transport = new PahoMqttTransport(MqttConfig.plain(url).withReconnect(FAST), kiosk, birth);
        transport.addConnectionListener(events);
        opened.add(0, transport);
        return transport;
    }

    private PahoMqttTransport started(String url) throws InterruptedException {
        PahoMqttTransport transport = transport(url);
        transport.start();
        events.next(ConnectionEvent.Connected.class);
        return transport;
    }

    private TcpRelay proxy() throws Exception {
        TcpRelay proxy = new TcpRelay(broker.port());
        opened.add(proxy);
        return proxy;
    }

    private MqttWatcher observe(String... filters) throws Exception {
        MqttWatcher observer = MqttWatcher.watching(broker.url(), filters);
        opened.add(0, observer);
        return observer;
    }

    private KioskState state(MqttWatcher.Received received) {
        return codec.decode(received.payload(), KioskState.class).decoded()
                .orElseThrow(() -> new AssertionError("not a state: " + received.text()));
    }

    private static PublishFailedException failure(CompletionStage<Void> published) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> published.toCompletableFuture().get(10, TimeUnit.SECONDS));
        return assertInstanceOf(PublishFailedException.class, e.getCause());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
