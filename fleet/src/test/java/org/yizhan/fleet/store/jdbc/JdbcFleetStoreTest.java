package org.yizhan.fleet.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.fleet.store.StoreException;
import org.yizhan.fleet.store.StoreSettings;
import org.yizhan.fleet.store.StoredFleet;

/** The store on SQLite, the default: the contract, and what only SQLite has. */
class JdbcFleetStoreTest extends FleetStoreContract {

    @TempDir
    Path dir;

    @Override
    protected StoreSettings settings() {
        return StoreSettings.inDirectory(dir.resolve("data"));
    }

    @Test
    void a_fresh_file_is_migrated_into_wal_mode_and_reopening_migrates_nothing() throws Exception {
        Path file = dir.resolve("data").resolve("fleet.db");
        assertTrue(Files.exists(file));
        StoreSettings settings = StoreSettings.inDirectory(dir.resolve("data"));

        assertEquals(0, JdbcFleetStore.migrate(settings).migrationsExecuted);
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            mode.next();
            assertEquals("wal", mode.getString(1));
        }
        StoredFleet empty = store.load();
        assertEquals(List.of(), empty.kiosks());
        assertEquals(0, empty.lastAlertId());
    }

    @Test
    void a_store_that_cannot_be_opened_says_where_in_one_line() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "x");

        StoreException e = assertThrows(StoreException.class,
                () -> JdbcFleetStore.open(StoreSettings.inDirectory(blocker.resolve("data"))));

        assertTrue(e.getMessage().startsWith("cannot open the fleet store jdbc:sqlite:"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

}
