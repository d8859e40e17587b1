package org.yizhan.kiosk.telemetry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.yizhan.kiosk.visitlog.SqliteVisitLog;
import org.yizhan.protocol.command.SeenNonces;
import org.yizhan.protocol.state.BirthSequence;

/**
 * The telemetry's own memory in the visit log's database (migration {@code V3__telemetry_state.sql}): the
 * last birth sequence and the nonces of obeyed commands. Each call is one transaction through
 * {@link SqliteVisitLog#transaction}, committed and synced before it returns, so a number handed out is
 * never handed out again and an obeyed command is never obeyed twice, power cuts included.
 *
 * <p>Threading: any thread; calls are serialised with the visit log's.
 */
public final class SqliteTelemetryState implements SeenNonces {

    private final SqliteVisitLog log;
    private final Clock clock;

    public SqliteTelemetryState(SqliteVisitLog log, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The birth sequence of a new connect attempt, stored before it is returned. */
    public long nextBirthSequence() {
        Instant now = clock.instant();
        return log.transaction("nextBirthSequence", connection -> {
            long last;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT value FROM telemetry_state WHERE name = 'birth_seq'");
                    ResultSet row = select.executeQuery()) {
                last = row.next() ? row.getLong(1) : 0;
            }
            long next = BirthSequence.next(last, now);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE telemetry_state SET value = ? WHERE name = 'birth_seq'")) {
                update.setLong(1, next);
                update.executeUpdate();
            }
            return next;
        });
    }

    @Override
    public boolean firstSight(String nonce, Instant forgetAfter) {
        Objects.requireNonNull(nonce, "nonce");
        long now = clock.millis();
        return log.transaction("firstSight", connection -> {
            try (PreparedStatement purge = connection.prepareStatement(
                    "DELETE FROM command_nonce WHERE forget_after_epoch_ms < ?")) {
                purge.setLong(1, now);
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO command_nonce (nonce, forget_after_epoch_ms) VALUES (?, ?)")) {
                insert.setString(1, nonce);
                insert.setLong(2, forgetAfter.toEpochMilli());
                return insert.executeUpdate() == 1;
            }
        });
    }
}
