-- What the kiosk must remember about its broker connection across restarts.

-- Named counters; birth_seq is the birth sequence of the last connect attempt (BirthSequence.next takes
-- the next one from it), so a kiosk's connections are numbered upwards even when its clock jumps back.
CREATE TABLE telemetry_state (
    name  TEXT    NOT NULL PRIMARY KEY,
    value INTEGER NOT NULL
);

INSERT INTO telemetry_state (name, value) VALUES ('birth_seq', 0);

-- The nonces of the fleet commands this kiosk obeyed, until their command expires: a restart command
-- delivered again after the restart it caused (the broker's session kept it) is then refused as replayed.
CREATE TABLE command_nonce (
    nonce                  TEXT    NOT NULL PRIMARY KEY,
    forget_after_epoch_ms  INTEGER NOT NULL
);
