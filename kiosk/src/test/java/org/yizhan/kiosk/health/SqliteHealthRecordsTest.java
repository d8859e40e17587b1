package org.yizhan.kiosk.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.yizhan.devices.health.Measurement;
import org.yizhan.devices.health.MeasurementStatus;
import org.yizhan.kiosk.visitlog.SqliteVisitLog;
import org.yizhan.kiosk.visitlog.VisitLogException;

/** A resident's stored readings, on a real SQLite file: kept, read back, deleted on request and by age. */
class SqliteHealthRecordsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:15:00Z");
    private static final String RESIDENT = "sub-7Q2XK9M4";
    private static final String NEIGHBOUR = "sub-3HV8WZ1P";

    @TempDir
    Path dir;

    private Path file;
    private SqliteVisitLog log;
    private HealthRecords records;

    @BeforeEach
    void open() {
        file = dir.resolve("kiosk.db");
        log = SqliteVisitLog.open(file);
        records = SqliteHealthRecords.on(log);
    }

    @AfterEach
    void close() {
        log.close();
    }

    @Test
    void a_stored_reading_comes_back_after_a_restart_with_its_values_category_and_flags() {
        // given a kPa cuff's 139.5/89.9 taken with the cuff too loose, a weighing with a height, a fever
        store(RESIDENT, HealthAssessorTest.bloodPressure("139.5", "89.9", MeasurementStatus.CUFF_TOO_LOOSE), NOW);
        store(RESIDENT, HealthAssessorTest.weight(new BigDecimal("61.440"), "1.600"), NOW.plusSeconds(60));
        store(RESIDENT, HealthAssessorTest.temperature(new BigDecimal("37.30")), NOW.plusSeconds(120));

        // when
        reopen();

        // then
        StoredReading bp = records.history(RESIDENT, MeasurementKind.BLOOD_PRESSURE, 10).get(0);
        assertEquals(NOW, bp.at());
        assertEquals(new Reading.BloodPressure(new BigDecimal("139.5"), new BigDecimal("89.9"),
                Optional.of(BigDecimal.valueOf(72))), bp.reading());
        assertEquals(BloodPressureCategory.HIGH_NORMAL, ((Reading.BloodPressure) bp.reading()).category());
        assertEquals(Set.of(HealthFlag.CUFF_LOOSE), bp.flags());
        Reading.Weight weight = (Reading.Weight) records.history(RESIDENT, MeasurementKind.WEIGHT, 10).get(0).reading();
        assertEquals(new BigDecimal("61.440"), weight.kilograms());
        assertEquals(Optional.of(BmiBand.OVERWEIGHT), weight.band());
        Reading.Temperature temperature = (Reading.Temperature) records.history(RESIDENT, MeasurementKind.TEMPERATURE, 10)
                .get(0).reading();
        assertTrue(temperature.fever());
        assertEquals(Optional.of(new BigDecimal("1.600")), records.knownHeight(RESIDENT));
    }

    @Test
    void the_history_is_one_residents_readings_of_one_kind_newest_first() {
        // given
        for (int day = 0; day < 12; day++) {
            store(RESIDENT, HealthAssessorTest.bloodPressure(String.valueOf(120 + day), "80"), NOW.plus(Duration.ofDays(day)));
        }
        store(RESIDENT, HealthAssessorTest.temperature(new BigDecimal("36.6")), NOW.plus(Duration.ofDays(20)));
        store(NEIGHBOUR, HealthAssessorTest.bloodPressure("170", "100"), NOW.plus(Duration.ofDays(30)));

        // when
        List<StoredReading> last3 = records.history(RESIDENT, MeasurementKind.BLOOD_PRESSURE, 3);
        ResidentHistory history = records.residentHistory(RESIDENT, MeasurementKind.BLOOD_PRESSURE);

        // then
        assertEquals(List.of(NOW.plus(Duration.ofDays(11)), NOW.plus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(9))),
                last3.stream().map(StoredReading::at).toList());
        assertEquals(HealthRecords.HISTORY_READINGS, history.readings().size());
        assertTrue(history.readings().stream().allMatch(r -> r.kind() == MeasurementKind.BLOOD_PRESSURE));
        assertEquals(0, ((Reading.BloodPressure) history.readings().get(0).reading()).systolicMmHg()
                .compareTo(BigDecimal.valueOf(131)));
        assertEquals(List.of(), records.history("sub-NOBODY", MeasurementKind.BLOOD_PRESSURE, 10));
    }

    @Test
    void the_stored_history_gives_the_next_reading_its_trend() {
        // given five readings around 130/80
        for (int day = 0; day < 5; day++) {
            store(RESIDENT, HealthAssessorTest.bloodPressure("130", "80"), NOW.plus(Duration.ofDays(day)));
        }

        // when
        Assessment next = HealthAssessor.assess(HealthAssessorTest.bloodPressure("145", "88"),
                records.residentHistory(RESIDENT, MeasurementKind.BLOOD_PRESSURE));

        // then
        Trend trend = assertInstanceOf(Assessment.Assessed.class, next).trend().orElseThrow();
        assertEquals(Trend.Direction.HIGHER, trend.direction());
        assertEquals(5, trend.readings());
    }

    @Test
    void the_known_height_is_that_of_the_latest_weighing_that_had_one() {
        // given
        store(RESIDENT, HealthAssessorTest.weight(new BigDecimal("70"), "1.58"), NOW);
        store(RESIDENT, HealthAssessorTest.weight(new BigDecimal("70"), "1.60"), NOW.plusSeconds(60));
        store(NEIGHBOUR, HealthAssessorTest.weight(new BigDecimal("90"), "1.85"), NOW.plusSeconds(90));

        // when a later weighing without a height uses it, and is stored with it
        Assessment later = HealthAssessor.assess(HealthAssessorTest.weight(new BigDecimal("72"), null),
                records.residentHistory(RESIDENT, MeasurementKind.WEIGHT));
        store(RESIDENT, later, NOW.plusSeconds(120));

        // then
        assertEquals(Optional.of(new BigDecimal("1.60")), records.knownHeight(RESIDENT));
        assertEquals(Optional.of(new BigDecimal("1.60")),
                ((Reading.Weight) records.history(RESIDENT, MeasurementKind.WEIGHT, 1).get(0).reading()).heightMetres());
        assertEquals(Optional.empty(), records.knownHeight("sub-NOBODY"));
    }

    @Test
    void delete_my_data_removes_every_reading_of_the_resident_and_no_one_elses() {
        // given
        store(RESIDENT, HealthAssessorTest.bloodPressure("150", "85"), NOW);
        store(RESIDENT, HealthAssessorTest.weight(new BigDecimal("70"), "1.60"), NOW.plusSeconds(60));
        store(RESIDENT, HealthAssessorTest.temperature(new BigDecimal("36.8")), NOW.plusSeconds(120));
        store(NEIGHBOUR, HealthAssessorTest.bloodPressure("118", "76"), NOW.plusSeconds(180));

        // when
        int deleted = records.deleteAll(RESIDENT);
        reopen();

        // then
        assertEquals(3, deleted);
        for (MeasurementKind kind : MeasurementKind.values()) {
            assertEquals(List.of(), records.history(RESIDENT, kind, 10), kind.code());
        }
        assertEquals(Optional.empty(), records.knownHeight(RESIDENT));
        assertEquals(1, records.history(NEIGHBOUR, MeasurementKind.BLOOD_PRESSURE, 10).size());
        assertEquals(0, records.deleteAll(RESIDENT), "nothing left to delete");
    }

    @Test
    void deleted_readings_are_not_left_behind_in_the_file() throws IOException {
        // given readings of a resident, stored and then deleted on request
        for (int i = 0; i < 20; i++) {
            store(RESIDENT, HealthAssessorTest.bloodPressure("152", "87"), NOW.plusSeconds(i));
        }
        records.deleteAll(RESIDENT);
        store(NEIGHBOUR, HealthAssessorTest.bloodPressure("118", "76"), NOW.plusSeconds(60));

        // when the kiosk stops and someone reads the SD card
        log.close();
        String onDisk = bytesOf(file);

        // then nothing of the resident is there, while the neighbour's reading is
        assertFalse(onDisk.contains(RESIDENT), "the deleted resident's pseudonym is still in the file");
        assertTrue(onDisk.contains(NEIGHBOUR));
        reopen();
    }

    @Test
    void the_retention_purge_removes_what_was_taken_before_the_cutoff_and_keeps_the_rest() {
        // given readings 181, 180 and 179 days before now
        Instant cutoff = NOW.minus(HealthRecords.DEFAULT_RETENTION);
        store(RESIDENT, HealthAssessorTest.bloodPressure("140", "90"), cutoff.minus(Duration.ofDays(1)));
        store(NEIGHBOUR, HealthAssessorTest.bloodPressure("141", "91"), cutoff.minusMillis(1));
        store(RESIDENT, HealthAssessorTest.bloodPressure("142", "92"), cutoff);
        store(RESIDENT, HealthAssessorTest.weight(new BigDecimal("70"), "1.60"), cutoff.plus(Duration.ofDays(1)));

        // when
        int purged = records.purgeOlderThan(cutoff);
        reopen();

        // then
        assertEquals(2, purged);
        assertEquals(List.of(cutoff), records.history(RESIDENT, MeasurementKind.BLOOD_PRESSURE, 10).stream()
                .map(StoredReading::at).toList());
        assertEquals(List.of(), records.history(NEIGHBOUR, MeasurementKind.BLOOD_PRESSURE, 10));
        assertEquals(1, records.history(RESIDENT, MeasurementKind.WEIGHT, 10).size());
        assertEquals(0, records.purgeOlderThan(cutoff), "purging again finds nothing");
    }

    @Test
    void a_reading_that_cannot_be_written_leaves_nothing_and_names_no_resident() throws SQLException {
        // given a write that fails, as a full disk would
        execute("CREATE TRIGGER fail_reading BEFORE INSERT ON health_reading"
                + " BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END");
        Assessment.Assessed assessed = (Assessment.Assessed) HealthAssessor.assess(
                HealthAssessorTest.bloodPressure("150", "85"));

        // when
        VisitLogException failure = assertThrows(VisitLogException.class, () -> records.store(RESIDENT, assessed, NOW));
        execute("DROP TRIGGER fail_reading");

        // then
        assertFalse(failure.getMessage().contains(RESIDENT), failure.getMessage());
        assertEquals(List.of(), records.history(RESIDENT, MeasurementKind.BLOOD_PRESSURE, 10));
        records.store(RESIDENT, assessed, NOW);
        assertEquals(1, records.history(RESIDENT, MeasurementKind.BLOOD_PRESSURE, 10).size(), "the log is still usable");
    }

    @Test
    void a_reading_needs_a_pseudonym() {
        Assessment.Assessed assessed = (Assessment.Assessed) HealthAssessor.assess(
                HealthAssessorTest.temperature(new BigDecimal("36.6")));

        assertThrows(IllegalArgumentException.class, () -> records.store(" ", assessed, NOW));
        assertThrows(NullPointerException.class, () -> records.store(null, assessed, NOW));
    }

    @Test
    void a_kiosk_upgraded_from_the_previous_schema_keeps_its_visits_and_starts_with_no_readings() throws SQLException {
        // given a database at schema version 3 with a visit
        Path old = dir.resolve("old.db");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + old);
        Flyway.configure(getClass().getClassLoader()).dataSource(dataSource).locations("classpath:db/migration")
                .target("3").load().migrate();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + old);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO visit VALUES (?, ?, ?, ?, ?, 0)")) {
            insert.setString(1, "01JPA000000000000000000001");
            insert.setString(2, RESIDENT);
            insert.setString(3, "resident");
            insert.setString(4, "health");
            insert.setLong(5, NOW.toEpochMilli());
            insert.executeUpdate();
        }

        // when
        try (SqliteVisitLog upgraded = SqliteVisitLog.open(old)) {
            HealthRecords health = SqliteHealthRecords.on(upgraded);

            // then
            assertEquals(1, upgraded.stats(NOW, ZoneOffset.UTC).total());
            assertEquals(List.of(), health.history(RESIDENT, MeasurementKind.BLOOD_PRESSURE, 10));
            store(health, RESIDENT, HealthAssessorTest.bloodPressure("150", "85"), NOW);
            assertEquals(1, health.history(RESIDENT, MeasurementKind.BLOOD_PRESSURE, 10).size());
        }
    }

    // ---- helpers ----

    private void store(String pseudonym, Measurement measurement, Instant at) {
        store(records, pseudonym, measurement, at);
    }

    private static void store(HealthRecords records, String pseudonym, Measurement measurement, Instant at) {
        Assessment assessment = HealthAssessor.assess(measurement, records.residentHistory(pseudonym,
                HealthAssessor.assess(measurement).kind()));
        store(records, pseudonym, assessment, at);
    }

    private void store(String pseudonym, Assessment assessment, Instant at) {
        store(records, pseudonym, assessment, at);
    }

    private static void store(HealthRecords records, String pseudonym, Assessment assessment, Instant at) {
        StoredReading stored = records.store(pseudonym, assertInstanceOf(Assessment.Assessed.class, assessment), at);
        assertEquals(at, stored.at());
    }

    private void reopen() {
        log.close();
        log = SqliteVisitLog.open(file);
        records = SqliteHealthRecords.on(log);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The database file and any journal beside it, as bytes read as Latin-1 (every byte one character). */
    private static String bytesOf(Path database) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(database.getParent())) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(database.getFileName().toString()))
                    .toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
