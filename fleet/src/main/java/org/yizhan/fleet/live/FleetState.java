package org.yizhan.fleet.live;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.yizhan.fleet.status.KioskFacts;
import org.yizhan.protocol.topic.KioskId;

/**
 * Every kiosk's current facts, in memory: what the console answers from, updated the moment a message is
 * decoded. Thread-safe: one kiosk's update is atomic ({@link ConcurrentHashMap#compute}); readers see each
 * kiosk's latest facts, not a snapshot of the whole fleet at one instant.
 */
public final class FleetState {

    private final ConcurrentHashMap<KioskId, KioskFacts> kiosks = new ConcurrentHashMap<>();
    private final Instant watchingSince;

    /** An empty fleet watched since {@code watchingSince} (when the console started). */
    public FleetState(Instant watchingSince) {
        this.watchingSince = Objects.requireNonNull(watchingSince, "watchingSince");
    }

    public Instant watchingSince() {
        return watchingSince;
    }

    /** Puts a kiosk as loaded from the store at start, watched from this console's start. */
    public void restore(KioskFacts facts) {
        kiosks.put(facts.id(), facts.watchingSince(watchingSince));
    }

    /**
     * Changes one kiosk atomically: {@code change} gets its facts (new ones when first heard of at
     * {@code now}) and returns the facts to keep.
     *
     * @return the facts before and after; {@code before} is null for a kiosk first heard of
     */
    public Update update(KioskId id, Instant now, UnaryOperator<KioskFacts> change) {
        KioskFacts[] before = new KioskFacts[1];
        KioskFacts after = kiosks.compute(id, (key, current) -> {
            before[0] = current;
            return change.apply(current != null ? current : KioskFacts.first(id, now, watchingSince));
        });
        return new Update(before[0], after);
    }

    /**
     * Runs {@code action} on the kiosk's current facts while no update of that kiosk can run, so that what it
     * does (judging, telling listeners) follows the kiosk's updates in order. The action must be quick and must
     * not update this state; it may read it.
     */
    public void inspect(KioskId id, Consumer<KioskFacts> action) {
        kiosks.computeIfPresent(id, (key, facts) -> {
            action.accept(facts);
            return facts;
        });
    }

    public Optional<KioskFacts> get(KioskId id) {
        return Optional.ofNullable(kiosks.get(id));
    }

    public Collection<KioskFacts> all() {
        return List.copyOf(kiosks.values());
    }

    public int size() {
        return kiosks.size();
    }

    /** One kiosk's change. */
    public record Update(KioskFacts before, KioskFacts after) {

        public boolean changed() {
            return !after.equals(before);
        }
    }
}
