-- The fleet console's store. Portable SQL: SQLite 3.24+ and PostgreSQL 9.5+ (upserts with ON CONFLICT).
-- Instants are epoch milliseconds (footfall bucket starts epoch seconds) in BIGINT; JSON payloads are the
-- messages as the protocol's codec writes them, in TEXT.

-- Every kiosk ever heard of, with its latest state (as KioskPresence kept it), birth and health.
-- kiosk_no is the console's own number for it, given by the console, so the health history stays narrow.
CREATE TABLE kiosks (
    kiosk_no        INTEGER     NOT NULL PRIMARY KEY,
    site            VARCHAR(64) NOT NULL,
    kiosk           VARCHAR(64) NOT NULL,
    state           TEXT,
    state_received  BIGINT,
    birth           TEXT,
    health          TEXT,
    health_received BIGINT,
    last_seen       BIGINT      NOT NULL,
    CONSTRAINT kiosks_site_kiosk UNIQUE (site, kiosk)
);

-- Every health point for a day (one per kiosk per 30 s), then folded into health_downsampled.
CREATE TABLE health_raw (
    kiosk_no          INTEGER NOT NULL,
    at_ms             BIGINT  NOT NULL,
    cpu_celsius       DOUBLE PRECISION,
    load1             DOUBLE PRECISION,
    data_free_percent DOUBLE PRECISION,
    outbox_rows       BIGINT,
    PRIMARY KEY (kiosk_no, at_ms)
);
-- Downsampling folds and deletes by time alone; without this it would scan the whole day.
CREATE INDEX health_raw_at ON health_raw (at_ms);

-- One point per kiosk per step (15 minutes): means, and the outbox's maximum; kept 30 days.
CREATE TABLE health_downsampled (
    kiosk_no          INTEGER NOT NULL,
    at_ms             BIGINT  NOT NULL,
    cpu_celsius       DOUBLE PRECISION,
    load1             DOUBLE PRECISION,
    data_free_percent DOUBLE PRECISION,
    outbox_rows       BIGINT,
    PRIMARY KEY (kiosk_no, at_ms)
);
CREATE INDEX health_downsampled_at ON health_downsampled (at_ms);

-- One row per (site, kiosk, bucket start): the highest revision received (FootfallLedger.judge).
CREATE TABLE footfall_buckets (
    site           VARCHAR(64) NOT NULL,
    kiosk          VARCHAR(64) NOT NULL,
    bucket_start   BIGINT      NOT NULL,
    bucket_minutes INTEGER     NOT NULL,
    revision       INTEGER     NOT NULL,
    check_ins      BIGINT      NOT NULL,
    payload        TEXT        NOT NULL,
    received_ms    BIGINT      NOT NULL,
    PRIMARY KEY (site, kiosk, bucket_start)
);
CREATE INDEX footfall_buckets_start ON footfall_buckets (bucket_start);

-- Events, once per id per kiosk (a QoS 1 re-delivery or outbox replay keeps the id).
CREATE TABLE events (
    site        VARCHAR(64) NOT NULL,
    kiosk       VARCHAR(64) NOT NULL,
    id          VARCHAR(26) NOT NULL,
    received_ms BIGINT      NOT NULL,
    kind        VARCHAR(64) NOT NULL,
    severity    VARCHAR(16) NOT NULL,
    payload     TEXT        NOT NULL,
    PRIMARY KEY (site, kiosk, id)
);
CREATE INDEX events_kiosk_received ON events (site, kiosk, received_ms);

-- Alerts; ids are given by the console, continuing after the highest stored.
CREATE TABLE alerts (
    id              BIGINT       NOT NULL PRIMARY KEY,
    rule            VARCHAR(64)  NOT NULL,
    site            VARCHAR(64)  NOT NULL,
    kiosk           VARCHAR(64)  NOT NULL,
    message         TEXT         NOT NULL,
    raised_ms       BIGINT       NOT NULL,
    cleared_ms      BIGINT,
    acknowledged_ms BIGINT,
    acknowledged_by VARCHAR(200)
);
CREATE INDEX alerts_acknowledged ON alerts (acknowledged_ms);
