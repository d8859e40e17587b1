package org.yizhan.kiosk;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.devices.health.Measurement;
import org.yizhan.kiosk.flow.HealthResult;
import org.yizhan.kiosk.flow.HealthService;
import org.yizhan.kiosk.health.Assessment;
import org.yizhan.kiosk.health.HealthAssessor;
import org.yizhan.kiosk.health.HealthFlag;
import org.yizhan.kiosk.health.HealthRecords;
import org.yizhan.kiosk.health.MeasurementKind;
import org.yizhan.kiosk.health.Reading;
import org.yizhan.kiosk.health.ResidentHistory;
import org.yizhan.kiosk.health.StoredReading;
import org.yizhan.kiosk.telemetry.outbox.Outbox;
import org.yizhan.provisioning.pass.PassCheck;
import org.yizhan.provisioning.pass.PassVerifier;

/**
 * The health check behind the flow: readings judged by {@link HealthAssessor}, kept in {@link HealthRecords}
 * under the resident's pseudonym only when they chose a history, and counted anonymously (kind and
 * category) in the footfall bucket, which is all that leaves the kiosk. Refused readings are neither kept
 * nor counted. Nothing here logs a value or a pseudonym.
 *
 * <p>Retention: {@link #purge} deletes what is older than the retention; the kiosk runs it daily on its
 * clock. The count and the kept reading are two transactions, the count first: a power cut between them
 * leaves a reading counted and not kept, never kept and not counted.
 *
 * <p>Threading: the kiosk thread, like the flow that calls it.
 */
final class HealthCheck implements HealthService {

    private static final Logger log = LoggerFactory.getLogger(HealthCheck.class);

    private final HealthRecords records;
    private final Outbox counts;
    private final PassVerifier passes;
    private final Duration retention;
    private final Clock clock;

    HealthCheck(HealthRecords records, Outbox counts, PassVerifier passes, Duration retention, Clock clock) {
        this.records = Objects.requireNonNull(records, "records");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.passes = Objects.requireNonNull(passes, "passes");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public HealthOutcome record(Measurement measurement, String pseudonym, Instant at) {
        MeasurementKind kind = kindOf(measurement);
        ResidentHistory history = pseudonym == null ? ResidentHistory.NONE
                : records.residentHistory(pseudonym, kind);
        Assessment assessment = HealthAssessor.assess(measurement, history);
        if (assessment instanceof Assessment.Refused refused) {
            return new HealthOutcome.Refused(refused.reason().code(), refused.reason().description());
        }
        Assessment.Assessed assessed = (Assessment.Assessed) assessment;
        Optional<String> category = assessed.reading().categoryCode();
        if (category.isPresent()) {
            counts.countMeasurement(kind.code(), category.get(), at);
        } else {
            counts.countMeasurement(kind.code(), at);
        }
        List<HealthResult.Point> points = List.of();
        if (pseudonym != null) {
            records.store(pseudonym, assessed, at);
            // Newest first from the records; the chart reads left to right, oldest first.
            List<HealthResult.Point> newestFirst = new ArrayList<>();
            for (StoredReading stored : records.history(pseudonym, kind, HealthRecords.HISTORY_READINGS)) {
                newestFirst.add(new HealthResult.Point(stored.at(), values(stored.reading())));
            }
            Collections.reverse(newestFirst);
            points = newestFirst;
        }
        return new HealthOutcome.Assessed(new HealthResult(kind.code(), at, values(assessed.reading()),
                category.orElse(null), grade(assessed.reading()), assessed.crisis(),
                assessed.flags().stream().map(HealthFlag::code).toList(), pseudonym != null,
                assessed.trend().map(t -> t.direction().code()).orElse(null), points, assessed.adviceKeys()));
    }

    @Override
    public int forget(String pseudonym) {
        return records.deleteAll(pseudonym);
    }

    @Override
    public Optional<String> identify(String scanned) {
        PassCheck check = passes.verify(scanned);
        return check instanceof PassCheck.Valid valid ? Optional.of(valid.pass().subject()) : Optional.empty();
    }

    /** Deletes the readings older than the retention; returns how many. */
    int purge() {
        int purged = records.purgeOlderThan(clock.instant().minus(retention));
        if (purged > 0) {
            log.info("retention: deleted {} health readings older than {}", purged, retention);
        }
        return purged;
    }

    private static Map<String, Double> values(Reading reading) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (reading instanceof Reading.BloodPressure bp) {
            values.put("systolic", bp.systolicMmHg().doubleValue());
            values.put("diastolic", bp.diastolicMmHg().doubleValue());
            bp.pulsePerMinute().ifPresent(p -> values.put("pulse", p.doubleValue()));
        } else if (reading instanceof Reading.Weight weight) {
            values.put("weight", weight.kilograms().doubleValue());
            weight.heightMetres().ifPresent(h -> values.put("height", h.doubleValue()));
            weight.bmi().map(BigDecimal::doubleValue).ifPresent(b -> values.put("bmi", b));
        } else if (reading instanceof Reading.Temperature temperature) {
            values.put("temperature", temperature.celsius().doubleValue());
        }
        return values;
    }

    private static String grade(Reading reading) {
        return reading instanceof Reading.BloodPressure bp ? bp.grade().code() : null;
    }

    private static MeasurementKind kindOf(Measurement measurement) {
        if (measurement instanceof Measurement.BloodPressure) {
            return MeasurementKind.BLOOD_PRESSURE;
        }
        if (measurement instanceof Measurement.Weight) {
            return MeasurementKind.WEIGHT;
        }
        if (measurement instanceof Measurement.Temperature) {
            return MeasurementKind.TEMPERATURE;
        }
        throw new IllegalArgumentException("not a reading: " + measurement.characteristic());
    }
}
