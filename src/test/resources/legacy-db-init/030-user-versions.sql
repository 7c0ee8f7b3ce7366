-- The version of each user's sessions: bumped in the same statement as every write of that user's
-- sessions (a POST, a batch, a DELETE), so that a backend can prove with one indexed read that an
-- answer it computed earlier (statistics) is still current, and so that ETags change with every
-- committed change. A user without a row has version 0: no write since this table exists.
-- Rows are never deleted, so a version never repeats.
CREATE TABLE IF NOT EXISTS user_versions (
    user_id text COLLATE "C" NOT NULL CONSTRAINT user_versions_pkey PRIMARY KEY,
    version bigint           NOT NULL
);
