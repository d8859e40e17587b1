package org.yizhan.fleet.ingest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the console's ingest has done since it started, for the metrics page and the benchmark.
 *
 * @param messagesByKind     messages received per topic kind ({@code state}, {@code birth}, {@code health},
 *                           {@code footfall}, {@code events}, {@code cmd-result}, and {@code cmd} for the fleet's
 *                           own commands, which are ignored), malformed ones included
 * @param malformed          messages whose topic or payload could not be read, counted and otherwise ignored
 * @param duplicatesAbsorbed footfall buckets received again or at a lower revision, and events received again,
 *                           that changed nothing
 * @param footfallConflicts  footfall buckets at the kept revision with other counts (a kiosk fault; ignored)
 * @param queueDepth         items waiting for the store's writer now
 * @param lastBatchSize      items in the last batch written
 * @param lastBatchDuration  how long its transaction took
 * @param batchesWritten     batches committed
 * @param itemsDropped       items given up after the store failed repeatedly
 * @param visible            freshness: from the client library's delivery to the kiosk's state being answered by
 *                           the view, over the latest messages
 * @param persisted          from delivery to the commit of the batch holding the message, over the latest ones
 * @param connected          whether the console is connected and subscribed now
 * @param connects           successful connects (and subscribes) since start
 * @param kiosks             kiosks the console knows
 */
public record IngestStatistics(Map<String, Long> messagesByKind, long malformed, long duplicatesAbsorbed,
        long footfallConflicts, int queueDepth, int lastBatchSize, Duration lastBatchDuration, long batchesWritten,
        long itemsDropped, Freshness visible, Freshness persisted, boolean connected, long connects, int kiosks) {

    public IngestStatistics {
        messagesByKind = Map.copyOf(messagesByKind);
        Objects.requireNonNull(lastBatchDuration, "lastBatchDuration");
        Objects.requireNonNull(visible, "visible");
        Objects.requireNonNull(persisted, "persisted");
    }

    public long messages() {
        return messagesByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Latencies over the latest {@code samples} messages.
     *
     * @param samples how many messages the figures are over (0 before any)
     */
    public record Freshness(int samples, Duration p50, Duration p99, Duration max) {

        public static final Freshness NONE = new Freshness(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The figures by the names Prometheus sees them under ({@code yizhan_ingest_} is prefixed by the console):
     * counters end in {@code _total}, durations are in seconds.
     */
    public Map<String, Number> metrics() {
        Map<String, Number> metrics = new LinkedHashMap<>();
        messagesByKind.forEach((kind, count) -> metrics.put("messages_" + kind.replace('-', '_') + "_total", count));
        metrics.put("malformed_total", malformed);
        metrics.put("duplicates_absorbed_total", duplicatesAbsorbed);
        metrics.put("footfall_conflicts_total", footfallConflicts);
        metrics.put("items_dropped_total", itemsDropped);
        metrics.put("batches_written_total", batchesWritten);
        metrics.put("connects_total", connects);
        metrics.put("queue_depth", queueDepth);
        metrics.put("last_batch_size", lastBatchSize);
        metrics.put("last_batch_seconds", lastBatchDuration.toNanos() / 1e9);
        metrics.put("visible_p99_seconds", visible.p99().toNanos() / 1e9);
        metrics.put("persisted_p99_seconds", persisted.p99().toNanos() / 1e9);
        metrics.put("connected", connected ? 1 : 0);
        metrics.put("kiosks", kiosks);
        return metrics;
    }
}
