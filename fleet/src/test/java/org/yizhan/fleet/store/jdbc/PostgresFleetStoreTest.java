package org.yizhan.fleet.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.yizhan.fleet.store.HealthRetention;
import org.yizhan.fleet.store.StoreSettings;

/**
 * The store's contract on PostgreSQL, which proves the SQL portable. Needs a database it may wipe: set
 * {@code YIZHAN_TEST_POSTGRES_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/yizhan_test}) and, when needed,
 * {@code YIZHAN_TEST_POSTGRES_USER} and {@code YIZHAN_TEST_POSTGRES_PASSWORD}; without them it skips itself.
 * Each test starts from an empty {@code public} schema.
 */
@Tag("interop")
class PostgresFleetStoreTest extends FleetStoreContract {

    @Override
    protected StoreSettings settings() throws Exception {
        String url = System.getenv("YIZHAN_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "YIZHAN_TEST_POSTGRES_URL is not set: no PostgreSQL to test the fleet store on");
        StoreSettings settings = new StoreSettings(url, System.getenv("YIZHAN_TEST_POSTGRES_USER"),
                System.getenv("YIZHAN_TEST_POSTGRES_PASSWORD"), HealthRetention.DEFAULT);
        if (store == null) {
            try (Connection connection = DriverManager.getConnection(url, settings.username(), settings.password());
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA public CASCADE");
                statement.execute("CREATE SCHEMA public");
            }
        }
        return settings;
    }
}
