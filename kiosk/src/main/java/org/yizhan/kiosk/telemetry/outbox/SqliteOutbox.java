package org.yizhan.kiosk.telemetry.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.kiosk.visitlog.FootfallBucket;
import org.yizhan.kiosk.visitlog.SqliteFootfallBuckets;
import org.yizhan.kiosk.visitlog.SqliteVisitLog;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.event.Severity;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.health.OutboxDepth;
import org.yizhan.protocol.message.Envelope;
import org.yizhan.protocol.topic.TopicKind;

/**
 * The outbox in the visit log's SQLite database: tables {@code outbox}, {@code outbox_state} and
 * {@code footfall_bucket} (migration {@code V2__outbox.sql}), on the log's one connection through
 * {@link SqliteVisitLog#transaction}, so every write is one transaction synced to storage like a visit,
 * serialised with the visits by the log's monitor.
 *
 * <p>Footfall: visits are counted by the visit log in their own transaction; entries and measurements here.
 * A bucket becomes a footfall message when it has ended (or is flushed by {@link #closeCurrentBucket}) and
 * changed since it was last queued. The message carries the bucket's full counts and its next revision (1,
 * 2, …) and replaces a pending message of the same bucket, which then never needs sending: the fleet keeps
 * the highest revision per (kiosk, bucket start), so a late change re-sends the bucket and counts once.
 *
 * <p>Sequence: every message made here, and every {@link #nextEnvelope}, takes the next number of one
 * persisted counter, in the transaction that uses it; numbers rise in the order messages are made.
 *
 * <p>Limits ({@link OutboxLimits}): a transaction that adds a row and leaves the outbox near full queues one
 * {@code outbox-near-full} alert, unless one is already out; {@link #confirm} and compaction re-arm it once
 * the outbox is below half its limits. {@link #enqueue} refuses change events past the limits. {@link
 * #compactIfNearFull} merges old footfall buckets rather than dropping them: the 15-minute buckets of an
 * hour that ended before {@code compactAfter} and that were never handed to the broker (queued at most once,
 * that message never claimed — claims are recorded before the hand-over) become one 60-minute bucket at the
 * hour's start, with their summed counts and revision 1. The fleet never saw any of them, so nothing is
 * counted twice; an hour in which any bucket may have been seen is left alone. 60 minutes is the longest
 * bucket the protocol allows.
 *
 * <p>Threading: any thread; see {@link Outbox} and {@link OutboxStore}.
 */
public final class SqliteOutbox implements Outbox, OutboxStore {

    private static final Logger log = LoggerFactory.getLogger(SqliteOutbox.class);

    private static final String FOOTFALL = TopicKind.FOOTFALL.segment();
    private static final String EVENTS = TopicKind.EVENTS.segment();
    private static final int MAX_ERROR_LENGTH = 500;
    private static final FootfallCounts ONE_ENTRY = new FootfallCounts(Map.of(), Map.of(), 1, Map.of());

    private final SqliteVisitLog db;
    private final SqliteFootfallBuckets buckets;
    private final Clock clock;
    private final OutboxLimits limits;
    private final PayloadCodec codec = new PayloadCodec();
    // Guarded by the log's monitor (every use is inside a transaction): log the first refusal of a full spell.
    private boolean refusing;

    private SqliteOutbox(SqliteVisitLog db, Clock clock, OutboxLimits limits) {
        this.db = db;
        this.buckets = db.footfall();
        this.clock = clock;
        this.limits = limits;
    }

