package org.yizhan.kiosk.visitlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.yizhan.kiosk.checkin.Purpose;
import org.yizhan.protocol.footfall.Footfall;
import org.yizhan.protocol.footfall.FootfallCounts;

/**
 * The visit log in one SQLite file, kept open on one connection for the life of the kiosk.
 *
 * <p>Schema: {@link #open} first brings the file to the latest schema with the Flyway migrations in
 * {@code classpath:db/migration} (a new file is created, an existing one keeps its visits), on a
 * connection of its own that is closed before the log's connection is used.
 *
 * <p>Durability: the file is in WAL mode with {@code synchronous=FULL}; {@link #record} and
 * {@link #changePurpose} are each one transaction whose commit has reached storage when they return,
 * so an accepted visit survives a power cut, not only a crash. Foreign keys are enforced and a locked
 * file is waited for up to five seconds.
 *
 * <p>Footfall: {@link #record} counts the visit (its category and purpose) in its footfall bucket, and
 * {@link #changePurpose} moves the count from the old purpose to the new one, in the same transaction as
 * the visit itself ({@link SqliteFootfallBuckets}): a visit is never on disk without its count, nor a count
 * without its visit. Buckets are {@link #bucketMinutes()} long, 15 by default. The outbox shares this
 * connection through {@link #transaction}, so its writes are serialised with the visits' by the same
 * monitor and never meet a locked file inside this process.
 *
 * <p>Failures: every SQL error is a {@link VisitLogException} whose message starts with the operation
 * ({@code "record: …"}); the transaction is rolled back, nothing is half-written and the log stays usable.
 * Messages name visit ids, never visitors. Using the log after {@link #close} is also a
 * {@code VisitLogException}.
 *
 * <p>Threading: every method holds the connection's monitor, so calls are serialised; meant for one
 * writer thread (check-in), occasional readers ({@link #stats}) and the outbox's short transactions.
 * {@link #stats} reads one snapshot.
 *
 * <p>Values: instants are stored to the millisecond, so a visit read back carries its time truncated to
 * the millisecond. {@link #latestVisitOf} compares against that stored time, finds nothing for a
 * {@code null} visitor (walk-ins have no identity to find), and breaks a tie in time by the larger id.
 * "Today" in {@link #stats} is the local calendar day of {@code now}, midnight to midnight.
 *
 * <p>Privacy: nothing is logged per visit.
 */
public final class SqliteVisitLog implements VisitLog {

    private static final Logger log = LoggerFactory.getLogger(SqliteVisitLog.class);

    private static final int BUSY_TIMEOUT_MS = 5000;
    private static final Pattern PRAGMA_NAME = Pattern.compile("[a-z_]+");

    private static final String INSERT_SQL = "INSERT INTO visit"
            + " (id, visitor_id, category, purpose, at_epoch_ms, recorded_epoch_ms) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_PURPOSE_SQL = "UPDATE visit SET purpose = ? WHERE id = ?";
    private static final String SELECT_VISIT_SQL = "SELECT purpose, at_epoch_ms FROM visit WHERE id = ?";
    static final String LATEST_SQL = "SELECT id, visitor_id, category, purpose, at_epoch_ms FROM visit"
            + " WHERE visitor_id = ? AND at_epoch_ms >= ?"
            + " ORDER BY at_epoch_ms DESC, id DESC LIMIT 1";

    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement updatePurpose;
    private final PreparedStatement latest;
    private final PreparedStatement selectVisit;
    private final Clock clock;
    private final SqliteFootfallBuckets footfall;
    private boolean closed;

    private SqliteVisitLog(Connection connection, Clock clock, SqliteFootfallBuckets footfall) throws SQLException {
        this.connection = connection;
        this.clock = clock;
        this.footfall = footfall;
        this.insert = connection.prepareStatement(INSERT_SQL);
        this.updatePurpose = connection.prepareStatement(UPDATE_PURPOSE_SQL);
        this.latest = connection.prepareStatement(LATEST_SQL);
        this.selectVisit = connection.prepareStatement(SELECT_VISIT_SQL);
    }

    /**
     * Opens the log in {@code databaseFile} with footfall buckets of {@link Footfall#DEFAULT_BUCKET_MINUTES},
     * creating the file and its parent directories if needed and migrating its schema.
     *
     * @throws VisitLogException when the directory, the file or the migration fails
     */
    public static SqliteVisitLog open(Path databaseFile) {
        return open(databaseFile, Footfall.DEFAULT_BUCKET_MINUTES);
    }

