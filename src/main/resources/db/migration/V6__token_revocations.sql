-- What lets a backend keep the tokens it has checked in memory without ever accepting a revoked
-- one (dev.stride.access.control.RevocationWatch):
--
-- token_revocations counts every change that can take a token away (a DELETE; a new secret, user,
-- scopes or expiry), in the transaction that makes it, through the trigger below, and tells the
-- listening backends at commit (NOTIFY stride_token_revocations). The one row also orders things:
-- the trigger's UPDATE and a backend's lease renewal (which reads the count FOR SHARE) wait for
-- each other, so a renewal either commits before a revocation or sees it.
--
-- token_cache_leases holds one row per running backend: until when (database time) it may answer
-- from its memory, and the count of revocations it had dropped its memory for when it renewed. A
-- DELETE of a token is answered only when every backend with a lease still running has seen the
-- DELETE's count, or its lease has run out; a backend whose lease runs out stops using its memory
-- (it counts on its own clock, from before it asked for the lease, so it stops first).
CREATE TABLE IF NOT EXISTS token_revocations (
    only_row boolean NOT NULL DEFAULT true CONSTRAINT token_revocations_pkey PRIMARY KEY
                     CONSTRAINT token_revocations_one_row CHECK (only_row),
    count    bigint  NOT NULL
);
INSERT INTO token_revocations (count) VALUES (0) ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS token_cache_leases (
    backend    uuid        NOT NULL CONSTRAINT token_cache_leases_pkey PRIMARY KEY,
    expires_at timestamptz NOT NULL,
    seen       bigint      NOT NULL
);

CREATE OR REPLACE FUNCTION tokens_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE token_revocations SET count = count + 1;
    PERFORM pg_notify('stride_token_revocations', '');
    RETURN NULL;
END
$$;

-- Not on last_used_at, which every backend writes every 30 s and which takes nothing away.
DROP TRIGGER IF EXISTS tokens_revoked ON tokens;
CREATE TRIGGER tokens_revoked
    AFTER DELETE OR UPDATE OF secret_hash, user_id, scopes, expires_at ON tokens
    FOR EACH ROW EXECUTE FUNCTION tokens_revoked();
DROP TRIGGER IF EXISTS tokens_truncated ON tokens;
CREATE TRIGGER tokens_truncated
    AFTER TRUNCATE ON tokens
    FOR EACH STATEMENT EXECUTE FUNCTION tokens_revoked();
