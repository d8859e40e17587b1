package org.yizhan.kiosk.telemetry.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.yizhan.protocol.codec.Decoding;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.TopicKind;
import org.yizhan.protocol.topic.TopicParse;
import org.yizhan.protocol.topic.Topics;

/**
 * A broker the test controls. {@link Mode#ACK} takes each message and acknowledges it; {@link Mode#FAIL}
 * refuses it as not connected (nothing reaches the broker); {@link Mode#HOLD} takes it and never
 * acknowledges until {@link #release}. With {@link #losePubackEvery}, every n-th message taken reaches
 * the broker but its PUBACK is lost, so the outbox sends it again. Thread-safe.
 */
final class FakeSink implements OutboxSink {

    enum Mode { ACK, FAIL, HOLD }

    /** One message the broker took. */
    record Received(String topic, byte[] payload, int qos, boolean retained) {
        Message message() {
            TopicParse parsed = Topics.parse(topic);
            TopicKind kind = ((TopicParse.Valid) parsed).topic().kind();
            Decoding<Message> decoded = new PayloadCodec().decode(kind, payload);
            return decoded.decoded()
                    .orElseThrow(() -> new AssertionError("the broker got an undecodable " + kind + " payload: " + decoded));
        }
    }

    private final List<Received> received = new ArrayList<>();
    private final List<CompletableFuture<Void>> held = new ArrayList<>();
    private Mode mode;
    private int losePubackEvery;
    private int taken;
    private int calls;

    FakeSink(Mode mode) {
        this.mode = mode;
    }

    synchronized void mode(Mode newMode) {
        mode = newMode;
    }

    synchronized void losePubackEvery(int n) {
        losePubackEvery = n;
    }

    @Override
    public synchronized CompletionStage<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        calls++;
        if (mode == Mode.FAIL) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        }
        received.add(new Received(topic, payload.clone(), qos, retained));
        taken++;
        if (mode == Mode.HOLD) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            held.add(ack);
            return ack;
        }
        if (losePubackEvery > 0 && taken % losePubackEvery == 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("connection lost before the PUBACK"));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Acknowledges every message held so far. */
    void release() {
        List<CompletableFuture<Void>> acks;
        synchronized (this) {
            acks = new ArrayList<>(held);
            held.clear();
        }
        acks.forEach(ack -> ack.complete(null));
    }

    synchronized List<Received> received() {
        return new ArrayList<>(received);
    }

    synchronized List<Message> messages() {
        return received.stream().map(Received::message).toList();
    }

    synchronized List<Footfall> footfall() {
        return messages().stream().filter(Footfall.class::isInstance).map(Footfall.class::cast).toList();
    }

    /** Publish calls, refused ones included. */
    synchronized int calls() {
        return calls;
    }
}
