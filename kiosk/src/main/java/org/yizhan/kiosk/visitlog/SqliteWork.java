package org.yizhan.kiosk.visitlog;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done inside one transaction of the visit log's database ({@link SqliteVisitLog#transaction}). It
 * runs on the log's connection while holding the log's monitor; it must neither commit, roll back nor keep
 * the connection, and must not wait for anything but SQLite.
 */
@FunctionalInterface
public interface SqliteWork<T> {

    T run(Connection connection) throws SQLException;
}
