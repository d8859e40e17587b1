package org.yizhan.kiosk.visitlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.message.ProtocolJson;

/**
 * The {@code footfall_bucket} table: the one place that reads and writes it. Used by {@link SqliteVisitLog}
 * to count each visit in the transaction that stores it, and by the outbox to make closed buckets into
 * messages and to merge old ones.
 *
 * <p>Every method runs on the connection of a transaction its caller holds ({@link SqliteVisitLog#transaction}
 * or the log's own), and neither commits nor rolls back: what it writes commits or vanishes with the
 * caller's other writes.
 *
 * <p>Buckets: a count at instant {@code at} goes to the bucket that covers {@code at}, which is the
 * {@link #bucketMinutes()} bucket of {@link Footfall#bucketStartOf} unless compaction has merged it into
 * an hour. A change sets the revision to one more than the last queued one, so changes between two
 * messages share a revision and a bucket's messages are numbered 1, 2, 3…
 *
 * <p>Thread-safe: it holds no connection and no mutable state.
 */
public final class SqliteFootfallBuckets {

    private static final String COLUMNS = "bucket_start_epoch_ms, bucket_minutes, counts, revision, queued_revision";

    private final int bucketMinutes;
    private final ObjectMapper json = ProtocolJson.newMapper();

    SqliteFootfallBuckets(int bucketMinutes) {
        if (bucketMinutes < 1 || 60 % bucketMinutes != 0) {
            throw new IllegalArgumentException("footfall bucket minutes must divide 60, not " + bucketMinutes);
        }
        this.bucketMinutes = bucketMinutes;
    }

    /** The length of the buckets new counts open. */
    public int bucketMinutes() {
        return bucketMinutes;
    }

    /** Adds {@code delta} to the bucket covering {@code at}, opening it if there is none. */
    public void add(Connection connection, Instant at, FootfallCounts delta) throws SQLException {
        Optional<FootfallBucket> covering = covering(connection, at);
        if (covering.isPresent()) {
            update(connection, covering.get().start(), covering.get().counts().plus(delta));
        } else {
            insert(connection, new FootfallBucket(Footfall.bucketStartOf(at, bucketMinutes), bucketMinutes, delta, 1, 0));
        }
    }

    /**
     * Moves one check-in from purpose {@code from} to purpose {@code to} in the bucket covering {@code at}.
     * A visit the bucket never counted (stored before footfall was counted) moves nothing: taking it
     * from {@code from} would take someone else's count.
     */
    public void movePurpose(Connection connection, Instant at, String from, String to) throws SQLException {
        Optional<FootfallBucket> covering = covering(connection, at);
        if (covering.isEmpty() || from.equals(to)) {
            return;
        }
        FootfallCounts counts = covering.get().counts();
        long had = counts.checkInsByPurpose().getOrDefault(from, 0L);
        if (had == 0) {
            return;
        }
        Map<String, Long> byPurpose = new TreeMap<>(counts.checkInsByPurpose());
        byPurpose.put(from, had - 1);
        byPurpose.merge(to, 1L, Math::addExact);
        update(connection, covering.get().start(), counts.withCheckInsByPurpose(byPurpose));
    }

