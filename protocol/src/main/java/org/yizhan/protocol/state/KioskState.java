package org.yizhan.protocol.state;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.topic.TopicKind;

/**
 * The retained {@code state} message: online on connect, offline from the Last Will or a clean shutdown.
 *
 * @param state    online or offline
 * @param birthSeq the connection this state belongs to: the online message and the Last Will registered
 *                 with the same connect carry the same value, and every connect has a larger one than the
 *                 last (see {@link BirthSequence}); {@link KioskPresence} uses it to ignore a stale will
 * @param reason   why a kiosk is offline ({@link #CONNECTION_LOST} for the will, {@link #SHUTDOWN} for a
 *                 clean stop); null when online
 */
public record KioskState(@JsonUnwrapped Envelope envelope, Presence state, long birthSeq, String reason)
        implements Message {

    public static final String CONNECTION_LOST = "connection-lost";
    public static final String SHUTDOWN = "shutdown";

    public KioskState {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(state, "state is missing");
        if (birthSeq < 1) {
            throw new IllegalArgumentException("birthSeq must be at least 1, not " + birthSeq);
        }
    }

    public static KioskState online(Envelope envelope, long birthSeq) {
        return new KioskState(envelope, Presence.ONLINE, birthSeq, null);
    }

    /**
     * The Last Will registered with the connect of {@code birthSeq}. The broker sends it as it is when the
     * connection is lost, so its {@code ts} is the time of the connect, not of the loss.
     */
    public static KioskState will(Envelope envelope, long birthSeq) {
        return new KioskState(envelope, Presence.OFFLINE, birthSeq, CONNECTION_LOST);
    }

    /** Published by the kiosk itself just before it disconnects on purpose. */
    public static KioskState shutdown(Envelope envelope, long birthSeq) {
        return new KioskState(envelope, Presence.OFFLINE, birthSeq, SHUTDOWN);
    }

    public boolean online() {
        return state == Presence.ONLINE;
    }

    @Override
    public TopicKind topicKind() {
        return TopicKind.STATE;
    }
}
