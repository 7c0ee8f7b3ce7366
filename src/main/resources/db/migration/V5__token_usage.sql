-- Requests per token and time window, summed over every backend: the shared counter of the rate
-- limit (dev.stride.access.control.RateLimits). Each backend adds what it counted a few times a
-- second and reads back the installation's total. UNLOGGED: counts are worth nothing after a
-- crash, and unlogged writes cost no WAL. Windows older than the current one are deleted.
CREATE UNLOGGED TABLE IF NOT EXISTS token_usage (
    token_id uuid   NOT NULL,
    window_start bigint NOT NULL,
    requests bigint NOT NULL,
    CONSTRAINT token_usage_pkey PRIMARY KEY (token_id, window_start)
);
