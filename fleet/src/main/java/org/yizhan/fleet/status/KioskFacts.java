package org.yizhan.fleet.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.topic.KioskId;

/**
 * What the console knows of one kiosk at a moment: its latest state, birth and health with the times they
 * arrived, and the outbox depth of its last health messages. Immutable; every change makes a new one.
 *
 * @param id              the kiosk
 * @param state           the state kept by {@code KioskPresence}; null before any
 * @param stateReceived   when the console received the state it keeps; null with it
 * @param birth           the latest birth; null before any
 * @param health          the latest health; null before any
 * @param healthReceived  when that health arrived; null with it
 * @param outboxHistory   the outbox rows of the latest health messages, oldest first, at most
 *                        {@link #OUTBOX_HISTORY}
 * @param lastSeen        when the console last received anything from the kiosk; a retained copy replayed on
 *                        subscribe does not move it, except that a kiosk first heard of through one was seen then
 * @param watchingSince   when the console started listening; a kiosk is not called lost for silence before the
 *                        console could have heard it
 */
public record KioskFacts(KioskId id, KioskState state, Instant stateReceived, Birth birth, Health health,
        Instant healthReceived, List<Long> outboxHistory, Instant lastSeen, Instant watchingSince) {

    public static final int OUTBOX_HISTORY = 3;
    /** The health interval assumed before the kiosk said its own. */
    public static final int DEFAULT_HEALTH_INTERVAL_SECONDS = 30;

    public KioskFacts {
        Objects.requireNonNull(id, "id");
        if ((state == null) != (stateReceived == null)) {
            throw new IllegalArgumentException("a state comes with the time it arrived");
        }
        if ((health == null) != (healthReceived == null)) {
            throw new IllegalArgumentException("a health comes with the time it arrived");
        }
        outboxHistory = List.copyOf(outboxHistory);
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(watchingSince, "watchingSince");
    }

    /** A kiosk first heard of at {@code now}. */
    public static KioskFacts first(KioskId id, Instant now, Instant watchingSince) {
        return new KioskFacts(id, null, null, null, null, null, List.of(), now, watchingSince);
    }

    /** How often it sends health: from its latest health, else its birth, else the default. */
    public Duration healthInterval() {
        if (health != null) {
            return Duration.ofSeconds(health.intervalSeconds());
        }
        if (birth != null) {
            return Duration.ofSeconds(birth.healthIntervalSeconds());
        }
        return Duration.ofSeconds(DEFAULT_HEALTH_INTERVAL_SECONDS);
    }

    public KioskFacts withState(KioskState newState, Instant received) {
        return new KioskFacts(id, newState, received, birth, health, healthReceived, outboxHistory, lastSeen,
                watchingSince);
    }

    public KioskFacts withBirth(Birth newBirth) {
        return new KioskFacts(id, state, stateReceived, newBirth, health, healthReceived, outboxHistory, lastSeen,
                watchingSince);
    }

    /** With {@code newHealth} as the latest, its outbox depth appended to the history. */
    public KioskFacts withHealth(Health newHealth, Instant received) {
        List<Long> history = new ArrayList<>(outboxHistory);
        history.add(newHealth.outbox().rows());
        while (history.size() > OUTBOX_HISTORY) {
            history.remove(0);
        }
        return new KioskFacts(id, state, stateReceived, birth, newHealth, received, history, lastSeen,
                watchingSince);
    }

    public KioskFacts seenAt(Instant at) {
        return at.isAfter(lastSeen) ? new KioskFacts(id, state, stateReceived, birth, health, healthReceived,
                outboxHistory, at, watchingSince) : this;
    }

    public KioskFacts watchingSince(Instant since) {
        return new KioskFacts(id, state, stateReceived, birth, health, healthReceived, outboxHistory, lastSeen,
                since);
    }
}
