package org.yizhan.kiosk.health;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored health readings of residents who chose to keep their history, each under the pseudonymous
 * subject of the resident's own pass.
 *
 * <p>Consent is the caller's decision: call {@link #store} only for a resident who chose "measure and keep my
 * history" and then scanned their pass; a visitor who measured without saving is only counted in footfall.
 * Only {@link Assessment.Assessed} readings can be stored, so a refused reading never is.
 *
 * <p>Durability: every write is one transaction committed and synced to storage before it returns. Retention
 * is the caller's schedule: it calls {@link #purgeOlderThan} (e.g. daily, with now minus
 * {@link #DEFAULT_RETENTION} or the configured retention).
 *
 * <p>Privacy: pseudonyms and values never appear in logs or in exception messages.
 *
 * <p>Threading: any thread; calls are serialised. Failures are {@code VisitLogException}s and leave nothing
 * half-written.
 */
public interface HealthRecords {

    /** How long readings are kept unless configured otherwise. */
    Duration DEFAULT_RETENTION = Duration.ofDays(180);

    /** Readings {@link #residentHistory} reads, enough for a chart and the trend. */
    int HISTORY_READINGS = 10;

    /**
     * Stores one assessed reading of the resident {@code pseudonym}, taken at {@code at}: its kind, values,
     * category and flags.
     *
     * @return the reading as it will be read back (its time to the millisecond)
     * @throws IllegalArgumentException when {@code pseudonym} is blank
     */
    StoredReading store(String pseudonym, Assessment.Assessed assessed, Instant at);

    /** The resident's last {@code limit} readings of {@code kind}, newest first; a tie in time by storing order. */
    List<StoredReading> history(String pseudonym, MeasurementKind kind, int limit);

    /** The height of the resident's latest weighing that had one. */
    Optional<BigDecimal> knownHeight(String pseudonym);

    /**
     * What the assessor needs before a new reading of {@code kind}: the last {@link #HISTORY_READINGS} readings
     * of that kind and the known height, read together.
     */
    ResidentHistory residentHistory(String pseudonym, MeasurementKind kind);

    /** "Delete my data": removes every reading of the resident; returns how many there were. */
    int deleteAll(String pseudonym);

    /** The retention purge: removes every reading taken before {@code cutoff}; returns how many. */
    int purgeOlderThan(Instant cutoff);
}
