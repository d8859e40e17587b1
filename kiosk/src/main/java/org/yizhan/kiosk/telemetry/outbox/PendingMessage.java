package org.yizhan.kiosk.telemetry.outbox;

import java.time.Instant;
import java.util.Objects;
import org.yizhan.protocol.topic.TopicKind;

/**
 * A message claimed from the outbox for one publish attempt.
 *
 * @param id        the outbox row; never reused
 * @param kind      the topic kind it goes to, which also gives its QoS and retain flag
 * @param payload   the encoded message as it was made (not marked replayed); not copied, do not modify
 * @param createdAt when it was made, by the kiosk clock
 * @param attempts  hand-overs to the broker connection so far, this one included
 */
public record PendingMessage(long id, TopicKind kind, byte[] payload, Instant createdAt, int attempts) {

    public PendingMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
