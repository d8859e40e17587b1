package org.yizhan.kiosk.health;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yizhan.kiosk.visitlog.SqliteVisitLog;
import org.yizhan.kiosk.visitlog.SqliteWork;

/**
 * {@link HealthRecords} in the visit log's SQLite database: table {@code health_reading} (migration
 * {@code V4__health_readings.sql}), on the log's one connection through {@link SqliteVisitLog#transaction},
 * so every write is one transaction synced to storage like a visit (WAL, {@code synchronous=FULL}) and is
 * serialised with the visits and the outbox.
 *
 * <p>Deletion: {@link #deleteAll} and {@link #purgeOlderThan} run with SQLite's {@code secure_delete} on, so
 * the deleted rows are overwritten with zeros rather than left in free space in the file, where a copy of the
 * SD card would still find them.
 *
 * <p>Values are stored as decimal text and read back equal to what was stored; times to the millisecond.
 * Categories are derived from the values when read ({@link Reading}), so the stored {@code category} column is
 * for people reading the file. A flag code this kiosk does not know (written by a newer one) is skipped.
 *
 * <p>Threading and failures: as {@link HealthRecords}. Usable until the log is closed.
 */
public final class SqliteHealthRecords implements HealthRecords {

    private static final String COLUMNS = "kind, at_epoch_ms, systolic_mmhg, diastolic_mmhg, pulse_per_minute,"
            + " kilograms, height_metres, celsius, flags";

    private final SqliteVisitLog db;

    private SqliteHealthRecords(SqliteVisitLog db) {
        this.db = db;
    }

    /** The health records in {@code log}'s database, on its connection. */
    public static SqliteHealthRecords on(SqliteVisitLog log) {
        return new SqliteHealthRecords(Objects.requireNonNull(log, "log"));
    }

