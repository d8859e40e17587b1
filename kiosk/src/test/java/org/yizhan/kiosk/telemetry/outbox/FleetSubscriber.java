package org.yizhan.kiosk.telemetry.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.footfall.FootfallKey;
import org.yizhan.protocol.footfall.FootfallLedger;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.TopicKind;
import org.yizhan.protocol.topic.Topics;

/**
 * The fleet's side of a test over a real broker: a plain Paho client subscribed at QoS 1 to one kiosk's
 * {@code footfall} and {@code events}, that counts every footfall message into a {@link FootfallLedger} as it
 * arrives (the documented dedupe rule) and keeps every message, copies included. It connects to the broker
 * directly, never through the test's {@link BrokerLink}. Thread-safe; {@link #await} waits with a deadline.
 */
final class FleetSubscriber implements AutoCloseable {

    /** One message as the fleet received it. */
    record Arrival(TopicKind kind, Message message) {
    }

    private final KioskId kiosk;
    private final MqttAsyncClient client;
    private final PayloadCodec codec = new PayloadCodec();
    private final FootfallLedger ledger = new FootfallLedger();
    private final Map<FootfallLedger.Outcome, Integer> outcomes = new EnumMap<>(FootfallLedger.Outcome.class);
    private final List<Arrival> arrivals = new ArrayList<>();
    private final List<String> undecodable = new ArrayList<>();
    private int triggerAt = -1;
    private Runnable trigger;
    private long lastArrival = System.nanoTime();

    private FleetSubscriber(KioskId kiosk, MqttAsyncClient client) {
        this.kiosk = kiosk;
        this.client = client;
    }

    /** Connected and subscribed (SUBACK received) to {@code kiosk}'s footfall and events on {@code url}. */
    static FleetSubscriber watching(String url, KioskId kiosk) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, "fleet-" + UUID.randomUUID(), new MemoryPersistence());
        FleetSubscriber fleet = new FleetSubscriber(kiosk, client);
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                fleet.arrived(topic, message.getPayload());
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        long patience = Duration.ofSeconds(10).toMillis();
        client.connect(new MqttConnectionOptions()).waitForCompletion(patience);
        Topics topics = Topics.of(kiosk);
        // the array form with setCallback: subscribe(String, int, IMqttMessageListener) recurses in Paho 1.2.5
        client.subscribe(new MqttSubscription[] {
            new MqttSubscription(topics.footfall().toString(), 1), new MqttSubscription(topics.events().toString(), 1)
        }, null, null, new MqttProperties()).waitForCompletion(patience);
        return fleet;
    }

    private synchronized void arrived(String topic, byte[] payload) {
        TopicKind kind = topic.endsWith("/" + TopicKind.FOOTFALL.segment()) ? TopicKind.FOOTFALL : TopicKind.EVENTS;
        Message message = codec.decode(kind, payload).decoded().orElse(null);
        if (message == null) {
            undecodable.add(topic);
        } else {
            if (message instanceof Footfall) {
                outcomes.merge(ledger.record(kiosk, (Footfall) message), 1, Integer::sum);
            }
            arrivals.add(new Arrival(kind, message));
        }
        lastArrival = System.nanoTime();
        if (arrivals.size() == triggerAt) {
            trigger.run();
        }
        notifyAll();
    }

    /**
     * Runs {@code action} on the receiving thread as the {@code n}-th message (copies included) arrives, before
     * the broker hears that it arrived. It must not block.
     */
    synchronized void whenReceived(int n, Runnable action) {
        triggerAt = n;
        trigger = action;
    }

    /** Waits until nothing has arrived for {@code quiet}, at most {@code patience}. */
    synchronized void awaitQuiet(Duration quiet, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() - lastArrival < quiet.toNanos()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("messages kept arriving for " + patience);
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, quiet.toNanos()));
        }
    }

    /** Waits until {@code done} holds for this fleet, at most {@code patience}. */
    synchronized void await(Predicate<FleetSubscriber> done, Duration patience, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!done.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the fleet did not see " + what + " within " + patience + "; outcomes "
                        + outcomes + ", " + arrivals.size() + " messages");
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, Duration.ofMillis(100).toNanos()));
        }
    }

    /** The fleet's totals by the dedupe rule: the kept buckets starting in {@code [from, to)}. */
    synchronized FootfallCounts totals(Instant from, Instant to) {
        return ledger.totals(kiosk, from, to);
    }

    synchronized Optional<Footfall> bucket(Instant start) {
        return ledger.bucket(new FootfallKey(kiosk, start));
    }

    /** Buckets kept, one per bucket start. */
    synchronized int buckets() {
        return ledger.size();
    }

    synchronized Map<FootfallLedger.Outcome, Integer> outcomes() {
        return new HashMap<>(outcomes);
    }

    synchronized int outcomes(FootfallLedger.Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    /** Every message received, copies included, in arrival order. */
    synchronized List<Arrival> arrivals() {
        return new ArrayList<>(arrivals);
    }

    synchronized int received() {
        return arrivals.size();
    }

    synchronized List<String> undecodable() {
        return new ArrayList<>(undecodable);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(Duration.ofSeconds(10).toMillis());
        }
        client.close(true);
    }
}
