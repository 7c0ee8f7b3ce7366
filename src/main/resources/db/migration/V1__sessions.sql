-- Stride schema: exercise sessions. Plain PostgreSQL 15+; V2 turns sessions into a
-- TimescaleDB hypertable where that extension exists. Every backend applies this folder with
-- Flyway at deployment (dev.stride.schema); Flyway records what it applied in
-- flyway_schema_history and checks the checksums at every start, so a migration that has been
-- released is never edited: a change of the schema is a new file, V4__....sql.
-- V1 to V3 are the former db-init/ files, and every statement in them is idempotent (IF NOT
-- EXISTS, ON CONFLICT DO NOTHING): on a database made from db-init/ (which has no
-- flyway_schema_history) Flyway sets a baseline at version 0 and runs them over the objects that
-- are already there, which adds only what is missing. They must stay so.

-- A recorded session. The application validates every rule of the API contract and answers
-- 400 before anything reaches this table; the CHECKs are the second line of defence.
CREATE TABLE IF NOT EXISTS sessions (
    id               uuid             NOT NULL,
    user_id          text COLLATE "C" NOT NULL CHECK (user_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    activity         text             NOT NULL CHECK (activity IN ('running', 'cycling', 'swimming', 'walking',
                                                                   'hiking', 'rowing', 'strength', 'yoga', 'other')),
    started_at       timestamptz      NOT NULL CHECK (started_at >= '1970-01-01T00:00:00Z'),
    duration_seconds integer          NOT NULL CHECK (duration_seconds BETWEEN 1 AND 86400),
    distance_meters  double precision CHECK (distance_meters BETWEEN 0 AND 1000000),
    calories         integer          CHECK (calories BETWEEN 0 AND 20000),
    avg_heart_rate   smallint         CHECK (avg_heart_rate BETWEEN 20 AND 250),
    max_heart_rate   smallint         CHECK (max_heart_rate BETWEEN 20 AND 250),
    notes            text             CHECK (char_length(notes) <= 1000),
    created_at       timestamptz      NOT NULL DEFAULT now(),
    CHECK (max_heart_rate >= avg_heart_rate),
    -- A hypertable's unique keys must contain its time column, so the key is (started_at, id).
    -- It also serves the lists without a user filter and the lookup of one id (through session_ids).
    CONSTRAINT sessions_pkey PRIMARY KEY (started_at, id)
);

-- One row per stored id. The primary key of sessions cannot be the id alone on a hypertable,
-- so this small table is what makes a client-chosen id unique: a POST inserts here first
-- (ON CONFLICT DO NOTHING), and a concurrent POST of the same new id waits on this key and
-- then finds the stored session. It also tells where (started_at) to find a session by id.
CREATE TABLE IF NOT EXISTS session_ids (
    id         uuid        NOT NULL CONSTRAINT session_ids_pkey PRIMARY KEY,
    started_at timestamptz NOT NULL
);

-- A user's sessions in time order: the list filtered by user (keyset on started_at, id, both
-- directions) and the statistics of a user (range on started_at). The INCLUDE columns are those
-- the statistics aggregate, so that they come from an index-only scan.
CREATE INDEX IF NOT EXISTS sessions_user_started_idx ON sessions (user_id, started_at, id)
    INCLUDE (activity, duration_seconds, distance_meters, calories, avg_heart_rate, max_heart_rate);

-- The list filtered by activity without a user: without it a rare activity would be found by
-- walking the whole time index.
CREATE INDEX IF NOT EXISTS sessions_activity_started_idx ON sessions (activity, started_at, id);

-- Settings that every backend must share. The cursor key signs the list cursors; kept in the
-- database so that all backends behind the proxy accept each other's cursors, across restarts.
CREATE TABLE IF NOT EXISTS stride_settings (
    name  text NOT NULL CONSTRAINT stride_settings_pkey PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO stride_settings (name, value)
VALUES ('cursor-key', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))
ON CONFLICT (name) DO NOTHING;
