package org.yizhan.fleet.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.fleet.alert.Alerting;
import org.yizhan.fleet.connection.IncomingMessage;
import org.yizhan.fleet.connection.SubscriptionListener;
import org.yizhan.fleet.live.FleetState;
import org.yizhan.fleet.live.Listeners;
import org.yizhan.fleet.live.Summaries;
import org.yizhan.fleet.status.KioskConditions;
import org.yizhan.fleet.status.KioskFacts;
import org.yizhan.fleet.status.KioskJudgement;
import org.yizhan.fleet.store.BatchResult;
import org.yizhan.fleet.store.HealthSample;
import org.yizhan.fleet.store.ReceivedFootfall;
import org.yizhan.fleet.store.StoreBatch;
import org.yizhan.fleet.view.EventRecord;
import org.yizhan.fleet.view.HealthPoint;
import org.yizhan.fleet.view.KioskSummary;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.codec.Decoding;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallLedger;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.state.KioskPresence;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.KioskTopic;
import org.yizhan.protocol.topic.TopicKind;
import org.yizhan.protocol.topic.TopicParse;
import org.yizhan.protocol.topic.Topics;

/**
 * What the console does with each message from the broker, on the connection's delivery thread: parse the topic
 * ({@link Topics#parse}), decode the payload ({@link PayloadCodec}), update the kiosk's facts in memory at once
 * ({@link FleetState}: the state through {@link KioskPresence}, so a stale will is ignored), tell listeners when
 * the kiosk's summary changed, evaluate the lasting alert rules, and queue what must be stored for the
 * {@link StoreWriter}. Nothing here waits for the database, unless the writer is a whole queue behind.
 *
 * <p><b>After a commit</b> ({@link #committed}, on the writer's thread) it counts footfall duplicates, tells
 * listeners of new footfall, events and health points (now visible to the store's queries), and evaluates the
 * one-off alert rules on events the store had not seen before — so an event re-delivered after a restart raises
 * nothing twice.
 *
 * <p><b>Malformed input</b> — a topic outside the contract, a payload that does not decode — is counted and
 * logged once per kiosk and kind (per reason for a bad topic), at most {@value #MALFORMED_LOGGED} distinct lines;
 * it never stops the ingest. The fleet's own commands ({@code cmd/…}, which {@code yizhan/v1/#} also matches) are
 * counted and ignored.
 *
 * <p><b>Acknowledgements.</b> On a connection with manual acknowledgement, each QoS 1 message's PUBACK travels
 * with the last item it queued for the writer (or alone, when it stores nothing) and is sent after the commit:
 * what the broker forgets, the store holds. With a persistent session, what was delivered but not yet committed
 * when the console died is delivered again, and the footfall and event rules absorb the copies.
 *
 * <p><b>Retained messages</b> replayed by the broker on subscribe update what they carry but not the kiosk's
 * {@code lastSeen}: a dead kiosk's retained birth is not a sign of life.
 */
