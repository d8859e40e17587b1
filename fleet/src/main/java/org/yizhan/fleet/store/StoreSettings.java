package org.yizhan.fleet.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which database the console keeps its history in.
 *
 * @param jdbcUrl   a JDBC URL: {@code jdbc:sqlite:/var/lib/yizhan/fleet.db} (the default, see
 *                  {@link #inDirectory}) or e.g. {@code jdbc:postgresql://db:5432/yizhan} (which needs the
 *                  PostgreSQL driver and {@code flyway-database-postgresql} on the class path)
 * @param username  the database user; null for none (SQLite)
 * @param password  the password; null for none
 * @param retention how long health history is kept
 */
public record StoreSettings(String jdbcUrl, String username, String password, HealthRetention retention) {

    public static final String SQLITE_FILE = "fleet.db";

    public StoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("'" + jdbcUrl + "' is not a JDBC URL; write jdbc:sqlite:FILE or"
                    + " jdbc:postgresql://HOST/DB");
        }
        Objects.requireNonNull(retention, "retention");
    }

    /** SQLite in {@code dataDir}/{@value #SQLITE_FILE}, the default retention. */
    public static StoreSettings inDirectory(Path dataDir) {
        return new StoreSettings("jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE).toAbsolutePath(), null, null,
                HealthRetention.DEFAULT);
    }

    public boolean sqlite() {
        return jdbcUrl.startsWith("jdbc:sqlite:");
    }

    @Override
    public String toString() {
        return "StoreSettings[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password="
                + (password == null ? "none" : "(hidden)") + ", retention=" + retention + "]";
    }
}
