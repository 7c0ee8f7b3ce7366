-- Access tokens. A token is an opaque secret ("stride_" and 43 URL-safe base64 characters: 256
-- random bits) that belongs to one user and carries scopes; only its SHA-256 is kept, which is
-- enough for a secret of that entropy (no password hashing needed: there is nothing to guess).
-- A request finds its token by that hash (the unique index). Revoking deletes the row, so no
-- backend can accept the token once the DELETE has committed.
CREATE TABLE IF NOT EXISTS tokens (
    id           uuid                     NOT NULL CONSTRAINT tokens_pkey PRIMARY KEY,
    secret_hash  bytea                    NOT NULL CONSTRAINT tokens_secret_hash_key UNIQUE,
    user_id      text COLLATE "C"         NOT NULL,
    name         text                     NOT NULL CONSTRAINT tokens_name_check CHECK (char_length(name) BETWEEN 1 AND 100),
    scopes       text[]                   NOT NULL CONSTRAINT tokens_scopes_check CHECK (
                     cardinality(scopes) BETWEEN 1 AND 3 AND scopes <@ ARRAY['read', 'write', 'admin']),
    created_at   timestamptz              NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    -- The token ./stride run or a container's STRIDE_ADMIN_TOKEN provides: one row, replaced when
    -- the secret changes (rotation).
    bootstrap    boolean                  NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS tokens_user_created_idx ON tokens (user_id, created_at DESC, id);
CREATE UNIQUE INDEX IF NOT EXISTS tokens_one_bootstrap_idx ON tokens (bootstrap) WHERE bootstrap;