    @Override
    public StoredReading store(String pseudonym, Assessment.Assessed assessed, Instant at) {
        requirePseudonym(pseudonym);
        Objects.requireNonNull(assessed, "assessed");
        Instant stored = Instant.ofEpochMilli(Objects.requireNonNull(at, "at").toEpochMilli());
        Reading reading = assessed.reading();
        db.transaction("storeHealthReading", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO health_reading (pseudonym, " + COLUMNS
                    + ", category, recorded_epoch_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, pseudonym);
                insert.setString(2, reading.kind().code());
                insert.setLong(3, stored.toEpochMilli());
                BigDecimal[] values = new BigDecimal[6];
                if (reading instanceof Reading.BloodPressure bp) {
                    values[0] = bp.systolicMmHg();
                    values[1] = bp.diastolicMmHg();
                    values[2] = bp.pulsePerMinute().orElse(null);
                } else if (reading instanceof Reading.Weight weight) {
                    values[3] = weight.kilograms();
                    values[4] = weight.heightMetres().orElse(null);
                } else if (reading instanceof Reading.Temperature temperature) {
                    values[5] = temperature.celsius();
                }
                for (int i = 0; i < values.length; i++) {
                    setDecimal(insert, 4 + i, values[i]);
                }
                insert.setString(10, assessed.flags().stream().map(HealthFlag::code).collect(Collectors.joining(",")));
                insert.setString(11, reading.categoryCode().orElse(null));
                insert.setLong(12, System.currentTimeMillis());
                insert.executeUpdate();
            }
            return null;
        });
        return new StoredReading(stored, reading, assessed.flags());
    }

    @Override
    public List<StoredReading> history(String pseudonym, MeasurementKind kind, int limit) {
        requirePseudonym(pseudonym);
        Objects.requireNonNull(kind, "kind");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, not " + limit);
        }
        return db.transaction("healthHistory", c -> history(c, pseudonym, kind, limit));
    }

    @Override
    public Optional<BigDecimal> knownHeight(String pseudonym) {
        requirePseudonym(pseudonym);
        return db.transaction("knownHeight", c -> knownHeight(c, pseudonym));
    }

    @Override
    public ResidentHistory residentHistory(String pseudonym, MeasurementKind kind) {
        requirePseudonym(pseudonym);
        Objects.requireNonNull(kind, "kind");
        // One read transaction: the readings and the height come from one snapshot.
        return db.transaction("residentHistory", c -> new ResidentHistory(history(c, pseudonym, kind,
                HISTORY_READINGS), knownHeight(c, pseudonym)));
    }

    @Override
    public int deleteAll(String pseudonym) {
        requirePseudonym(pseudonym);
        return db.transaction("deleteHealthReadings", securely(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM health_reading WHERE pseudonym = ?")) {
                delete.setString(1, pseudonym);
                return delete.executeUpdate();
            }
        }));
    }

    @Override
    public int purgeOlderThan(Instant cutoff) {
        long before = ceilingMillis(Objects.requireNonNull(cutoff, "cutoff"));
        return db.transaction("purgeHealthReadings", securely(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM health_reading WHERE at_epoch_ms < ?")) {
                delete.setLong(1, before);
                return delete.executeUpdate();
            }
        }));
    }

    private static List<StoredReading> history(Connection c, String pseudonym, MeasurementKind kind, int limit)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM health_reading"
                + " WHERE pseudonym = ? AND kind = ? ORDER BY at_epoch_ms DESC, id DESC LIMIT ?")) {
            select.setString(1, pseudonym);
            select.setString(2, kind.code());
            select.setInt(3, limit);
            List<StoredReading> readings = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    readings.add(reading(rows));
                }
            }
            return readings;
        }
    }

    private static Optional<BigDecimal> knownHeight(Connection c, String pseudonym) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT height_metres FROM health_reading"
                + " WHERE pseudonym = ? AND kind = 'weight' AND height_metres IS NOT NULL"
                + " ORDER BY at_epoch_ms DESC, id DESC LIMIT 1")) {
            select.setString(1, pseudonym);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new BigDecimal(row.getString(1))) : Optional.empty();
            }
        }
    }

    private static StoredReading reading(ResultSet row) throws SQLException {
        Instant at = Instant.ofEpochMilli(row.getLong("at_epoch_ms"));
        String code = row.getString("kind");
        MeasurementKind kind = MeasurementKind.fromCode(code)
                .orElseThrow(() -> new SQLException("a health reading has an unknown kind: " + code));
        Reading reading;
        try {
            reading = switch (kind) {
                case BLOOD_PRESSURE -> new Reading.BloodPressure(decimal(row, "systolic_mmhg"),
                        decimal(row, "diastolic_mmhg"), Optional.ofNullable(decimal(row, "pulse_per_minute")));
                case WEIGHT -> new Reading.Weight(decimal(row, "kilograms"),
                        Optional.ofNullable(decimal(row, "height_metres")));
                case TEMPERATURE -> new Reading.Temperature(decimal(row, "celsius"));
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            // No values in the message: they are health data.
            throw new SQLException("a stored " + code + " reading is not a reading the kiosk takes", e);
        }
        Set<HealthFlag> flags = EnumSet.noneOf(HealthFlag.class);
        for (String flag : row.getString("flags").split(",")) {
            HealthFlag.fromCode(flag).ifPresent(flags::add);
        }
        return new StoredReading(at, reading, flags);
    }

    private static BigDecimal decimal(ResultSet row, String column) throws SQLException {
        String text = row.getString(column);
        return text == null ? null : new BigDecimal(text);
    }

    private static void setDecimal(PreparedStatement statement, int index, BigDecimal value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value.toPlainString());
        }
    }

    /** {@code delete} with {@code secure_delete} on, set back as it was afterwards for the log's other work. */
    private static SqliteWork<Integer> securely(SqliteWork<Integer> delete) {
        return c -> {
            String before = pragma(c, "PRAGMA secure_delete");
            pragma(c, "PRAGMA secure_delete = ON");
            try {
                return delete.run(c);
            } finally {
                pragma(c, "PRAGMA secure_delete = " + ("1".equals(before) ? "ON" : "OFF"));
            }
        };
    }

    private static String pragma(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static void requirePseudonym(String pseudonym) {
        if (Objects.requireNonNull(pseudonym, "pseudonym").isBlank()) {
            throw new IllegalArgumentException("a pseudonym must not be blank");
        }
    }

    /**
     * The first whole millisecond at or after {@code instant}: a stored time (whole milliseconds) is before
     * {@code instant} exactly when it is before this.
     */
    private static long ceilingMillis(Instant instant) {
        long floor = instant.toEpochMilli();
        return instant.getNano() % 1_000_000 == 0 ? floor : floor + 1;
    }
}
