-- In production (TimescaleDB) sessions become a hypertable partitioned by started_at. On plain
-- PostgreSQL this file does nothing, and the API behaves the same: uniqueness of ids lives in
-- session_ids, not in a key of the hypertable.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_available_extensions WHERE name = 'timescaledb') THEN
        CREATE EXTENSION IF NOT EXISTS timescaledb;
        PERFORM create_hypertable('sessions', 'started_at',
                                  chunk_time_interval => INTERVAL '30 days',
                                  create_default_indexes => FALSE,
                                  if_not_exists => TRUE,
                                  migrate_data => TRUE);
    ELSE
        RAISE NOTICE 'timescaledb is not available: sessions stays a plain table';
    END IF;
END
$$;
