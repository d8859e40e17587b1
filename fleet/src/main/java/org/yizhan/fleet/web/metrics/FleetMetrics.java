package org.yizhan.fleet.web.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.yizhan.fleet.view.FleetOverview;
import org.yizhan.fleet.view.FleetView;
import org.yizhan.fleet.view.FootfallQuery;
import org.yizhan.fleet.view.FootfallRow;
import org.yizhan.protocol.footfall.FootfallCounts;

/**
 * The console's Prometheus metrics ({@code GET /metrics}, text format 0.0.4), read from {@link FleetView} at
 * each scrape:
 * <ul>
 * <li>{@code yizhan_kiosks{condition="online|degraded|lost"}} and {@code yizhan_sites};</li>
 * <li>{@code yizhan_alerts_open};</li>
 * <li>{@code yizhan_check_ins_today}, {@code yizhan_walk_ins_today}, {@code yizhan_entries_sensed_today} and
 * {@code yizhan_measurements_today}: the fleet's footfall since midnight in the fleet's zone (gauges, since
 * they fall back to zero at midnight);</li>
 * <li>{@code yizhan_ingest_*}: whatever {@link IngestStatistics} gives; a name ending in {@code _total} is a
 * counter, any other a gauge.</li>
 * </ul>
 * One scrape reads the view once (overview and today's footfall) and every gauge answers from that snapshot,
 * so the numbers of one scrape agree with each other. Thread-safe; scrapes are serialised.
 */
public final class FleetMetrics {

    private static final Pattern INGEST_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** What one scrape read. */
    private record Snapshot(FleetOverview overview, FootfallCounts today) {
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final FleetView view;
    private final ZoneId zone;
    private final Clock clock;
    private final IngestStatistics ingest;
    private final Map<String, Double> ingestValues = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot;

    public FleetMetrics(FleetView view, ZoneId zone, Clock clock, IngestStatistics ingest) {
        this.view = Objects.requireNonNull(view, "view");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        gauge("yizhan.kiosks", "Kiosks in each condition", s -> s.overview().online()).tag("condition", "online")
                .register(registry);
        gauge("yizhan.kiosks", "Kiosks in each condition", s -> s.overview().degraded()).tag("condition", "degraded")
                .register(registry);
        gauge("yizhan.kiosks", "Kiosks in each condition", s -> s.overview().lost()).tag("condition", "lost")
                .register(registry);
        gauge("yizhan.sites", "Sites with at least one kiosk", s -> s.overview().sites().size()).register(registry);
        gauge("yizhan.alerts.open", "Alerts not yet acknowledged", s -> s.overview().openAlerts().size())
                .register(registry);
        gauge("yizhan.check.ins.today", "Check-ins since midnight in the fleet's zone", s -> s.today().checkIns())
                .register(registry);
        gauge("yizhan.walk.ins.today", "Check-ins without a pass since midnight", s -> s.today().walkIns())
                .register(registry);
        gauge("yizhan.entries.sensed.today", "People the entry sensors saw since midnight",
                s -> s.today().entriesSensed()).register(registry);
        gauge("yizhan.measurements.today", "Health measurements since midnight",
                s -> s.today().measurementsByKind().values().stream().mapToLong(Long::longValue).sum())
                .register(registry);
    }

    /** The metrics now, in the Prometheus text format. */
    public synchronized String scrape() {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        FootfallQuery query = new FootfallQuery(null, null, today.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant(), FootfallQuery.Period.DAY, zone);
        FootfallCounts counts = view.footfall(query).stream().map(FootfallRow::counts)
                .reduce(FootfallCounts.NONE, FootfallCounts::plus);
        snapshot = new Snapshot(view.overview(), counts);
        ingest.current().forEach((name, value) -> {
            if (!INGEST_NAME.matcher(name).matches() || value == null) {
                return;
            }
            if (ingestValues.put(name, value.doubleValue()) == null) {
                register(name);
            }
        });
        return registry.scrape();
    }

    /** A counter for a {@code _total} name (Prometheus keeps that suffix for counters), a gauge otherwise. */
    private void register(String name) {
        String description = "Fleet ingest: " + name;
        if (name.endsWith("_total")) {
            String counter = "yizhan.ingest." + name.substring(0, name.length() - "_total".length());
            FunctionCounter.builder(counter, ingestValues, values -> values.getOrDefault(name, 0.0))
                    .description(description).register(registry);
        } else {
            Gauge.builder("yizhan.ingest." + name, ingestValues, values -> values.getOrDefault(name, Double.NaN))
                    .description(description).register(registry);
        }
    }

    /** The content type of {@link #scrape}. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    private Gauge.Builder<FleetMetrics> gauge(String name, String description,
            ToDoubleFunction<Snapshot> value) {
        return Gauge.builder(name, this, metrics -> metrics.snapshot == null ? Double.NaN
                : value.applyAsDouble(metrics.snapshot)).description(description);
    }
}
