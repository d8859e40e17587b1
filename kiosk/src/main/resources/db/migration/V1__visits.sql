-- One row per visit. Only the pass's pseudonymous subject is kept (visitor_id); the scanned token is
-- never stored, so there is deliberately no column for it. Times are epoch milliseconds (UTC).
CREATE TABLE visit (
    -- NOT NULL spelled out: SQLite otherwise lets a TEXT primary key of a rowid table be NULL.
    id                TEXT    NOT NULL PRIMARY KEY,
    -- NULL for a walk-in.
    visitor_id        TEXT    NULL,
    category          TEXT    NOT NULL,
    purpose           TEXT    NOT NULL,
    at_epoch_ms       INTEGER NOT NULL,
    recorded_epoch_ms INTEGER NOT NULL
);

-- The duplicate check at every scan: the latest visit of one visitor since a moment.
CREATE INDEX idx_visit_visitor_at ON visit (visitor_id, at_epoch_ms);

-- "Today" in the statistics.
CREATE INDEX idx_visit_at ON visit (at_epoch_ms);
