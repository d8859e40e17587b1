package org.yizhan.fleet.store;

import java.time.Instant;
import java.util.List;
import org.yizhan.fleet.view.EventRecord;
import org.yizhan.fleet.view.FootfallQuery;
import org.yizhan.fleet.view.FootfallRow;
import org.yizhan.fleet.view.HealthPoint;
import org.yizhan.protocol.topic.KioskId;

/**
 * Where the console keeps what kiosks reported, so that a restarted console still knows every kiosk, its
 * footfall, events, health history and alerts. {@code store.jdbc.JdbcFleetStore} implements it on SQLite (the
 * default) or any JDBC database the SQL fits, such as PostgreSQL.
 *
 * <p><b>Threading.</b> {@link #write} and {@link #compactHealth} are called by one thread only (the console's
 * writer), which makes each batch one transaction. The queries may be called from any thread at the same time
 * as writes; they see what the last committed batch wrote.
 *
 * <p><b>Failures.</b> Every method throws {@link StoreException} when the database fails; a batch that failed
 * left nothing behind, and may be written again.
 */
public interface FleetStore extends AutoCloseable {

    /** Everything the console holds in memory, as last written: at start, before anything is received. */
    StoredFleet load();

    /**
     * Writes {@code batch} in one transaction: kiosk snapshots replace the stored ones, health points are
     * added, footfall is judged bucket by bucket by {@code FootfallLedger.judge} against what is stored
     * (earlier buckets of the same batch included), events are added unless an event with the same id of the
     * same kiosk is already there, and alerts replace the stored ones with the same id.
     *
     * @return what became of each footfall bucket and event, in the batch's order
     */
    BatchResult write(StoreBatch batch);

    /**
     * Turns raw health history older than the raw retention into one point per step and deletes points older
     * than the downsampled retention ({@link HealthRetention}).
     */
    HealthCompaction compactHealth(Instant now);

    /** The kiosk's health points in {@code [from, to)}, oldest first: raw where kept, downsampled before. */
    List<HealthPoint> healthHistory(KioskId kiosk, Instant from, Instant to);

    /** Footfall per kiosk and period, ordered by period then kiosk; each bucket at its highest revision. */
    List<FootfallRow> footfall(FootfallQuery query);

    /** The kiosk's latest {@code limit} events, newest first by arrival. */
    List<EventRecord> recentEvents(KioskId kiosk, int limit);

    @Override
    void close();
}