public final class IngestPipeline implements SubscriptionListener {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);
    static final int MALFORMED_LOGGED = 10_000;

    private final FleetState state;
    private final KioskConditions conditions;
    private final Alerting alerting;
    private final StoreWriter writer;
    private final Listeners listeners;
    private final IngestCounters counters;
    private final Clock clock;
    private final PayloadCodec codec = new PayloadCodec();
    private final Set<String> malformedLogged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean malformedCapReached = new AtomicBoolean();
    /** Each kiosk's summary (without lastSeen) as listeners were last told it. */
    private final Map<KioskId, KioskSummary> told = new ConcurrentHashMap<>();

    IngestPipeline(FleetState state, KioskConditions conditions, Alerting alerting, StoreWriter writer,
            Listeners listeners, IngestCounters counters, Clock clock) {
        this.state = Objects.requireNonNull(state, "state");
        this.conditions = Objects.requireNonNull(conditions, "conditions");
        this.alerting = Objects.requireNonNull(alerting, "alerting");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void messageArrived(IncomingMessage message) {
        TopicParse parsed = Topics.parse(message.topic());
        if (parsed instanceof TopicParse.Invalid invalid) {
            counters.malformed.increment();
            logMalformed("topic " + invalid.reason(), "a message to a topic outside the contract: {}",
                    invalid.reason());
            acknowledgeInTurn(message);
            return;
        }
        KioskTopic topic = ((TopicParse.Valid) parsed).topic();
        counters.received(topic.kind());
        if (topic.kind() == TopicKind.COMMAND) {
            acknowledgeInTurn(message);
            return;
        }
        Decoding<Message> decoded = codec.decode(topic.kind(), message.payload());
        if (decoded instanceof Decoding.Failed<Message> failed) {
            counters.malformed.increment();
            logMalformed(topic.kiosk() + " " + topic.kind().segment(),
                    "a malformed {} from {} is ignored (further ones from it are only counted): {}",
                    topic.kind().segment(), topic.kiosk(), failed.reason());
            acknowledgeInTurn(message);
            return;
        }
        apply(topic.kiosk(), decoded.decoded().orElseThrow(), message);
    }

    /** The message's acknowledgement, sent by the writer after what was queued before it. */
    private void acknowledgeInTurn(IncomingMessage message) {
        if (message.acknowledgement() != null) {
            writer.submit(new StoreWriter.AckItem(message.arrivedNanos(), message.acknowledgement()));
        }
    }

    private void apply(KioskId kiosk, Message message, IncomingMessage incoming) {
        Instant now = clock.instant();
        long arrived = incoming.arrivedNanos();
        UnaryOperator<KioskFacts> seen = facts -> incoming.retained() ? facts : facts.seenAt(now);
        StoreWriter.Item stored = null;
        FleetState.Update update;
        if (message instanceof KioskState incomingState) {
            update = state.update(kiosk, now, facts -> {
                KioskState kept = KioskPresence.apply(facts.state(), incomingState);
                return seen.apply(kept == facts.state() ? facts : facts.withState(incomingState, now));
            });
        } else if (message instanceof Birth birth) {
            update = state.update(kiosk, now, facts -> seen.apply(facts.birth() == null
                    || birth.birthSeq() >= facts.birth().birthSeq() ? facts.withBirth(birth) : facts));
        } else if (message instanceof Health health) {
            update = state.update(kiosk, now, facts -> seen.apply(facts.withHealth(health, now)));
            HealthPoint point = new HealthPoint(now, health.system().cpuCelsius(), health.system().load1(),
                    health.system().dataFreePercent(), health.outbox().rows());
            stored = new StoreWriter.HealthItem(new HealthSample(kiosk, point), arrived, null);
        } else if (message instanceof Footfall footfall) {
            update = state.update(kiosk, now, seen);
            stored = new StoreWriter.FootfallItem(new ReceivedFootfall(kiosk, footfall, now), arrived, null);
        } else if (message instanceof Event event) {
            update = state.update(kiosk, now, seen);
            stored = new StoreWriter.EventItem(new EventRecord(kiosk, now, event), arrived, null);
        } else {
            // cmd-result: the command sender's; here only a sign of life
            update = state.update(kiosk, now, seen);
        }
        // the kiosk row first (a kiosk's first health needs it), the message's acknowledgement on the last item
        StoreWriter.Item snapshot = update.changed() ? new StoreWriter.KioskItem(update.after(), arrived, null) : null;
        if (stored != null) {
            if (snapshot != null) {
                writer.submit(snapshot);
            }
            writer.submit(stored.acknowledging(incoming.acknowledgement()));
        } else if (snapshot != null) {
            writer.submit(snapshot.acknowledging(incoming.acknowledgement()));
        } else {
            acknowledgeInTurn(incoming);
        }
        judge(kiosk, now);
        counters.visible.record(System.nanoTime() - arrived);
    }

    /**
     * Judges the kiosk's current facts at {@code now}: listeners when its summary changed, the lasting alert rules
     * always. Serialised per kiosk ({@link FleetState#inspect}), so the tick cannot judge facts older than a
     * message's and tell listeners or alerting something already superseded.
     */
    private void judge(KioskId kiosk, Instant now) {
        state.inspect(kiosk, facts -> judge(facts, now));
    }

    private void judge(KioskFacts facts, Instant now) {
        KioskJudgement judgement = conditions.judge(facts, now);
        KioskSummary summary = Summaries.summary(facts, judgement);
        KioskSummary key = Summaries.withoutLastSeen(summary);
        boolean[] changed = new boolean[1];
        told.compute(facts.id(), (id, before) -> {
            changed[0] = !key.equals(before);
            return key;
        });
        if (changed[0]) {
            listeners.kioskChanged(summary);
        }
        alerting.evaluate(facts, judgement, now);
    }

    /**
     * Judges every kiosk again at the clock's now: what turns a silent kiosk lost, and raises the {@code lost}
     * alert, without a message. Called periodically.
     */
    public void tick() {
        Instant now = clock.instant();
        for (KioskFacts facts : state.all()) {
            judge(facts.id(), now);
        }
    }

    /** Remembers every kiosk's current summary without telling anyone: at start, after loading from the store. */
    void prime() {
        Instant now = clock.instant();
        for (KioskFacts facts : state.all()) {
            told.put(facts.id(), Summaries.withoutLastSeen(Summaries.summary(facts, conditions.judge(facts, now))));
        }
    }

    /** After the writer committed {@code batch}: see the class comment. */
    void committed(StoreBatch batch, BatchResult result) {
        for (int i = 0; i < batch.footfall().size(); i++) {
            FootfallLedger.Outcome outcome = result.footfall().get(i);
            ReceivedFootfall received = batch.footfall().get(i);
            switch (outcome) {
                case ADDED, SUPERSEDED -> listeners.footfallChanged(received.kiosk());
                case DUPLICATE, STALE -> counters.duplicates.increment();
                case CONFLICT -> {
                    counters.conflicts.increment();
                    logMalformed(received.kiosk() + " footfall-conflict", "{} sent footfall bucket {} again at"
                            + " revision {} with other counts; the first is kept (a kiosk fault)", received.kiosk(),
                            received.footfall().bucketStart(), received.footfall().revision());
                }
            }
        }
        for (int i = 0; i < batch.events().size(); i++) {
            EventRecord event = batch.events().get(i);
            if (result.eventsAdded().get(i)) {
                listeners.eventArrived(event);
                alerting.onEvent(event.kiosk(), event.event(), event.received());
            } else {
                counters.duplicates.increment();
            }
        }
        for (HealthSample sample : batch.health()) {
            listeners.healthArrived(sample.kiosk(), sample.point());
        }
    }

    private void logMalformed(String key, String format, Object... arguments) {
        if (malformedLogged.size() >= MALFORMED_LOGGED) {
            if (malformedCapReached.compareAndSet(false, true)) {
                log.warn("{} kinds of malformed message logged; further ones are only counted", MALFORMED_LOGGED);
            }
            return;
        }
        if (malformedLogged.add(key)) {
            log.warn(format, arguments);
        }
    }
}
