package org.yizhan.protocol.health;

import java.time.Instant;

/**
 * What waits in the kiosk's outbox to be published.
 *
 * @param rows     messages waiting
 * @param bytes    their payload bytes
 * @param maxRows  the outbox's row limit; null when unbounded
 * @param maxBytes the outbox's byte limit; null when unbounded
 * @param oldest   when the oldest waiting message was made; null when the outbox is empty
 */
public record OutboxDepth(long rows, long bytes, Long maxRows, Long maxBytes, Instant oldest) {

    public static final OutboxDepth EMPTY = new OutboxDepth(0, 0, null, null, null);

    public OutboxDepth {
        if (rows < 0 || bytes < 0) {
            throw new IllegalArgumentException("outbox depth must not be negative: " + rows + " rows, " + bytes
                    + " bytes");
        }
    }
}