    /**
     * Opens the log in {@code databaseFile}, counting footfall in buckets of {@code bucketMinutes}.
     *
     * @param bucketMinutes a divisor of 60; changing it for an existing file is safe only at a bucket
     *                      boundary of both lengths (a longer bucket would overlap shorter ones already sent)
     * @throws IllegalArgumentException when {@code bucketMinutes} does not divide 60
     * @throws VisitLogException        when the directory, the file or the migration fails
     */
    public static SqliteVisitLog open(Path databaseFile, int bucketMinutes) {
        SqliteFootfallBuckets footfall = new SqliteFootfallBuckets(bucketMinutes);
        Path file = databaseFile.toAbsolutePath();
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new VisitLogException("open: cannot create the directory of " + file, e);
        }
        SQLiteDataSource dataSource = dataSource(file);
        try {
            migrate(dataSource);
        } catch (FlywayException e) {
            throw new VisitLogException("open: cannot migrate " + file, e);
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            // Every operation commits explicitly; sqlite-jdbc's implicit BEGIN is deferred and takes no
            // lock until a statement runs.
            connection.setAutoCommit(false);
            return new SqliteVisitLog(connection, Clock.systemUTC(), footfall);
        } catch (SQLException e) {
            VisitLogException failure = new VisitLogException("open: cannot open " + file, e);
            closeQuietly(connection, failure);
            throw failure;
        }
    }

    private static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode may lose the last commits on power loss; FULL syncs the WAL at each commit.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    /** Applies pending migrations; Flyway closes the connections it takes before returning. */
    static MigrateResult migrate(DataSource dataSource) {
        // The log's own class loader: the calling thread's context loader (JavaFX, picocli) may not see
        // the migrations.
        MigrateResult result = Flyway.configure(SqliteVisitLog.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            log.info("Visit log schema migrated from version {} to {} ({} migrations)",
                    result.initialSchemaVersion, result.targetSchemaVersion, result.migrationsExecuted);
        }
        return result;
    }

    @Override
    public void record(Visit visit) {
        Objects.requireNonNull(visit, "visit");
        long at = visit.at().toEpochMilli();
        synchronized (connection) {
            checkOpen("record");
            try {
                insert.setString(1, visit.id());
                insert.setString(2, visit.visitorId());
                insert.setString(3, visit.category());
                insert.setString(4, visit.purpose().code());
                insert.setLong(5, at);
                insert.setLong(6, clock.millis());
                insert.executeUpdate();
                footfall.add(connection, visit.at(), counted(visit));
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                throw rollBack("record: cannot store visit " + visit.id(), e);
            }
        }
    }

    @Override
    public boolean changePurpose(String visitId, Purpose purpose) {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(purpose, "purpose");
        synchronized (connection) {
            checkOpen("changePurpose");
            try {
                String before;
                Instant at;
                selectVisit.setString(1, visitId);
                try (ResultSet row = selectVisit.executeQuery()) {
                    if (!row.next()) {
                        // Ends the read transaction, so that it does not hold back WAL checkpoints.
                        connection.commit();
                        return false;
                    }
                    before = row.getString("purpose");
                    at = Instant.ofEpochMilli(row.getLong("at_epoch_ms"));
                }
                updatePurpose.setString(1, purpose.code());
                updatePurpose.setString(2, visitId);
                updatePurpose.executeUpdate();
                footfall.movePurpose(connection, at, before, purpose.code());
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                throw rollBack("changePurpose: cannot update visit " + visitId, e);
            }
        }
    }

    @Override
    public Optional<Visit> latestVisitOf(String visitorId, Instant since) {
        Objects.requireNonNull(since, "since");
        if (visitorId == null) {
            return Optional.empty();
        }
        synchronized (connection) {
            checkOpen("latestVisitOf");
            try {
                latest.setString(1, visitorId);
                latest.setLong(2, ceilingMillis(since));
                Optional<Visit> found;
                try (ResultSet row = latest.executeQuery()) {
                    found = row.next() ? Optional.of(visit(row)) : Optional.empty();
                }
                // Ends the read transaction, so that it does not hold back WAL checkpoints.
                connection.commit();
                return found;
            } catch (SQLException e) {
                throw rollBack("latestVisitOf: cannot read visits", e);
            }
        }
    }

    @Override
    public VisitStats stats(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        long todayStart = today.atStartOfDay(zone).toInstant().toEpochMilli();
        long tomorrowStart = today.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        synchronized (connection) {
            checkOpen("stats");
            // One read transaction: the counts come from one snapshot even while another process writes.
            try (Statement statement = connection.createStatement();
                 PreparedStatement todayCount = connection.prepareStatement(
                         "SELECT count(*) FROM visit WHERE at_epoch_ms >= ? AND at_epoch_ms < ?")) {
                long total = count(statement.executeQuery("SELECT count(*) FROM visit"));
                todayCount.setLong(1, todayStart);
                todayCount.setLong(2, tomorrowStart);
                long todayTotal = count(todayCount.executeQuery());
                Map<String, Long> byCategory = counts(statement.executeQuery(
                        "SELECT category, count(*) FROM visit GROUP BY category ORDER BY category"));
                Map<String, Long> byPurpose = counts(statement.executeQuery(
                        "SELECT purpose, count(*) FROM visit GROUP BY purpose ORDER BY purpose"));
                connection.commit();
                return new VisitStats(total, todayTotal, byCategory, byPurpose);
            } catch (SQLException e) {
                throw rollBack("stats: cannot count visits", e);
            }
        }
    }

    /** When the latest visit of all was recorded, for health's "last check-in"; empty for an empty log. */
    public Optional<Instant> latestVisitAt() {
        return transaction("latestVisitAt", c -> {
            try (PreparedStatement max = c.prepareStatement("SELECT max(at_epoch_ms) FROM visit");
                    ResultSet row = max.executeQuery()) {
                long at = row.next() ? row.getLong(1) : 0;
                return row.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(at));
            }
        });
    }

    /** The length of the footfall buckets new counts open. */
    public int bucketMinutes() {
        return footfall.bucketMinutes();
    }

    /** The footfall bucket table, for {@link SqliteWork} run through {@link #transaction}. */
    public SqliteFootfallBuckets footfall() {
        return footfall;
    }

    /**
     * Runs {@code work} as one transaction on the log's connection, serialised with the log's own
     * operations, and commits it (synced to storage, like a visit) before returning its result. For the
     * tables that must commit with the visits (the outbox); the log's promises hold for them too.
     *
     * @param operation names the work in a failure's message, e.g. {@code "enqueue"}
     * @throws VisitLogException when SQLite fails in {@code work} or the commit (everything it wrote is rolled
     *                           back), or the log is closed; an unchecked exception of {@code work}'s own is
     *                           rethrown as it is, after the same rollback
     */
    public <T> T transaction(String operation, SqliteWork<T> work) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(work, "work");
        synchronized (connection) {
            checkOpen(operation);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                throw rollBack(operation + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                rollBackInto(e);
                throw e;
            }
        }
    }

    /**
     * The footfall counted in buckets starting in {@code [from, to)}: the kiosk's own totals, against which
     * what the fleet received can be checked.
     */
    public FootfallCounts footfallTotals(Instant from, Instant to) {
        return transaction("footfallTotals", c -> footfall.totals(c, from, to));
    }

    /** Closes the connection; later calls of {@code close} do nothing. */
    @Override
    public void close() {
        synchronized (connection) {
            if (closed) {
                return;
            }
            closed = true;
            try (connection; insert; updatePurpose; latest; selectVisit) {
                // Whatever an operation left open is rolled back; every completed operation has committed.
                connection.rollback();
            } catch (SQLException e) {
                throw new VisitLogException("close: cannot close the visit log", e);
            }
        }
    }

    /** The value of a pragma on the log's own connection, for tests of its settings. */
    String pragma(String name) {
        if (!PRAGMA_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a pragma name: " + name);
        }
        synchronized (connection) {
            checkOpen("pragma");
            try (Statement statement = connection.createStatement()) {
                String value;
                // Closed before the commit: SQLite will not commit while a statement is still stepping.
                try (ResultSet row = statement.executeQuery("PRAGMA " + name)) {
                    value = row.next() ? row.getString(1) : null;
                }
                connection.commit();
                return value;
            } catch (SQLException e) {
                throw rollBack("pragma: cannot read " + name, e);
            }
        }
    }

    private void checkOpen(String operation) {
        if (closed) {
            throw new VisitLogException(operation + ": the visit log is closed", null);
        }
    }

    private VisitLogException rollBack(String message, Exception cause) {
        VisitLogException failure = new VisitLogException(message, cause);
        rollBackInto(failure);
        return failure;
    }

    /** Rolls back the open transaction; a failure to do so is added to {@code failure}. */
    private void rollBackInto(Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** One check-in, by the visitor's category and the purpose recorded. */
    private static FootfallCounts counted(Visit visit) {
        return new FootfallCounts(Map.of(visit.category(), 1L), Map.of(visit.purpose().code(), 1L), 0, Map.of());
    }

    private static Visit visit(ResultSet row) throws SQLException {
        String id = row.getString("id");
        String code = row.getString("purpose");
        Purpose purpose = Purpose.fromCode(code)
                .orElseThrow(() -> new SQLException("visit " + id + " has an unknown purpose code: " + code));
        return new Visit(id, row.getString("visitor_id"), row.getString("category"), purpose,
                Instant.ofEpochMilli(row.getLong("at_epoch_ms")));
    }

    private static long count(ResultSet rows) throws SQLException {
        try (rows) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Map<String, Long> counts(ResultSet rows) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (rows) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    /**
     * The first whole millisecond at or after {@code instant}: a stored time (whole milliseconds) is at
     * or after {@code instant} exactly when it is at or after this.
     */
    private static long ceilingMillis(Instant instant) {
        if (instant.isBefore(Instant.ofEpochMilli(Long.MIN_VALUE))) {
            return Long.MIN_VALUE;
        }
        if (instant.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE))) {
            return Long.MAX_VALUE;
        }
        long floor = instant.toEpochMilli();
        boolean whole = instant.getNano() % 1_000_000 == 0;
        return whole ? floor : floor + 1;
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
