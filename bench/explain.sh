#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of every query the sessions API makes, on a table of
# EXPLAIN_ROWS sessions (default 1,000,000 across 10,000 users over two years).
#
#   bench/explain.sh                 on the system PostgreSQL (127.0.0.1:5432, user postgres)
#   PGHOST=... PGPORT=... PGUSER=... bench/explain.sh
#
# It creates a scratch database, applies Stride's migrations (src/main/resources/db/migration, in
# version order, with psql: no backend runs here), fills it with SQL (generate_series), runs the
# queries exactly as Stride sends them (the writes inside a transaction that is rolled back) and
# drops the database. Needs psql (apt-get install postgresql-client).
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
ROWS="${EXPLAIN_ROWS:-1000000}"
db="stride_explain_$$"
command -v psql >/dev/null || { echo "explain: psql is missing (apt-get install postgresql-client)" >&2; exit 2; }
psql -X -q -d postgres -c "CREATE DATABASE $db"
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
run() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
migrations="$top/src/main/resources/db/migration"
while read -r file; do
  run -f "$migrations/$file" </dev/null >/dev/null 2>&1
done < <(ls "$migrations" | grep -E '^V[0-9]+__.*\.sql$' | sort -t_ -k1.2n)

echo "explain: loading $ROWS sessions ..."
run <<SQL
INSERT INTO session_ids (id, started_at)
SELECT gen_random_uuid(), timestamptz '2024-11-01' + random() * interval '730 days' FROM generate_series(1, $ROWS);
INSERT INTO sessions (id, started_at, user_id, activity, duration_seconds, distance_meters, calories,
                      avg_heart_rate, max_heart_rate, notes)
SELECT id, started_at, 'user' || (abs(hashtext(id::text)) % 10000),
       (ARRAY['running','cycling','swimming','walking','hiking','rowing','strength','yoga','other'])[1 + abs(hashtext(id::text || 'a')) % 9],
       600 + abs(hashtext(id::text || 'd')) % 5400,
       CASE WHEN random() < 0.8 THEN round((random() * 20000)::numeric, 1) END,
       (random() * 1000)::int, 120 + (random() * 30)::int, 160 + (random() * 30)::int, NULL
FROM session_ids;
VACUUM ANALYZE sessions;
VACUUM ANALYZE session_ids;
SQL
id="$(run -A -t -c "SELECT id FROM sessions OFFSET $((ROWS / 2)) LIMIT 1")"
deep="$(run -A -t -c "SELECT started_at || '|' || id FROM sessions ORDER BY started_at DESC, id DESC OFFSET $((ROWS * 6 / 10)) LIMIT 1")"
deep_at="${deep%|*}" deep_id="${deep#*|}"
columns="s.id, s.user_id, s.activity, s.started_at, s.duration_seconds, s.distance_meters, s.calories, s.avg_heart_rate, s.max_heart_rate, s.notes, s.created_at"
explain() { # TITLE SQL
  echo
  echo "== $1"
  run -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $2"
}
explain "GET /api/sessions/{id}" \
  "SELECT $columns FROM session_ids k JOIN sessions s ON s.started_at = k.started_at AND s.id = k.id WHERE k.id = '$id'"
explain "GET /api/sessions (first page, no filter)" \
  "SELECT $columns FROM sessions s ORDER BY s.started_at DESC, s.id DESC LIMIT 51"
explain "GET /api/sessions (a page 60% deep, through its cursor)" \
  "SELECT $columns FROM sessions s WHERE (s.started_at, s.id) < ('$deep_at', '$deep_id') ORDER BY s.started_at DESC, s.id DESC LIMIT 51"
explain "GET /api/sessions?userId=" \
  "SELECT $columns FROM sessions s WHERE s.user_id = 'user2536' ORDER BY s.started_at DESC, s.id DESC LIMIT 51"
explain "GET /api/sessions?userId=&activity=&activity=&from=&to=&order=asc&cursor=" \
  "SELECT $columns FROM sessions s WHERE s.user_id = 'user2536' AND s.activity IN ('running', 'yoga') AND s.started_at >= '2025-01-01' AND s.started_at < '2026-01-01' AND (s.started_at, s.id) > ('2025-03-01', '00000000-0000-0000-0000-000000000000') ORDER BY s.started_at ASC, s.id ASC LIMIT 51"
explain "GET /api/sessions?activity=" \
  "SELECT $columns FROM sessions s WHERE s.activity IN ('rowing') ORDER BY s.started_at DESC, s.id DESC LIMIT 51"
explain "GET /api/sessions?activity=&activity= (no index serves several activities in time order: a filtered walk)" \
  "SELECT $columns FROM sessions s WHERE s.activity IN ('rowing', 'yoga') ORDER BY s.started_at DESC, s.id DESC LIMIT 51"
explain "GET /api/sessions?from=&to=" \
  "SELECT $columns FROM sessions s WHERE s.started_at >= '2025-06-01' AND s.started_at < '2025-06-02' ORDER BY s.started_at DESC, s.id DESC LIMIT 51"
echo
echo "== POST /api/sessions (rolled back)"
run <<SQL
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH claimed AS (INSERT INTO session_ids (id, started_at) VALUES (gen_random_uuid(), now()) ON CONFLICT (id) DO NOTHING RETURNING id, started_at)
INSERT INTO sessions (id, started_at, user_id, activity, duration_seconds) SELECT id, started_at, 'x', 'yoga', 60 FROM claimed RETURNING created_at;
ROLLBACK;
SQL
echo
echo "== DELETE /api/sessions/{id} (rolled back)"
run <<SQL
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH released AS (DELETE FROM session_ids WHERE id = '$id' RETURNING id, started_at)
DELETE FROM sessions s USING released r WHERE s.started_at = r.started_at AND s.id = r.id;
ROLLBACK;
SQL
