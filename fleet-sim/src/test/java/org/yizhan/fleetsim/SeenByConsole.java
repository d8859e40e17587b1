package org.yizhan.fleetsim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yizhan.protocol.codec.Decoding;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.footfall.FootfallKey;
import org.yizhan.protocol.footfall.FootfallLedger;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.KioskId;
import org.yizhan.protocol.topic.TopicKind;
import org.yizhan.protocol.topic.TopicParse;
import org.yizhan.protocol.topic.Topics;
import org.yizhan.testsupport.mqtt.MqttWatcher;

/**
 * What a console subscribed to {@code yizhan/v1/#} saw of one run's sites, in arrival order, each payload decoded
 * with the protocol's codec as the fleet decodes it; what did not parse or decode is kept as a problem. Footfall is
 * counted as a console counts it: per kiosk and bucket the highest revision ({@link FootfallLedger}).
 */
final class SeenByConsole {

    record Seen(int index, KioskId kiosk, TopicKind kind, Message message, boolean retained) {
    }

    private final String sitePrefix;
    private final PayloadCodec codec = new PayloadCodec();
    private final FootfallLedger ledger = new FootfallLedger();
    private final List<Seen> seen = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<FootfallKey, Footfall> kept = new HashMap<>();
    private int consumed;
    private boolean superseded;

    /** An empty view of the sites {@code {sitePrefix}-…}; {@link #update} fills it. */
    SeenByConsole(String sitePrefix) {
        this.sitePrefix = sitePrefix;
    }

    /** Takes in what arrived since the last update: {@code received} is everything, in arrival order. */
    SeenByConsole update(List<MqttWatcher.Received> received) {
        for (MqttWatcher.Received message : received.subList(consumed, received.size())) {
            take(message);
        }
        consumed = received.size();
        return this;
    }

    private void take(MqttWatcher.Received message) {
        TopicParse parsed = Topics.parse(message.topic());
        if (!(parsed instanceof TopicParse.Valid valid)) {
            problems.add(message.topic() + ": " + ((TopicParse.Invalid) parsed).reason());
            return;
        }
        KioskId kiosk = valid.topic().kiosk();
        if (!kiosk.site().startsWith(sitePrefix + "-")) {
            return;
        }
        TopicKind kind = valid.topic().kind();
        Decoding<Message> decoded = codec.decode(kind, message.payload());
        if (!(decoded instanceof Decoding.Decoded<Message> ok)) {
            problems.add(message.topic() + ": " + ((Decoding.Failed<Message>) decoded).reason() + " in "
                    + message.text());
            return;
        }
        seen.add(new Seen(message.index(), kiosk, kind, ok.message(), message.retained()));
        if (ok.message() instanceof Footfall bucket) {
            FootfallLedger.Outcome outcome = ledger.record(kiosk, bucket);
            if (outcome.kept()) {
                kept.put(new FootfallKey(kiosk, bucket.bucketStart()), bucket);
            }
            superseded |= outcome == FootfallLedger.Outcome.SUPERSEDED;
            if (outcome == FootfallLedger.Outcome.CONFLICT) {
                problems.add(kiosk + " sent revision " + bucket.revision() + " of " + bucket.bucketStart()
                        + " twice with different counts");
            }
        }
    }

    /** Topics that did not parse and payloads that did not decode, with why. */
    List<String> problems() {
        return problems;
    }

    <T extends Message> List<T> messages(KioskId kiosk, Class<T> type) {
        return seen.stream().filter(s -> s.kiosk().equals(kiosk) && type.isInstance(s.message()))
                .map(s -> type.cast(s.message())).toList();
    }

    List<Seen> all(TopicKind kind) {
        return seen.stream().filter(s -> s.kind() == kind).toList();
    }

    Set<KioskId> kiosksSending(TopicKind kind) {
        return all(kind).stream().map(Seen::kiosk).collect(Collectors.toSet());
    }

    /** Whether a higher revision of a bucket replaced a lower one. */
    boolean sawARevision() {
        return superseded;
    }

    /** The kept buckets' counts added up, over every kiosk or one. */
    FootfallCounts footfall(KioskId onlyKiosk) {
        FootfallCounts total = FootfallCounts.NONE;
        for (Map.Entry<FootfallKey, Footfall> entry : kept.entrySet()) {
            if (onlyKiosk == null || entry.getKey().kiosk().equals(onlyKiosk)) {
                total = total.plus(entry.getValue().counts());
            }
        }
        return total;
    }

    /** The revision a console keeps of a bucket; 0 when it has none. */
    int keptRevision(KioskId kiosk, Instant bucketStart) {
        Footfall bucket = kept.get(new FootfallKey(kiosk, bucketStart));
        return bucket == null ? 0 : bucket.revision();
    }

    /** The starts of the kept buckets. */
    Set<Instant> bucketStarts() {
        return kept.keySet().stream().map(FootfallKey::bucketStart).collect(Collectors.toSet());
    }
}
