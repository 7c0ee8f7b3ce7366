-- What changing a session (PATCH) and following the changes (GET /api/sessions/changes) need.
--
-- Where a change stands in the feed: (change_xid, id), the id of the transaction that made the
-- change (pg_current_xact_id(), set by the column's default on INSERT and by every UPDATE) and the
-- session's id. A sequence number would not do: a transaction that drew 41 may commit after one
-- that drew 42 has been read, and a reader that moved past 42 would never see 41. Transaction ids
-- have what the feed needs instead: every transaction below the oldest one still running
-- (pg_snapshot_xmin of the reader's snapshot) has ended, so the changes below that bound are
-- complete and can no longer grow, and any transaction still to commit has an id at or above it.
-- The feed reads only below that bound and moves its position up to it (see SessionChanges).
ALTER TABLE sessions ADD COLUMN updated_at timestamptz;
ALTER TABLE sessions ADD COLUMN change_xid xid8;
UPDATE sessions SET updated_at = created_at, change_xid = pg_current_xact_id();
ALTER TABLE sessions
    ALTER COLUMN updated_at SET DEFAULT now(),
    ALTER COLUMN updated_at SET NOT NULL,
    ALTER COLUMN change_xid SET DEFAULT pg_current_xact_id(),
    ALTER COLUMN change_xid SET NOT NULL;

-- The feed of everyone (admin) and of one user, in position order.
CREATE INDEX sessions_change_idx ON sessions (change_xid, id);
CREATE INDEX sessions_user_change_idx ON sessions (user_id, change_xid, id);

-- Tombstones: a deleted session's id and user, kept STRIDE_CHANGES_RETENTION_DAYS (30) for the
-- feed, then removed by SessionChangesRetention. A session stored again under a deleted id takes
-- its tombstone away (in the same statement), so an id is either a session or a tombstone.
CREATE TABLE session_deletions (
    id         uuid             NOT NULL CONSTRAINT session_deletions_pkey PRIMARY KEY,
    user_id    text COLLATE "C" NOT NULL,
    deleted_at timestamptz      NOT NULL DEFAULT now(),
    change_xid xid8             NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX session_deletions_change_idx ON session_deletions (change_xid, id);
CREATE INDEX session_deletions_user_change_idx ON session_deletions (user_id, change_xid, id);
CREATE INDEX session_deletions_deleted_idx ON session_deletions (deleted_at);

-- The highest change_xid of a tombstone removed so far: a feed position at or below it may have
-- missed a deletion, and is answered 410 (list everything again). One row; 0 while none was removed.
CREATE TABLE session_changes_horizon (
    only_row   boolean NOT NULL DEFAULT TRUE CONSTRAINT session_changes_horizon_pkey PRIMARY KEY
               CHECK (only_row),
    change_xid xid8    NOT NULL
);
INSERT INTO session_changes_horizon (change_xid) VALUES ('0');
