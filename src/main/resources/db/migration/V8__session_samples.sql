-- The samples of imported sessions (contract: "Activity files"): one row per sample of the file,
-- keyed by session and time, written with COPY by dev.stride.activityfiles.control.SampleStore and
-- read back in time order for GET /api/sessions/{id}/samples. Times are kept, not offsets: the
-- offset of a sample is its distance from the session's first sample, computed when read.
-- Values are null where the file had none; distance_meters is the cumulative distance as /samples
-- returns it (the file's own, else summed along the track).
CREATE TABLE session_samples (
    session_id            uuid             NOT NULL,
    recorded_at           timestamptz      NOT NULL,
    latitude              double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude             double precision CHECK (longitude BETWEEN -180 AND 180),
    elevation_meters      double precision,
    distance_meters       double precision,
    heart_rate            smallint,
    cadence               smallint,
    power_watts           integer,
    speed_meters_per_second double precision,
    -- A hypertable's unique keys must contain its time column: they do.
    CONSTRAINT session_samples_pkey PRIMARY KEY (session_id, recorded_at)
);

-- In production (TimescaleDB) the samples are a time series: a hypertable partitioned by time,
-- whose chunks are compressed once a week old, segmented by session (a session's samples are read
-- together, always in time order). Plain PostgreSQL keeps the plain table, with the same API.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_extension WHERE extname = 'timescaledb') THEN
        PERFORM create_hypertable('session_samples', 'recorded_at',
                                  chunk_time_interval => INTERVAL '7 days',
                                  if_not_exists => TRUE);
        ALTER TABLE session_samples SET (timescaledb.compress,
                                         timescaledb.compress_segmentby = 'session_id',
                                         timescaledb.compress_orderby = 'recorded_at');
        PERFORM add_compression_policy('session_samples', INTERVAL '7 days', if_not_exists => TRUE);
    ELSE
        RAISE NOTICE 'timescaledb is not available: session_samples stays a plain table';
    END IF;
END
$$;
