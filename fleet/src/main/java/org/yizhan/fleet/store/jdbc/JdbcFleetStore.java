package org.yizhan.fleet.store.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.fleet.store.BatchResult;
import org.yizhan.fleet.store.FleetStore;
import org.yizhan.fleet.store.HealthCompaction;
import org.yizhan.fleet.store.HealthRetention;
import org.yizhan.fleet.store.HealthSample;
import org.yizhan.fleet.store.ReceivedFootfall;
import org.yizhan.fleet.store.StoreBatch;
import org.yizhan.fleet.store.StoreException;
import org.yizhan.fleet.store.StoreSettings;
import org.yizhan.fleet.store.StoredFleet;
import org.yizhan.fleet.store.StoredKiosk;
import org.yizhan.fleet.view.Alert;
import org.yizhan.fleet.view.EventRecord;
import org.yizhan.fleet.view.FootfallQuery;
import org.yizhan.fleet.view.FootfallRow;
import org.yizhan.fleet.view.HealthPoint;
import org.yizhan.protocol.birth.Birth;
import org.yizhan.protocol.codec.Decoding;
import org.yizhan.protocol.codec.PayloadCodec;
import org.yizhan.protocol.event.Event;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallCounts;
import org.yizhan.protocol.footfall.FootfallLedger;
import org.yizhan.protocol.health.Health;
import org.yizhan.protocol.message.Message;
import org.yizhan.protocol.state.KioskState;
import org.yizhan.protocol.topic.KioskId;

/**
 * The {@link FleetStore} on JDBC: SQLite by default, any database the portable SQL of
 * {@code classpath:db/fleet} fits (PostgreSQL 9.5+). The only package of the fleet that knows JDBC and Flyway.
 *
 * <p><b>Opening</b> ({@link #open}) creates the SQLite file's directory, brings the schema to the latest
 * version with Flyway, and opens two connections: the writer's and the readers'. SQLite runs in WAL mode with
 * {@code synchronous=NORMAL}: a commit survives a crash of the console; a power cut may lose the last
 * transactions (the kiosks' outboxes cannot resend what the broker acknowledged, so the console's machine should
 * not lose power more often than a server does — see {@code docs/decisions/0008-fleet-store.md}).
 *
 * <p><b>Threading.</b> {@link #write} and {@link #compactHealth} use the writer's connection and must be called
 * from one thread. Queries share the readers' connection under a lock, and see the last committed batch.
 *
 * <p><b>Footfall</b> is judged in the writer's transaction: the stored bucket is read, {@code FootfallLedger.judge}
 * decides, and only {@code ADDED} inserts and {@code SUPERSEDED} updates (guarded by the revision, so the rule
 * holds even if another writer raced it).
 */
