package org.yizhan.kiosk.telemetry.outbox;

import java.time.Instant;
import java.util.function.Function;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.health.OutboxDepth;
import org.yizhan.protocol.message.Envelope;

/**
 * What the kiosk puts into the outbox, beside the visits the visit log counts itself: entries sensed,
 * measurements taken, and events. {@link OutboxPublisher} takes it out.
 *
 * <p>Durability: every method is one transaction in the visit log's database, committed and synced to
 * storage before it returns, so what it accepted is delivered at least once, also after a power cut and a
 * week without the broker. Nothing here waits for the network.
 *
 * <p>Threading: any thread; calls are serialised with the visit log's own. Failures are
 * {@code VisitLogException}s and leave nothing half-written.
 */
public interface Outbox {

    /** Counts one person the entry sensor saw come in, in the footfall bucket of {@code at}. */
    void countEntry(Instant at);

    /**
     * Counts one health measurement taken, in the footfall bucket of {@code at}.
     *
     * @param kind a lower-case code such as {@code blood-pressure} ({@code FootfallCounts.MEASUREMENTS})
     * @throws IllegalArgumentException when {@code kind} is not a code of a-z, 0-9 and '-'
     */
    void countMeasurement(String kind, Instant at);

    /**
     * Counts one health measurement taken whose reading fell in {@code category}, in the footfall bucket of
     * {@code at}: by kind, and by kind and category ({@code blood-pressure:grade-1}). Use it instead of
     * {@link #countMeasurement(String, Instant)}, not beside it; a reading without a category (a weight without
     * a known height) is counted with that one.
     *
     * @param category the reading's category code, such as {@code grade-1}
     * @throws IllegalArgumentException when {@code kind} or {@code category} is not a code of a-z, 0-9 and '-'
     */
    void countMeasurement(String kind, String category, Instant at);

    /**
     * Queues an event for the {@code events} topic. {@code event} builds it around the envelope the outbox
     * gives it (the kiosk's next sequence number, now), e.g.
     * {@code outbox.enqueue(envelope -> new Event(envelope, Event.HELP_BUTTON, Severity.ERROR, "help button pressed", "help-button", Map.of()))}.
     *
     * @return false when the outbox is at its limits and the event is a change ({@link OutboxPriority#CHANGE}),
     *         which is then dropped; alerts and lifecycle events are always queued
     * @throws IllegalArgumentException when the event does not carry the envelope it was given
     */
    boolean enqueue(Function<Envelope, Event> event);

    /**
     * Queues the footfall of the current bucket now, as it stands, with every closed bucket not yet queued
     * (the headless {@code flush}). A visit later in the same bucket sends it again, with a higher revision,
     * when the bucket ends.
     *
     * @return the footfall messages queued
     */
    int closeCurrentBucket();

    /** What waits to be published, for the health message and the headless {@code outbox} event. */
    OutboxDepth depth();

    /**
     * A fresh envelope with the kiosk's next message sequence number, made now, for messages that bypass the
     * outbox ({@code state}, {@code health}, {@code cmd-result}): the sequence is one over all the kiosk's
     * messages. The number is stored before this returns, so it is never handed out twice, even after a
     * restart.
     */
    Envelope nextEnvelope();
}
