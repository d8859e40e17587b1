package org.yizhan.fleet.web.metrics;

import java.util.Map;

/**
 * Whatever the fleet's ingest wants Prometheus to see, read at every scrape: names of lower-case letters,
 * digits and underscores (e.g. {@code messages_received_total}, {@code undecodable_total},
 * {@code footfall_duplicates_total}, {@code queue_depth}) with their current values. Each becomes
 * {@code yizhan_ingest_NAME}: a counter when the name ends in {@code _total} (its value must then never fall), a
 * gauge otherwise. Names of other characters are left out. Must be quick and thread-safe; a name that disappears
 * keeps its last value.
 */
@FunctionalInterface
public interface IngestStatistics {

    IngestStatistics NONE = Map::of;

    Map<String, ? extends Number> current();
}
