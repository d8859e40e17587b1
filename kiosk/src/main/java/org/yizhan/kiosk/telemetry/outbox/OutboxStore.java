package org.yizhan.kiosk.telemetry.outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.yizhan.protocol.health.OutboxDepth;

/**
 * The outbox as its publisher sees it, after Kura's {@code MessageStore}: claim the next messages, confirm
 * the acknowledged ones, note the failed ones. Each method is one durable transaction.
 *
 * <p>What "sent" means: a message stays until {@link #confirm} deletes it, which the publisher calls only
 * for messages the broker acknowledged. A message claimed and never confirmed (a failure, no PUBACK, a
 * crash) is claimed again by a later {@link #claim}: delivery is at least once.
 *
 * <p>Threading: meant for one publisher thread; safe to call from any thread.
 */
public interface OutboxStore {

    /**
     * Makes each footfall bucket that ended by {@code now} and changed since it was last queued into a footfall
     * message with the next revision, replacing a pending message of the same bucket.
     *
     * @return the footfall messages queued
     */
    int queueClosedBuckets(Instant now);

    /**
     * When the outbox is near full, merges footfall buckets that ended long enough before {@code now} and were
     * never handed to the broker into hour buckets, totals unchanged.
     *
     * @return the hour buckets made
     */
    int compactIfNearFull(Instant now);

    /**
     * Up to {@code max} messages, highest priority first and oldest first within a priority. Each one's
     * attempt is recorded durably before this returns, so a message handed to the broker is known to be
     * possibly delivered even if the kiosk dies before the outcome.
     */
    List<PendingMessage> claim(int max);

    /** Deletes the messages the broker acknowledged. Unknown ids (a message replaced meanwhile) are skipped. */
    void confirm(Collection<Long> ids);

    /** Notes why these messages failed; they stay for a later claim. */
    void fail(Map<Long, String> reasons);

    OutboxDepth depth();
}