    /** The bucket whose span holds {@code at}, if one was opened. */
    public Optional<FootfallBucket> covering(Connection connection, Instant at) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM footfall_bucket"
                + " WHERE bucket_start_epoch_ms <= ? ORDER BY bucket_start_epoch_ms DESC LIMIT 1")) {
            select.setLong(1, at.toEpochMilli());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                FootfallBucket bucket = bucket(row);
                return bucket.end().isAfter(at) ? Optional.of(bucket) : Optional.empty();
            }
        }
    }

    /** Buckets that ended by {@code now} and changed since they were last queued, oldest first. */
    public List<FootfallBucket> closedUnqueued(Connection connection, Instant now) throws SQLException {
        // "revision > queued_revision" matches the partial index, which keeps this cheap however long the history.
        return select(connection, "SELECT " + COLUMNS + " FROM footfall_bucket WHERE revision > queued_revision"
                + " AND bucket_start_epoch_ms + bucket_minutes * 60000 <= ? ORDER BY bucket_start_epoch_ms",
                now.toEpochMilli());
    }

    /** Buckets that started by {@code now}, the current one included, and changed since last queued. */
    public List<FootfallBucket> startedUnqueued(Connection connection, Instant now) throws SQLException {
        return select(connection, "SELECT " + COLUMNS + " FROM footfall_bucket WHERE revision > queued_revision"
                + " AND bucket_start_epoch_ms <= ? ORDER BY bucket_start_epoch_ms", now.toEpochMilli());
    }

    /** Buckets starting in {@code [from, to)}, oldest first. */
    public List<FootfallBucket> startingIn(Connection connection, Instant from, Instant to) throws SQLException {
        return select(connection, "SELECT " + COLUMNS + " FROM footfall_bucket"
                + " WHERE bucket_start_epoch_ms >= ? AND bucket_start_epoch_ms < ? ORDER BY bucket_start_epoch_ms",
                from.toEpochMilli(), to.toEpochMilli());
    }

    /** Records that revision {@code revision} of the bucket starting at {@code start} is now in the outbox. */
    public void markQueued(Connection connection, Instant start, int revision) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE footfall_bucket SET queued_revision = ? WHERE bucket_start_epoch_ms = ?")) {
            update.setInt(1, revision);
            update.setLong(2, start.toEpochMilli());
            requireOneRow(update.executeUpdate(), start);
        }
    }

    /** Stores a bucket that does not exist yet, as it is: for a bucket merged from others. */
    public void insert(Connection connection, FootfallBucket bucket) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO footfall_bucket (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, bucket.start().toEpochMilli());
            insert.setInt(2, bucket.minutes());
            insert.setString(3, write(bucket.counts()));
            insert.setInt(4, bucket.revision());
            insert.setInt(5, bucket.queuedRevision());
            insert.executeUpdate();
        }
    }

    /** Removes the bucket starting at {@code start}: for buckets merged into another. */
    public void delete(Connection connection, Instant start) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM footfall_bucket WHERE bucket_start_epoch_ms = ?")) {
            delete.setLong(1, start.toEpochMilli());
            requireOneRow(delete.executeUpdate(), start);
        }
    }

    /** The counts of every bucket starting in {@code [from, to)}, added up. */
    public FootfallCounts totals(Connection connection, Instant from, Instant to) throws SQLException {
        FootfallCounts total = FootfallCounts.NONE;
        for (FootfallBucket bucket : startingIn(connection, from, to)) {
            total = total.plus(bucket.counts());
        }
        return total;
    }

    private void update(Connection connection, Instant start, FootfallCounts counts) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE footfall_bucket"
                + " SET counts = ?, revision = queued_revision + 1 WHERE bucket_start_epoch_ms = ?")) {
            update.setString(1, write(counts));
            update.setLong(2, start.toEpochMilli());
            requireOneRow(update.executeUpdate(), start);
        }
    }

    private List<FootfallBucket> select(Connection connection, String sql, long... arguments) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                select.setLong(i + 1, arguments[i]);
            }
            List<FootfallBucket> buckets = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    buckets.add(bucket(rows));
                }
            }
            return buckets;
        }
    }

    private FootfallBucket bucket(ResultSet row) throws SQLException {
        Instant start = Instant.ofEpochMilli(row.getLong("bucket_start_epoch_ms"));
        FootfallCounts counts;
        try {
            counts = json.readValue(row.getString("counts"), FootfallCounts.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("footfall bucket " + start + " has unreadable counts: " + e.getOriginalMessage(), e);
        }
        return new FootfallBucket(start, row.getInt("bucket_minutes"), counts, row.getInt("revision"),
                row.getInt("queued_revision"));
    }

    private String write(FootfallCounts counts) {
        try {
            return json.writeValueAsString(Objects.requireNonNull(counts, "counts"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("footfall counts did not serialise", e);
        }
    }

    private static void requireOneRow(int changed, Instant start) throws SQLException {
        if (changed != 1) {
            throw new SQLException("footfall bucket " + start + ": expected one row, changed " + changed);
        }
    }
}
