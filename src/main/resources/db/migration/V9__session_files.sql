-- The original file of each imported session (contract: "Activity files": GET .../file), its
-- source as the session resource shows it, and the deduplication of imports.
--
-- The bytes are a bytea column, not a large object: a file is at most 16 MiB (far below bytea's
-- 1 GB), always read and written whole, and a bytea value lives and dies with its row — deleted,
-- backed up, replicated and restored with it — where a large object needs its own unlinking (or
-- it is orphaned), its own privileges and pg_dump's separate blob handling. TOAST stores it out of
-- line, so reading a session's source never reads the bytes.
CREATE TABLE session_files (
    session_id uuid             NOT NULL CONSTRAINT session_files_pkey PRIMARY KEY,
    user_id    text COLLATE "C" NOT NULL,
    format     text             NOT NULL CHECK (format IN ('gpx', 'tcx', 'fit')),
    sha256     bytea            NOT NULL CHECK (octet_length(sha256) = 32),
    samples    integer          NOT NULL CHECK (samples >= 0),
    content    bytea            NOT NULL,
    -- The same file imported again by the same user is the session already stored (200); a
    -- concurrent import of it waits on this key and then finds the first one.
    CONSTRAINT session_files_user_sha256_key UNIQUE (user_id, sha256)
);

-- lz4 where the server has it: files are compressed as they are stored (XML shrinks five- to
-- tenfold), and lz4 costs a fraction of the default pglz's time on the import's path.
DO $$
BEGIN
    ALTER TABLE session_files ALTER COLUMN content SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    RAISE NOTICE 'lz4 is not available: session_files.content keeps the default compression';
END
$$;

-- The fastest stretch of each record distance within one session's samples (contract:
-- "Records"), measured once at import: it depends on the samples only, which never change. Every
-- record distance of any activity is kept, so that a PATCH of the session's activity needs no
-- second pass over the samples; GET .../records picks those of the session's current activity.
CREATE TABLE session_fastest (
    session_id      uuid             NOT NULL,
    distance_meters double precision NOT NULL,
    seconds         double precision NOT NULL CHECK (seconds > 0),
    CONSTRAINT session_fastest_pkey PRIMARY KEY (session_id, distance_meters)
);

-- A session is deleted by releasing its id in session_ids (every DELETE path does, see
-- SessionFinder): its file, samples and fastest stretches go in the same statement. A trigger
-- rather than foreign keys: a foreign key on session_samples would check each of an import's
-- thousands of rows as COPY writes them, and on a TimescaleDB hypertable it would have to be
-- carried into every chunk.
CREATE FUNCTION forget_session_activity_data() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM session_samples s USING released r WHERE s.session_id = r.id;
    DELETE FROM session_fastest f USING released r WHERE f.session_id = r.id;
    DELETE FROM session_files f USING released r WHERE f.session_id = r.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER session_ids_forget_activity_data
    AFTER DELETE ON session_ids
    REFERENCING OLD TABLE AS released
    FOR EACH STATEMENT EXECUTE FUNCTION forget_session_activity_data();