    /**
     * The outbox in {@code log}'s database. It uses the log's connection and is usable until the log is
     * closed.
     *
     * @param clock the kiosk clock: message times, bucket ends and "now" for compaction
     */
    public static SqliteOutbox on(SqliteVisitLog log, Clock clock, OutboxLimits limits) {
        return new SqliteOutbox(Objects.requireNonNull(log, "log"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(limits, "limits"));
    }

    public OutboxLimits limits() {
        return limits;
    }

    @Override
    public void countEntry(Instant at) {
        Objects.requireNonNull(at, "at");
        db.transaction("countEntry", c -> {
            buckets.add(c, at, ONE_ENTRY);
            return null;
        });
    }

    @Override
    public void countMeasurement(String kind, Instant at) {
        Objects.requireNonNull(at, "at");
        // Built first, so a bad code is an IllegalArgumentException before any transaction.
        FootfallCounts one = new FootfallCounts(Map.of(), Map.of(), 0, Map.of(kind, 1L));
        db.transaction("countMeasurement", c -> {
            buckets.add(c, at, one);
            return null;
        });
    }

    @Override
    public void countMeasurement(String kind, String category, Instant at) {
        Objects.requireNonNull(at, "at");
        // Built first, so a bad code is an IllegalArgumentException before any transaction.
        FootfallCounts one = new FootfallCounts(Map.of(), Map.of(), 0, Map.of(kind, 1L),
                Map.of(FootfallCounts.measurementCategory(kind, category), 1L));
        db.transaction("countMeasurement", c -> {
            buckets.add(c, at, one);
            return null;
        });
    }

    @Override
    public boolean enqueue(Function<Envelope, Event> event) {
        Objects.requireNonNull(event, "event");
        return db.transaction("enqueue", c -> {
            Instant now = clock.instant();
            Envelope envelope = Envelope.next(nextSeq(c), now);
            Event made = event.apply(envelope);
            if (made == null || !made.envelope().equals(envelope)) {
                throw new IllegalArgumentException("the event must carry the envelope the outbox gave it");
            }
            OutboxPriority priority = OutboxPriority.of(made);
            byte[] payload = codec.encode(made);
            State state = state(c);
            if (!priority.bypassesCap() && limits.wouldOverflow(state.rows, state.bytes, payload.length)) {
                // The sequence number stays used: the contract allows gaps, and a refusal must not cost a rollback.
                if (!refusing) {
                    log.warn("outbox full ({} messages, {} bytes): dropping '{}' change events until it drains",
                            state.rows, state.bytes, made.kind());
                    refusing = true;
                }
                return false;
            }
            insert(c, EVENTS, null, priority, payload, now, 0);
            raiseNearFullOnce(c, now);
            return true;
        });
    }

    @Override
    public int closeCurrentBucket() {
        Instant now = clock.instant();
        return db.transaction("closeCurrentBucket", c -> queue(c, buckets.startedUnqueued(c, now), now));
    }

    @Override
    public int queueClosedBuckets(Instant now) {
        Objects.requireNonNull(now, "now");
        return db.transaction("queueClosedBuckets", c -> queue(c, buckets.closedUnqueued(c, now), now));
    }

    @Override
    public Envelope nextEnvelope() {
        return db.transaction("nextEnvelope", c -> Envelope.next(nextSeq(c), clock.instant()));
    }

    @Override
    public OutboxDepth depth() {
        return db.transaction("depth", c -> {
            State state = state(c);
            Instant oldest = null;
            try (Statement statement = c.createStatement();
                 ResultSet row = statement.executeQuery("SELECT min(created_at_epoch_ms) FROM outbox")) {
                row.next();
                long millis = row.getLong(1);
                if (!row.wasNull()) {
                    oldest = Instant.ofEpochMilli(millis);
                }
            }
            return new OutboxDepth(state.rows, state.bytes, limits.maxRows(), limits.maxBytes(), oldest);
        });
    }

    @Override
    public List<PendingMessage> claim(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, not " + max);
        }
        return db.transaction("claim", c -> {
            List<PendingMessage> claimed = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT id, kind, payload, created_at_epoch_ms, attempts"
                    + " FROM outbox ORDER BY priority, created_at_epoch_ms, id LIMIT ?")) {
                select.setInt(1, max);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String kind = rows.getString("kind");
                        TopicKind topicKind = TopicKind.fromSegment(kind)
                                .orElseThrow(() -> new SQLException("outbox row of unknown kind '" + kind + "'"));
                        claimed.add(new PendingMessage(rows.getLong("id"), topicKind, rows.getBytes("payload"),
                                Instant.ofEpochMilli(rows.getLong("created_at_epoch_ms")), rows.getInt("attempts") + 1));
                    }
                }
            }
            // Recorded before the hand-over: compaction must know a message may have reached the fleet even
            // when the kiosk dies before hearing the outcome.
            try (PreparedStatement attempt = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?")) {
                for (PendingMessage message : claimed) {
                    attempt.setLong(1, message.id());
                    attempt.addBatch();
                }
                attempt.executeBatch();
            }
            return claimed;
        });
    }

    @Override
    public void confirm(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        db.transaction("confirm", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
                for (long id : ids) {
                    delete.setLong(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            rearm(c);
            return null;
        });
    }

    @Override
    public void fail(Map<Long, String> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        db.transaction("fail", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE outbox SET last_error = ? WHERE id = ?")) {
                for (Map.Entry<Long, String> reason : reasons.entrySet()) {
                    String text = String.valueOf(reason.getValue());
                    update.setString(1, text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text);
                    update.setLong(2, reason.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    @Override
    public int compactIfNearFull(Instant now) {
        Objects.requireNonNull(now, "now");
        return db.transaction("compact", c -> {
            State state = state(c);
            if (!limits.nearFull(state.rows, state.bytes)) {
                return 0;
            }
            int merged = compact(c, now);
            if (merged > 0) {
                State after = state(c);
                log.info("outbox near full: merged old footfall into {} hour buckets, {} → {} messages", merged,
                        state.rows, after.rows);
            }
            rearm(c);
            return merged;
        });
    }

    private int compact(Connection c, Instant now) throws SQLException {
        Instant cutoff = now.minus(limits.compactAfter());
        // Footfall messages never handed to the broker connection, by bucket start, with when they were made.
        Map<Instant, Instant> neverHandedOver = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT key, created_at_epoch_ms FROM outbox WHERE kind = ? AND attempts = 0")) {
            select.setString(1, FOOTFALL);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    neverHandedOver.put(bucketStart(rows.getString("key")),
                            Instant.ofEpochMilli(rows.getLong("created_at_epoch_ms")));
                }
            }
        }
        TreeSet<Instant> hours = new TreeSet<>();
        for (Instant start : neverHandedOver.keySet()) {
            hours.add(Footfall.bucketStartOf(start, 60));
        }
        for (FootfallBucket bucket : buckets.closedUnqueued(c, cutoff)) {
            if (bucket.queuedRevision() == 0) {
                hours.add(Footfall.bucketStartOf(bucket.start(), 60));
            }
        }
        int merged = 0;
        for (Instant hour : hours) {
            Instant hourEnd = hour.plus(Duration.ofHours(1));
            if (hourEnd.isAfter(cutoff)) {
                continue;
            }
            List<FootfallBucket> parts = buckets.startingIn(c, hour, hourEnd);
            boolean mergeable = parts.size() > 1 && parts.stream().allMatch(part -> part.minutes() < 60
                    && (part.queuedRevision() == 0
                    || part.queuedRevision() == 1 && neverHandedOver.containsKey(part.start())));
            if (!mergeable) {
                continue;
            }
            FootfallCounts total = FootfallCounts.NONE;
            Instant made = now;
            for (FootfallBucket part : parts) {
                total = total.plus(part.counts());
                Instant partMade = neverHandedOver.get(part.start());
                if (partMade != null && partMade.isBefore(made)) {
                    made = partMade;
                }
                deleteFootfallMessage(c, part.start());
                buckets.delete(c, part.start());
            }
            FootfallBucket hourBucket = new FootfallBucket(hour, 60, total, 1, 0);
            buckets.insert(c, hourBucket);
            // Made now, but it keeps the place in the draining order of the oldest message it replaces.
            queueBucket(c, hourBucket, now, made);
            merged++;
        }
        return merged;
    }

    private int queue(Connection c, List<FootfallBucket> due, Instant now) throws SQLException {
        for (FootfallBucket bucket : due) {
            queueBucket(c, bucket, now, now);
        }
        if (!due.isEmpty()) {
            raiseNearFullOnce(c, now);
        }
        return due.size();
    }

    /** Makes the bucket's footfall message, replacing the pending one of the same bucket. */
    private void queueBucket(Connection c, FootfallBucket bucket, Instant now, Instant createdAt) throws SQLException {
        Footfall message = new Footfall(Envelope.next(nextSeq(c), now), bucket.start(), bucket.minutes(),
                bucket.revision(), bucket.counts());
        // The replacement gets a new id, so a PUBACK still owed to the old one cannot delete it, and inherits
        // the old one's attempts, so compaction still knows the bucket may have been seen.
        int attempts = deleteFootfallMessage(c, bucket.start());
        insert(c, FOOTFALL, bucket.start().toString(), OutboxPriority.FOOTFALL, codec.encode(message), createdAt,
                attempts);
        buckets.markQueued(c, bucket.start(), bucket.revision());
    }

    /** Deletes the pending footfall message of a bucket; returns its attempts, 0 when there was none. */
    private static int deleteFootfallMessage(Connection c, Instant bucketStart) throws SQLException {
        int attempts = 0;
        try (PreparedStatement select = c.prepareStatement("SELECT attempts FROM outbox WHERE kind = ? AND key = ?")) {
            select.setString(1, FOOTFALL);
            select.setString(2, bucketStart.toString());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return 0;
                }
                attempts = row.getInt(1);
            }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE kind = ? AND key = ?")) {
            delete.setString(1, FOOTFALL);
            delete.setString(2, bucketStart.toString());
            delete.executeUpdate();
        }
        return attempts;
    }

    private static void insert(Connection c, String kind, String key, OutboxPriority priority, byte[] payload,
                               Instant createdAt, int attempts) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox"
                + " (kind, key, priority, payload, bytes, created_at_epoch_ms, attempts) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, kind);
            insert.setString(2, key);
            insert.setInt(3, priority.rank());
            insert.setBytes(4, payload);
            insert.setLong(5, payload.length);
            insert.setLong(6, createdAt.toEpochMilli());
            insert.setInt(7, attempts);
            insert.executeUpdate();
        }
    }

    private void raiseNearFullOnce(Connection c, Instant now) throws SQLException {
        State state = state(c);
        if (state.nearFullAlerted || !limits.nearFull(state.rows, state.bytes)) {
            return;
        }
        Map<String, Object> details = Map.of("rows", state.rows, "bytes", state.bytes, "maxRows", limits.maxRows(),
                "maxBytes", limits.maxBytes());
        Event alert = new Event(Envelope.next(nextSeq(c), now), Event.OUTBOX_NEAR_FULL, Severity.WARNING,
                String.format("outbox near full: %d of %d messages, %d of %d bytes waiting for the broker",
                        state.rows, limits.maxRows(), state.bytes, limits.maxBytes()), null, details);
        insert(c, EVENTS, null, OutboxPriority.ALERT, codec.encode(alert), now, 0);
        setState(c, "near_full_alerted", 1);
        log.warn("{}", alert.message());
    }

    private void rearm(Connection c) throws SQLException {
        State state = state(c);
        if (limits.rearms(state.rows, state.bytes)) {
            refusing = false;
            if (state.nearFullAlerted) {
                setState(c, "near_full_alerted", 0);
            }
        }
    }

    private static long nextSeq(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.executeUpdate("UPDATE outbox_state SET value = value + 1 WHERE name = 'seq'");
            try (ResultSet row = statement.executeQuery("SELECT value FROM outbox_state WHERE name = 'seq'")) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static State state(Connection c) throws SQLException {
        Map<String, Long> values = new HashMap<>();
        try (Statement statement = c.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, value FROM outbox_state")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getLong(2));
            }
        }
        return new State(values.getOrDefault("rows", 0L), values.getOrDefault("bytes", 0L),
                values.getOrDefault("near_full_alerted", 0L) != 0);
    }

    private static void setState(Connection c, String name, long value) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE outbox_state SET value = ? WHERE name = ?")) {
            update.setLong(1, value);
            update.setString(2, name);
            update.executeUpdate();
        }
    }

    private static Instant bucketStart(String key) throws SQLException {
        try {
            return Instant.parse(key);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new SQLException("footfall outbox row with a key that is not a bucket start: " + key, e);
        }
    }

    private record State(long rows, long bytes, boolean nearFullAlerted) {
    }
}
