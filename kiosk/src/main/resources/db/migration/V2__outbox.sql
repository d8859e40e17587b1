-- Footfall buckets and the telemetry outbox, in the visit log's database so that a visit and its footfall
-- count commit in one transaction (docs/decisions/0006-footfall-outbox.md). Times are epoch milliseconds
-- (UTC) of the kiosk clock.

-- One row per footfall bucket, written in the same transaction as the visit, entry or measurement counted.
CREATE TABLE footfall_bucket (
    -- A multiple of bucket_minutes since the epoch (Footfall.bucketStartOf).
    bucket_start_epoch_ms INTEGER NOT NULL PRIMARY KEY,
    -- 15 by default; 60 for an hour merged from never-sent shorter buckets by compaction.
    bucket_minutes        INTEGER NOT NULL CHECK (bucket_minutes BETWEEN 1 AND 60),
    -- The protocol's FootfallCounts as JSON, the same shape the footfall message carries. JSON rather than
    -- a column per count: category, purpose and measurement codes are open (a new purpose needs no
    -- migration), and the bucket is read and written whole inside the visit's transaction.
    counts                TEXT    NOT NULL,
    -- The revision the bucket's next footfall message carries. A change sets it to queued_revision + 1,
    -- so the first message of a bucket is revision 1 and each later one is one higher.
    revision              INTEGER NOT NULL CHECK (revision >= 1),
    -- The revision last made into a footfall message in the outbox; 0 before the first. Sent to the
    -- outbox, which then delivers it: revision > queued_revision means "changed since last queued".
    queued_revision       INTEGER NOT NULL DEFAULT 0 CHECK (queued_revision >= 0 AND queued_revision <= revision)
);

-- Visits stored before footfall was counted get their buckets now (15 minutes, the default length), so
-- that every visit on disk is counted, these too; they are sent with the first buckets after the upgrade.
INSERT INTO footfall_bucket (bucket_start_epoch_ms, bucket_minutes, counts, revision, queued_revision)
SELECT bucket.start, 15,
       json_object(
           'checkInsByCategory', json((SELECT json_group_object(category, n) FROM
               (SELECT category, count(*) AS n FROM visit
                WHERE at_epoch_ms >= bucket.start AND at_epoch_ms < bucket.start + 900000 GROUP BY category))),
           'checkInsByPurpose', json((SELECT json_group_object(purpose, n) FROM
               (SELECT purpose, count(*) AS n FROM visit
                WHERE at_epoch_ms >= bucket.start AND at_epoch_ms < bucket.start + 900000 GROUP BY purpose))),
           'entriesSensed', 0,
           'measurementsByKind', json_object()),
       1, 0
FROM (SELECT DISTINCT at_epoch_ms - (at_epoch_ms % 900000 + 900000) % 900000 AS start FROM visit) AS bucket;

-- The publisher looks for closed buckets with unqueued changes every round.
CREATE INDEX idx_footfall_bucket_unqueued ON footfall_bucket (bucket_start_epoch_ms)
    WHERE revision > queued_revision;

-- Messages waiting for the broker's PUBACK. A row is deleted only when the broker has acknowledged it.
CREATE TABLE outbox (
    -- AUTOINCREMENT: an id is never reused, so a late PUBACK for a replaced row cannot delete its successor.
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    -- The topic kind it is published to: footfall or events.
    kind                TEXT    NOT NULL,
    -- For footfall, the bucket start (ISO-8601): a newer revision of a bucket replaces the pending one.
    -- NULL for events, which are never replaced.
    key                 TEXT    NULL,
    -- 0 drains first: alerts, lifecycle, footfall, changes (OutboxPriority).
    priority            INTEGER NOT NULL,
    -- The encoded message, as made; "replayed" is set at publish time, not stored.
    payload             BLOB    NOT NULL,
    bytes               INTEGER NOT NULL,
    created_at_epoch_ms INTEGER NOT NULL,
    -- Times it was handed to the broker connection (recorded before each hand-over, carried over when a
    -- footfall row is replaced). 0 means the fleet cannot have seen it, which compaction relies on.
    attempts            INTEGER NOT NULL DEFAULT 0,
    last_error          TEXT    NULL
);

CREATE UNIQUE INDEX idx_outbox_kind_key ON outbox (kind, key) WHERE key IS NOT NULL;

-- Draining order: priority, then age.
CREATE INDEX idx_outbox_drain ON outbox (priority, created_at_epoch_ms, id);

-- The oldest waiting message, for the depth in health.
CREATE INDEX idx_outbox_created ON outbox (created_at_epoch_ms);

-- Counters kept with the outbox: the kiosk's message sequence, the depth (so that reading it does not scan
-- megabytes of payloads) and whether the near-full alert has been raised.
CREATE TABLE outbox_state (
    name  TEXT    NOT NULL PRIMARY KEY,
    value INTEGER NOT NULL
);

INSERT INTO outbox_state (name, value) VALUES ('seq', 0), ('rows', 0), ('bytes', 0), ('near_full_alerted', 0);

CREATE TRIGGER trg_outbox_insert AFTER INSERT ON outbox
BEGIN
    UPDATE outbox_state SET value = value + 1 WHERE name = 'rows';
    UPDATE outbox_state SET value = value + NEW.bytes WHERE name = 'bytes';
END;

CREATE TRIGGER trg_outbox_delete AFTER DELETE ON outbox
BEGIN
    UPDATE outbox_state SET value = value - 1 WHERE name = 'rows';
    UPDATE outbox_state SET value = value - OLD.bytes WHERE name = 'bytes';
END;

CREATE TRIGGER trg_outbox_bytes AFTER UPDATE OF bytes ON outbox
BEGIN
    UPDATE outbox_state SET value = value - OLD.bytes + NEW.bytes WHERE name = 'bytes';
END;
