package org.yizhan.kiosk.telemetry.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.footfall.FootfallKey;
import org.yizhan.protocol.footfall.FootfallLedger;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.TopicKind;
import org.yizhan.protocol.topic.Topics;
import org.yizhan.testsupport.mqtt.MqttWatcher;

/**
 * The fleet's side of a test over a real broker: an {@link MqttWatcher} subscribed at QoS 1 to one kiosk's
 * {@code footfall} and {@code events}, and the fleet's reading of what it received — every footfall message
 * counted, in arrival order, into a {@link FootfallLedger} (the documented dedupe rule), and every message kept,
 * copies included. The watcher connects to the broker directly, never through the test's relay.
 *
 * <p>Messages are received on Paho's thread into the watcher; this reading of them is brought up to date on the
 * test's thread, by each call, and is used from that thread only.
 */
final class FleetSubscriber implements AutoCloseable {

    /** One message as the fleet received it. */
    record Arrival(TopicKind kind, Message message) {
    }

    private final KioskId kiosk;
    private final MqttWatcher watcher;
    private final PayloadCodec codec = new PayloadCodec();
    private final FootfallLedger ledger = new FootfallLedger();
    private final Map<FootfallLedger.Outcome, Integer> outcomes = new EnumMap<>(FootfallLedger.Outcome.class);
    private final List<Arrival> arrivals = new ArrayList<>();
    private final List<String> undecodable = new ArrayList<>();
    /** How many of the watcher's messages this reading has taken in. */
    private int read;

    private FleetSubscriber(KioskId kiosk, MqttWatcher watcher) {
        this.kiosk = kiosk;
        this.watcher = watcher;
    }

    /** Connected and subscribed (SUBACK received) to {@code kiosk}'s footfall and events on {@code url}. */
    static FleetSubscriber watching(String url, KioskId kiosk) throws MqttException {
        Topics topics = Topics.of(kiosk);
        return new FleetSubscriber(kiosk, MqttWatcher.watching(url, topics.footfall().toString(),
                topics.events().toString()));
    }

    /**
     * Runs {@code action} on the receiving thread as the {@code n}-th message (copies included) arrives, before
     * the broker hears that it arrived. It must not block.
     */
    void whenReceived(int n, Runnable action) {
        watcher.whenReceived(n, action);
    }

    /** Waits until nothing has arrived for {@code quiet}, at most {@code patience}. */
    void awaitQuiet(Duration quiet, Duration patience) throws InterruptedException {
        watcher.received().awaitQuiet(quiet, patience);
    }

    /** Waits until {@code done} holds for this fleet, at most {@code patience}. */
    void await(Predicate<FleetSubscriber> done, Duration patience, String what) throws InterruptedException {
        watcher.received().awaitUntil(received -> {
            readUpTo(received);
            return done.test(this);
        }, patience, what);
    }

    /** The fleet's totals by the dedupe rule: the kept buckets starting in {@code [from, to)}. */
    FootfallCounts totals(Instant from, Instant to) {
        readAll();
        return ledger.totals(kiosk, from, to);
    }

    Optional<Footfall> bucket(Instant start) {
        readAll();
        return ledger.bucket(new FootfallKey(kiosk, start));
    }

    /** Buckets kept, one per bucket start. */
    int buckets() {
        readAll();
        return ledger.size();
    }

    Map<FootfallLedger.Outcome, Integer> outcomes() {
        readAll();
        return new HashMap<>(outcomes);
    }

    int outcomes(FootfallLedger.Outcome outcome) {
        readAll();
        return outcomes.getOrDefault(outcome, 0);
    }

    /** Every message received, copies included, in arrival order. */
    List<Arrival> arrivals() {
        readAll();
        return new ArrayList<>(arrivals);
    }

    int received() {
        readAll();
        return arrivals.size();
    }

    List<String> undecodable() {
        readAll();
        return new ArrayList<>(undecodable);
    }

    @Override
    public void close() throws MqttException {
        watcher.close();
    }

    private void readAll() {
        readUpTo(watcher.received().since(0, r -> true));
    }

    /** Takes in, in order, the messages of {@code received} (all so far) that this reading has not. */
    private void readUpTo(List<MqttWatcher.Received> received) {
        for (; read < received.size(); read++) {
            MqttWatcher.Received next = received.get(read);
            TopicKind kind = next.topic().endsWith("/" + TopicKind.FOOTFALL.segment()) ? TopicKind.FOOTFALL
                    : TopicKind.EVENTS;
            Message message = codec.decode(kind, next.payload()).decoded().orElse(null);
            if (message == null) {
                undecodable.add(next.topic());
            } else {
                if (message instanceof Footfall) {
                    outcomes.merge(ledger.record(kiosk, (Footfall) message), 1, Integer::sum);
                }
                arrivals.add(new Arrival(kind, message));
            }
        }
    }
}
