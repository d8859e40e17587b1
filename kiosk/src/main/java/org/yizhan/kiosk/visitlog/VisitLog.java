package org.yizhan.kiosk.visitlog;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.yizhan.kiosk.checkin.Purpose;

/**
 * The kiosk's durable record of visits.
 *
 * <p>Durability: {@link #record} and {@link #changePurpose} return only after the change is committed
 * and synced to storage, so that a visit the screen shows as accepted survives a power cut. Failures are
 * {@link VisitLogException}s; nothing is half-written. An implementation that counts footfall
 * ({@link SqliteVisitLog}) counts the visit, or moves its purpose's count, in that same commit.
 *
 * <p>Threading: implementations are safe to call from one thread at a time; the kiosk calls them from
 * its single check-in thread. Reads may come from other threads (statistics).
 */
public interface VisitLog extends AutoCloseable {

    /** Stores a new visit durably. */
    void record(Visit visit);

    /** Sets the purpose of a visit already recorded; returns false when there is no such visit. */
    boolean changePurpose(String visitId, Purpose purpose);

    /** The latest visit of this visitor at or after {@code since}, if any. */
    Optional<Visit> latestVisitOf(String visitorId, Instant since);

    /** Counts of all visits; "today" starts at local midnight of {@code now} in {@code zone}. */
    VisitStats stats(Instant now, ZoneId zone);

    @Override
    void close();
}
