-- Health readings of residents who chose "measure and keep my history" (PIPL: health data is sensitive
-- personal information, stored only with that separate consent). The resident is identified only by the
-- pseudonymous subject of their own pass; no name, phone number or token. A reading taken without consent is
-- never stored here, only counted in footfall_bucket. Rows leave by "delete my data" (every row of one
-- pseudonym) and by the retention purge (every row older than the retention, 180 days by default).
-- Times are epoch milliseconds (UTC) of the kiosk clock.
CREATE TABLE health_reading (
    id                INTEGER PRIMARY KEY,
    pseudonym         TEXT    NOT NULL,
    kind              TEXT    NOT NULL CHECK (kind IN ('blood-pressure', 'weight', 'temperature')),
    at_epoch_ms       INTEGER NOT NULL,
    -- Values as decimal text (BigDecimal.toPlainString), exactly as the device measured them: no binary
    -- rounding. Only the columns of the reading's kind are set.
    systolic_mmhg     TEXT    NULL,
    diastolic_mmhg    TEXT    NULL,
    pulse_per_minute  TEXT    NULL,
    kilograms         TEXT    NULL,
    -- The height the weight's BMI used (sent by the scale or known from an earlier weighing); the resident's
    -- known height is the latest one.
    height_metres     TEXT    NULL,
    celsius           TEXT    NULL,
    -- The category code when stored (grade-1, overweight, fever …); NULL for a weight without a height.
    -- Readers derive the category from the values again; this column is for people reading the file.
    category          TEXT    NULL,
    -- Comma-separated flag codes (movement, cuff-loose, …); empty when none.
    flags             TEXT    NOT NULL DEFAULT '',
    recorded_epoch_ms INTEGER NOT NULL,
    CHECK ((kind = 'blood-pressure') = (systolic_mmhg IS NOT NULL AND diastolic_mmhg IS NOT NULL)),
    CHECK ((kind = 'weight') = (kilograms IS NOT NULL)),
    CHECK ((kind = 'temperature') = (celsius IS NOT NULL))
);

-- A resident's history of one kind, newest first; their known height; "delete my data".
CREATE INDEX idx_health_reading_pseudonym ON health_reading (pseudonym, kind, at_epoch_ms);

-- The retention purge.
CREATE INDEX idx_health_reading_at ON health_reading (at_epoch_ms);