public final class JdbcFleetStore implements FleetStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcFleetStore.class);
    private static final int BUSY_TIMEOUT_MS = 5000;
    /** Acknowledged alerts loaded at start, besides every open one. */
    private static final int ACKNOWLEDGED_ALERTS_LOADED = 500;

    private static final String UPSERT_KIOSK = "INSERT INTO kiosks (kiosk_no, site, kiosk, state, state_received,"
            + " birth, health, health_received, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (site, kiosk) DO UPDATE SET state = excluded.state,"
            + " state_received = excluded.state_received, birth = excluded.birth, health = excluded.health,"
            + " health_received = excluded.health_received, last_seen = excluded.last_seen";
    private static final String INSERT_HEALTH = "INSERT INTO health_raw (kiosk_no, at_ms, cpu_celsius, load1,"
            + " data_free_percent, outbox_rows) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kiosk_no, at_ms) DO NOTHING";
    private static final String SELECT_BUCKET = "SELECT payload FROM footfall_buckets"
            + " WHERE site = ? AND kiosk = ? AND bucket_start = ?";
    private static final String INSERT_BUCKET = "INSERT INTO footfall_buckets (site, kiosk, bucket_start,"
            + " bucket_minutes, revision, check_ins, payload, received_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_BUCKET = "UPDATE footfall_buckets SET bucket_minutes = ?, revision = ?,"
            + " check_ins = ?, payload = ?, received_ms = ? WHERE site = ? AND kiosk = ? AND bucket_start = ?"
            + " AND revision < ?";
    private static final String INSERT_EVENT = "INSERT INTO events (site, kiosk, id, received_ms, kind, severity,"
            + " payload) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (site, kiosk, id) DO NOTHING";
    private static final String UPSERT_ALERT = "INSERT INTO alerts (id, rule, site, kiosk, message, raised_ms,"
            + " cleared_ms, acknowledged_ms, acknowledged_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET message = excluded.message, cleared_ms = excluded.cleared_ms,"
            + " acknowledged_ms = excluded.acknowledged_ms, acknowledged_by = excluded.acknowledged_by";
    private static final String ALERT_COLUMNS = "id, rule, site, kiosk, message, raised_ms, cleared_ms,"
            + " acknowledged_ms, acknowledged_by";

    private final StoreSettings settings;
    private final PayloadCodec codec = new PayloadCodec();
    /** Confined to the writer's thread. */
    private final Connection writer;
    /** Guarded by itself. */
    private final Connection reader;
    /** Written by the writer's thread only; read by queries. */
    private final Map<KioskId, Integer> kioskNumbers = new ConcurrentHashMap<>();
    private int lastKioskNo;

    private JdbcFleetStore(StoreSettings settings, Connection writer, Connection reader) {
        this.settings = settings;
        this.writer = writer;
        this.reader = reader;
    }

    /**
     * Opens the store, creating and migrating the database as needed.
     *
     * @throws StoreException when the database cannot be reached, created or migrated
     */
    public static JdbcFleetStore open(StoreSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Connection writer = null;
        Connection reader = null;
        try {
            if (settings.sqlite()) {
                createDirectoryOf(settings.jdbcUrl().substring("jdbc:sqlite:".length()));
            }
            writer = connect(settings);
            migrate(settings);
            writer.setAutoCommit(false);
            reader = connect(settings);
            JdbcFleetStore store = new JdbcFleetStore(settings, writer, reader);
            store.loadKioskNumbers();
            return store;
        } catch (SQLException | FlywayException | IOException e) {
            closeQuietly(writer);
            closeQuietly(reader);
            throw new StoreException("cannot open the fleet store " + settings.jdbcUrl() + ": " + oneLine(e), e);
        }
    }

    private static void createDirectoryOf(String file) throws IOException {
        int query = file.indexOf('?');
        String path = query >= 0 ? file.substring(0, query) : file;
        if (path.isEmpty() || path.equals(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static Connection connect(StoreSettings settings) throws SQLException {
        Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.username(),
                settings.password());
        if (settings.sqlite()) {
            // each PRAGMA on its own statement, its result set closed: sqlite-jdbc's pitfall (STACK.md)
            pragma(connection, "journal_mode=WAL");
            pragma(connection, "synchronous=NORMAL");
            pragma(connection, "busy_timeout=" + BUSY_TIMEOUT_MS);
        }
        return connection;
    }

    private static void pragma(Connection connection, String pragma) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (statement.execute("PRAGMA " + pragma)) {
                statement.getResultSet().close();
            }
        }
    }

    static MigrateResult migrate(StoreSettings settings) {
        // this class's loader: the calling thread's context loader (a web server's, picocli's) may not see them
        MigrateResult result = Flyway.configure(JdbcFleetStore.class.getClassLoader())
                .dataSource(settings.jdbcUrl(), settings.username(), settings.password())
                .locations("classpath:db/fleet")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("fleet store schema migrated from version {} to {} ({} migrations)",
                    result.initialSchemaVersion, result.targetSchemaVersion, result.migrationsExecuted);
        }
        return result;
    }

    private void loadKioskNumbers() throws SQLException {
        try (Statement statement = writer.createStatement();
                ResultSet rows = statement.executeQuery("SELECT kiosk_no, site, kiosk FROM kiosks")) {
            while (rows.next()) {
                int number = rows.getInt(1);
                kioskNumbers.put(new KioskId(rows.getString(2), rows.getString(3)), number);
                lastKioskNo = Math.max(lastKioskNo, number);
            }
        }
        writer.commit();
    }

    @Override
    public StoredFleet load() {
        synchronized (reader) {
            try {
                List<StoredKiosk> kiosks = new ArrayList<>();
                try (Statement statement = reader.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT site, kiosk, state, state_received, birth,"
                                + " health, health_received, last_seen FROM kiosks ORDER BY site, kiosk")) {
                    while (rows.next()) {
                        KioskId id = new KioskId(rows.getString(1), rows.getString(2));
                        KioskState state = decode(rows.getString(3), KioskState.class, id);
                        Instant stateReceived = state == null ? null : instant(rows, 4);
                        Birth birth = decode(rows.getString(5), Birth.class, id);
                        Health health = decode(rows.getString(6), Health.class, id);
                        Instant healthReceived = health == null ? null : instant(rows, 7);
                        kiosks.add(new StoredKiosk(id, state, stateReceived, birth, health, healthReceived,
                                instant(rows, 8)));
                    }
                }
                List<Alert> alerts = new ArrayList<>();
                try (Statement statement = reader.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT " + ALERT_COLUMNS
                                + " FROM alerts WHERE acknowledged_ms IS NULL ORDER BY id DESC")) {
                    while (rows.next()) {
                        alerts.add(alert(rows));
                    }
                }
                try (PreparedStatement statement = reader.prepareStatement("SELECT " + ALERT_COLUMNS
                        + " FROM alerts WHERE acknowledged_ms IS NOT NULL ORDER BY id DESC LIMIT ?")) {
                    statement.setInt(1, ACKNOWLEDGED_ALERTS_LOADED);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            alerts.add(alert(rows));
                        }
                    }
                }
                alerts.sort(Comparator.comparingLong(Alert::id).reversed());
                long lastAlertId;
                try (Statement statement = reader.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM alerts")) {
                    rows.next();
                    lastAlertId = rows.getLong(1);
                }
                return new StoredFleet(kiosks, alerts, lastAlertId);
            } catch (SQLException e) {
                throw failure("loading the fleet", e);
            }
        }
    }

    @Override
    public BatchResult write(StoreBatch batch) {
        Map<KioskId, Integer> assigned = new HashMap<>();
        int lastBefore = lastKioskNo;
        try {
            writeKiosks(batch.kiosks(), assigned);
            writeHealth(batch.health(), assigned);
            List<FootfallLedger.Outcome> footfall = writeFootfall(batch.footfall());
            List<Boolean> events = writeEvents(batch.events());
            writeAlerts(batch.alerts());
            writer.commit();
            kioskNumbers.putAll(assigned);
            return new BatchResult(footfall, events);
        } catch (SQLException | RuntimeException e) {
            lastKioskNo = lastBefore;
            rollback();
            throw failure("writing a batch of " + batch.size(), e);
        }
    }

    private int kioskNo(KioskId id, Map<KioskId, Integer> assigned) {
        Integer known = kioskNumbers.get(id);
        if (known == null) {
            known = assigned.computeIfAbsent(id, ignored -> ++lastKioskNo);
        }
        return known;
    }

    private void writeKiosks(List<StoredKiosk> kiosks, Map<KioskId, Integer> assigned) throws SQLException {
        if (kiosks.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = writer.prepareStatement(UPSERT_KIOSK)) {
            for (StoredKiosk kiosk : kiosks) {
                upsert.setInt(1, kioskNo(kiosk.id(), assigned));
                upsert.setString(2, kiosk.id().site());
                upsert.setString(3, kiosk.id().kiosk());
                upsert.setString(4, json(kiosk.state()));
                setMillis(upsert, 5, kiosk.stateReceived());
                upsert.setString(6, json(kiosk.birth()));
                upsert.setString(7, json(kiosk.health()));
                setMillis(upsert, 8, kiosk.healthReceived());
                setMillis(upsert, 9, kiosk.lastSeen());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private void writeHealth(List<HealthSample> samples, Map<KioskId, Integer> assigned) throws SQLException {
        if (samples.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = writer.prepareStatement(INSERT_HEALTH)) {
            for (HealthSample sample : samples) {
                Integer number = kioskNumbers.containsKey(sample.kiosk()) ? kioskNumbers.get(sample.kiosk())
                        : assigned.get(sample.kiosk());
                if (number == null) {
                    // the writer always sends a kiosk's snapshot with its first health; a point without one has no row
                    log.warn("health of {} without its kiosk row; the point is not kept", sample.kiosk());
                    continue;
                }
                HealthPoint point = sample.point();
                insert.setInt(1, number);
                insert.setLong(2, point.at().toEpochMilli());
                setDouble(insert, 3, point.cpuCelsius());
                setDouble(insert, 4, point.load1());
                setDouble(insert, 5, point.dataFreePercent());
                if (point.outboxRows() == null) {
                    insert.setNull(6, Types.BIGINT);
                } else {
                    insert.setLong(6, point.outboxRows());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private List<FootfallLedger.Outcome> writeFootfall(List<ReceivedFootfall> received) throws SQLException {
        List<FootfallLedger.Outcome> outcomes = new ArrayList<>();
        if (received.isEmpty()) {
            return outcomes;
        }
        try (PreparedStatement select = writer.prepareStatement(SELECT_BUCKET);
                PreparedStatement insert = writer.prepareStatement(INSERT_BUCKET);
                PreparedStatement update = writer.prepareStatement(UPDATE_BUCKET)) {
            for (ReceivedFootfall arrival : received) {
                KioskId kiosk = arrival.kiosk();
                Footfall bucket = arrival.footfall();
                long start = bucket.bucketStart().getEpochSecond();
                select.setString(1, kiosk.site());
                select.setString(2, kiosk.kiosk());
                select.setLong(3, start);
                Footfall kept = null;
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        kept = decode(rows.getString(1), Footfall.class, kiosk);
                    }
                }
                FootfallLedger.Outcome outcome = FootfallLedger.judge(kept, bucket);
                String payload = json(bucket);
                if (outcome == FootfallLedger.Outcome.ADDED) {
                    insert.setString(1, kiosk.site());
                    insert.setString(2, kiosk.kiosk());
                    insert.setLong(3, start);
                    insert.setInt(4, bucket.bucketMinutes());
                    insert.setInt(5, bucket.revision());
                    insert.setLong(6, bucket.counts().checkIns());
                    insert.setString(7, payload);
                    insert.setLong(8, arrival.received().toEpochMilli());
                    insert.executeUpdate();
                } else if (outcome == FootfallLedger.Outcome.SUPERSEDED) {
                    update.setInt(1, bucket.bucketMinutes());
                    update.setInt(2, bucket.revision());
                    update.setLong(3, bucket.counts().checkIns());
                    update.setString(4, payload);
                    update.setLong(5, arrival.received().toEpochMilli());
                    update.setString(6, kiosk.site());
                    update.setString(7, kiosk.kiosk());
                    update.setLong(8, start);
                    update.setInt(9, bucket.revision());
                    update.executeUpdate();
                }
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    private List<Boolean> writeEvents(List<EventRecord> events) throws SQLException {
        List<Boolean> added = new ArrayList<>();
        if (events.isEmpty()) {
            return added;
        }
        try (PreparedStatement insert = writer.prepareStatement(INSERT_EVENT)) {
            for (EventRecord record : events) {
                Event event = record.event();
                insert.setString(1, record.kiosk().site());
                insert.setString(2, record.kiosk().kiosk());
                insert.setString(3, event.envelope().id());
                insert.setLong(4, record.received().toEpochMilli());
                insert.setString(5, event.kind());
                insert.setString(6, event.severity().code());
                insert.setString(7, json(event));
                added.add(insert.executeUpdate() > 0);
            }
        }
        return added;
    }

    private void writeAlerts(List<Alert> alerts) throws SQLException {
        if (alerts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = writer.prepareStatement(UPSERT_ALERT)) {
            for (Alert alert : alerts) {
                upsert.setLong(1, alert.id());
                upsert.setString(2, alert.rule());
                upsert.setString(3, alert.kiosk().site());
                upsert.setString(4, alert.kiosk().kiosk());
                upsert.setString(5, alert.message());
                setMillis(upsert, 6, alert.raised());
                setMillis(upsert, 7, alert.cleared());
                setMillis(upsert, 8, alert.acknowledged());
                upsert.setString(9, alert.acknowledgedBy());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    @Override
    public HealthCompaction compactHealth(Instant now) {
        HealthRetention retention = settings.retention();
        long step = retention.step().toMillis();
        long rawCutoff = Math.floorDiv(now.minus(retention.raw()).toEpochMilli(), step) * step;
        long purgeCutoff = now.minus(retention.downsampled()).toEpochMilli();
        // the step is a validated number, inlined: PostgreSQL would not see two parameters as one GROUP BY expression
        String slot = "(at_ms / " + step + ") * " + step;
        try {
            long added;
            try (PreparedStatement fold = writer.prepareStatement("INSERT INTO health_downsampled (kiosk_no, at_ms,"
                    + " cpu_celsius, load1, data_free_percent, outbox_rows) SELECT kiosk_no, " + slot + ","
                    + " AVG(cpu_celsius), AVG(load1), AVG(data_free_percent), MAX(outbox_rows) FROM health_raw"
                    + " WHERE at_ms < ? GROUP BY kiosk_no, " + slot
                    + " ON CONFLICT (kiosk_no, at_ms) DO NOTHING")) {
                fold.setLong(1, rawCutoff);
                added = fold.executeUpdate();
            }
            long folded;
            try (PreparedStatement delete = writer.prepareStatement("DELETE FROM health_raw WHERE at_ms < ?")) {
                delete.setLong(1, rawCutoff);
                folded = delete.executeUpdate();
            }
            long purged;
            try (PreparedStatement delete = writer.prepareStatement(
                    "DELETE FROM health_downsampled WHERE at_ms < ?")) {
                delete.setLong(1, purgeCutoff);
                purged = delete.executeUpdate();
            }
            writer.commit();
            return new HealthCompaction(folded, added, purged);
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw failure("compacting the health history", e);
        }
    }

    @Override
    public List<HealthPoint> healthHistory(KioskId kiosk, Instant from, Instant to) {
        Integer number = kioskNumbers.get(kiosk);
        List<HealthPoint> points = new ArrayList<>();
        if (number == null) {
            return points;
        }
        synchronized (reader) {
            try {
                for (String table : new String[] {"health_downsampled", "health_raw"}) {
                    try (PreparedStatement select = reader.prepareStatement("SELECT at_ms, cpu_celsius, load1,"
                            + " data_free_percent, outbox_rows FROM " + table
                            + " WHERE kiosk_no = ? AND at_ms >= ? AND at_ms < ? ORDER BY at_ms")) {
                        select.setInt(1, number);
                        select.setLong(2, from.toEpochMilli());
                        select.setLong(3, to.toEpochMilli());
                        try (ResultSet rows = select.executeQuery()) {
                            while (rows.next()) {
                                long outbox = rows.getLong(5);
                                Long outboxRows = rows.wasNull() ? null : outbox;
                                points.add(new HealthPoint(Instant.ofEpochMilli(rows.getLong(1)), getDouble(rows, 2),
                                        getDouble(rows, 3), getDouble(rows, 4), outboxRows));
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw failure("reading the health history of " + kiosk, e);
            }
        }
        points.sort(Comparator.comparing(HealthPoint::at));
        return points;
    }

    @Override
    public List<FootfallRow> footfall(FootfallQuery query) {
        StringBuilder sql = new StringBuilder("SELECT site, kiosk, bucket_start, payload FROM footfall_buckets"
                + " WHERE bucket_start >= ? AND bucket_start < ?");
        List<String> parameters = new ArrayList<>();
        String site = query.kiosk() != null ? query.kiosk().site() : query.site();
        if (query.site() != null && query.kiosk() != null && !query.site().equals(query.kiosk().site())) {
            return List.of();
        }
        if (site != null) {
            sql.append(" AND site = ?");
            parameters.add(site);
        }
        if (query.kiosk() != null) {
            sql.append(" AND kiosk = ?");
            parameters.add(query.kiosk().kiosk());
        }
        // period start → kiosk ("site/kiosk") → counts; TreeMaps give the documented order
        Map<Instant, Map<String, FootfallCounts>> periods = new TreeMap<>();
        Map<String, KioskId> kiosks = new HashMap<>();
        Map<Long, Instant> periodOf = new HashMap<>();
        synchronized (reader) {
            try (PreparedStatement select = reader.prepareStatement(sql.toString())) {
                // bucket starts are whole seconds: s >= from and s < to are s >= ceil(from) and s < ceil(to)
                select.setLong(1, ceilSeconds(query.from()));
                select.setLong(2, ceilSeconds(query.to()));
                for (int i = 0; i < parameters.size(); i++) {
                    select.setString(3 + i, parameters.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        KioskId kiosk = new KioskId(rows.getString(1), rows.getString(2));
                        long start = rows.getLong(3);
                        Footfall bucket = decode(rows.getString(4), Footfall.class, kiosk);
                        if (bucket == null) {
                            continue;
                        }
                        Instant period = periodOf.computeIfAbsent(start,
                                s -> periodStart(Instant.ofEpochSecond(s), query));
                        String key = kiosk.toString();
                        kiosks.putIfAbsent(key, kiosk);
                        periods.computeIfAbsent(period, p -> new TreeMap<>())
                                .merge(key, bucket.counts(), FootfallCounts::plus);
                    }
                }
            } catch (SQLException e) {
                throw failure("reading footfall", e);
            }
        }
        List<FootfallRow> result = new ArrayList<>();
        periods.forEach((period, byKiosk) -> byKiosk.forEach((key, counts) ->
                result.add(new FootfallRow(period, kiosks.get(key), counts))));
        return result;
    }

    private static long ceilSeconds(Instant instant) {
        return instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
    }

    private static Instant periodStart(Instant bucketStart, FootfallQuery query) {
        ZonedDateTime local = bucketStart.atZone(query.zone());
        return switch (query.period()) {
            case HOUR -> local.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY -> local.toLocalDate().atStartOfDay(query.zone()).toInstant();
        };
    }

    @Override
    public List<EventRecord> recentEvents(KioskId kiosk, int limit) {
        List<EventRecord> events = new ArrayList<>();
        if (limit <= 0) {
            return events;
        }
        synchronized (reader) {
            try (PreparedStatement select = reader.prepareStatement("SELECT received_ms, payload FROM events"
                    + " WHERE site = ? AND kiosk = ? ORDER BY received_ms DESC, id DESC LIMIT ?")) {
                select.setString(1, kiosk.site());
                select.setString(2, kiosk.kiosk());
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Event event = decode(rows.getString(2), Event.class, kiosk);
                        if (event != null) {
                            events.add(new EventRecord(kiosk, Instant.ofEpochMilli(rows.getLong(1)), event));
                        }
                    }
                }
            } catch (SQLException e) {
                throw failure("reading the events of " + kiosk, e);
            }
        }
        return events;
    }

    @Override
    public void close() {
        closeQuietly(writer);
        synchronized (reader) {
            closeQuietly(reader);
        }
    }

    private String json(Message message) {
        return message == null ? null : new String(codec.encode(message), StandardCharsets.UTF_8);
    }

    private <T extends Message> T decode(String json, Class<T> type, KioskId kiosk) {
        if (json == null) {
            return null;
        }
        Decoding<T> decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8), type);
        if (decoded instanceof Decoding.Failed<T> failed) {
            log.warn("a stored {} of {} no longer decodes, left out: {}", type.getSimpleName(), kiosk, failed.reason());
            return null;
        }
        return decoded.decoded().orElseThrow();
    }

    private static Alert alert(ResultSet rows) throws SQLException {
        return new Alert(rows.getLong(1), rows.getString(2), new KioskId(rows.getString(3), rows.getString(4)),
                rows.getString(5), instant(rows, 6), instant(rows, 7), instant(rows, 8), rows.getString(9));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Double getDouble(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    private static void setMillis(PreparedStatement statement, int column, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(column, Types.BIGINT);
        } else {
            statement.setLong(column, instant.toEpochMilli());
        }
    }

    private static void setDouble(PreparedStatement statement, int column, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(column, Types.DOUBLE);
        } else {
            statement.setDouble(column, value);
        }
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            log.debug("rolling back failed: {}", e.toString());
        }
    }

    private StoreException failure(String what, Exception e) {
        return new StoreException(what + " in " + settings.jdbcUrl() + " failed: " + oneLine(e), e);
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = message.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing a connection failed: {}", e.toString());
        }
    }
}
