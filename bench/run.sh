#!/usr/bin/env bash
# Stride's speed benchmark, measured against the limit of the database server it runs on.
#
#   bench/run.sh                         Stride on a fresh embedded PostgreSQL (or the DB_* server)
#   PEER_URL=http://127.0.0.1:18000 bench/run.sh
#                                        the same phases against another implementation of the
#                                        contract too (e.g. ../shared/peers/fastapi/run.sh 18000)
#   PEER_RUN=../shared/peers/fastapi/run.sh bench/run.sh
#                                        starts that peer itself (PEER_RUN PORT) after Stride's
#                                        phases and stops it at the end: a fresh peer per run, so
#                                        both hold the same data (a peer left running keeps what
#                                        earlier runs loaded, which slows its reads)
#
# It starts Stride (./stride start, own state folder and ports), loads BENCH_USERS x
# BENCH_SESSIONS_PER_USER sessions through POST /api/sessions/batch with the tester, then runs
# wrk (-t2 -cBENCH_CONNECTIONS, BENCH_SECONDS per phase) on loopback:
#   (a) POST one session  (b) POST a batch of 500  (c) GET a list page of 50  (d) GET stats/series
# and, on the same database server: pgbench running Stride's own single-row INSERT statement at the
# same concurrency (TPS), and COPY of the same rows into tables with the same indexes (rows/s).
# Before the phases each implementation gets the same warm-up: 10 s rounds of single POSTs, list
# pages and stats at once, until two rounds in a row are no more than 3% faster than the best
# before them (at most BENCH_WARMUP_MAX_SECONDS [150]). A JVM reaches its speed only once its JIT
# has compiled the hot paths (Payara Micro: 90 s or more of load on 2 cores), and a service is
# measured as it runs in production, warm. The peer gets the same rule.
# It prints requests/s, p50/p99, non-2xx for each phase, each Stride figure as a ratio of its
# database limit (and of the peer's), and the largest RSS of the Payara process.
#
# Needs: a JDK, Maven, wrk, pgbench and psql (apt-get install wrk postgresql-client
# postgresql-contrib). Every phase is bounded in time; the whole run takes about 5 minutes, 7 with
# a peer.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(dirname "$here")"
SECONDS_PER_PHASE="${BENCH_SECONDS:-15}"
WARMUP_MAX="${BENCH_WARMUP_MAX_SECONDS:-150}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
USERS="${BENCH_USERS:-1000}"
PER_USER="${BENCH_SESSIONS_PER_USER:-200}"
SEED=42
# The wrk scripts find bench/common.lua through LuaJIT's search path.
export LUA_PATH="$here/?.lua;;"
export BENCH_USERS="$USERS" BENCH_USER_PREFIX="u$SEED-"

for tool in wrk pgbench psql java mvn curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install wrk postgresql-client postgresql-contrib)" >&2; exit 2; }
done

work="$(mktemp -d /tmp/stride-bench.XXXXXX)"
chmod 755 "$work"
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
# wrk talks to Payara directly: no Nginx, whose port may be another Stride's.
export STRIDE_STATE_DIR="$work/state" HTTP_PORT="${HTTP_PORT:-$(free_port)}" STRIDE_NGINX=off
if [[ -z "${DB_HOST:-}${DB_PORT:-}${DB_NAME:-}${DB_USER:-}${DB_PASSWORD:-}" ]]; then
  export STRIDE_DB_PORT="$(free_port)" STRIDE_DATA_DIR="$work/pgdata"
  PG=(-h 127.0.0.1 -p "$STRIDE_DB_PORT" -U postgres -d stride)
  # The embedded binaries were unpacked under .stride by an earlier ./stride run; reuse them.
  if [[ -d "$top/.stride/postgres-17.11.0" ]]; then
    mkdir -p "$work/state" && cp -a "$top/.stride/postgres-17.11.0" "$work/state/"
  fi
else
  PG=(-h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-stride}" -d "${DB_NAME:-stride}")
  export PGPASSWORD="${DB_PASSWORD:-}"
fi
STRIDE="http://127.0.0.1:$HTTP_PORT"
cleanup() {
  [[ -n "${rss_sampler:-}" ]] && kill "$rss_sampler" 2>/dev/null
  [[ -n "${peer_pid:-}" ]] && kill -- -"$peer_pid" 2>/dev/null
  "$top/stride" stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "bench: starting Stride ($STRIDE) ..."
"$top/stride" start >"$work/start.log" 2>&1 || { cat "$work/start.log" >&2; exit 1; }
payara_pid="$(cat "$work/state/payara.pid")"
(cd "$top/tester" && mvn -q -B package -DskipTests -Dspotless.check.skip=true) >"$work/tester-build.log" 2>&1 \
  || { cat "$work/tester-build.log" >&2; exit 1; }
tester=(java -jar "$top/tester/target/stride-tester.jar")

# The largest RSS of the Payara process while the benchmark runs.
(max=0; while kill -0 "$payara_pid" 2>/dev/null; do
  rss="$(ps -o rss= -p "$payara_pid" 2>/dev/null | tr -d ' ')"; [[ -n "$rss" && "$rss" -gt "$max" ]] && max="$rss" && echo "$max" >"$work/rss"
  sleep 1
done) &
rss_sampler=$!

load() { # URL: the same data set through the batch endpoint
  local started=$SECONDS
  "${tester[@]}" simulate --base-url "$1/api" --users "$USERS" --sessions-per-user "$PER_USER" \
    --seed "$SEED" --batch-size 500 --concurrency 4 --no-verify --out "$work/load-$2" >"$work/load-$2.log" 2>&1 \
    || { tail -n 5 "$work/load-$2.log" >&2; echo "bench: loading $1 failed" >&2; exit 1; }
  echo "bench: loaded $((USERS * PER_USER)) sessions into $2 in $((SECONDS - started)) s"
}

declare -A result
# shellcheck source=bench/warm-up.sh
source "$here/warm-up.sh"
mixed_round() { # URL: single POSTs, list pages and stats at once for 10 s; prints their requests/s
  local script pids=()
  for script in post-session get-page get-stats; do
    wrk -t1 -c8 -d10s -s "$here/$script.lua" "$1/" 2>/dev/null | grep '^RESULT' >"$work/warm-$script" &
    pids+=($!)
  done
  wait "${pids[@]}" || true
  sed -n 's/.* rps=\([0-9.]*\).*/\1/p' "$work"/warm-* | awk '{ t += $1 } END { printf "%.0f", t }'
}
phase() { # NAME URL SCRIPT [PATH]
  local name="$1" url="$2" script="$3" path="${4:-/}"
  local line
  line="$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_PHASE}s" --timeout 10s -s "$here/$script" "$url$path" | grep '^RESULT')"
  result[$name]="$line"
}
field() { sed -n "s/.*$2=\([^ ]*\).*/\1/p" <<<"${result[$1]:-}"; }

load "$STRIDE" stride
echo "bench: warming Stride up ..."
until_warm "bench:   warm-up" $((WARMUP_MAX / 10)) mixed_round "$STRIDE"
echo "bench: measuring Stride ..."
# Reads first: the batch phase adds hundreds of thousands of sessions, and the reads are measured
# on the data set loaded above.
phase stride-list "$STRIDE" get-page.lua
phase stride-stats "$STRIDE" get-stats.lua
phase stride-post "$STRIDE" post-session.lua
phase stride-batch "$STRIDE" post-batch.lua

echo "bench: measuring the database alone ..."
cat >"$work/insert.sql" <<SQL
\set u random(0, $((USERS - 1)))
\set d random(600, 3600)
WITH claimed AS (
    INSERT INTO session_ids (id, started_at) VALUES (gen_random_uuid(), now() - random() * interval '365 days')
    ON CONFLICT (id) DO NOTHING RETURNING id, started_at)
INSERT INTO sessions (id, started_at, user_id, activity, duration_seconds, distance_meters, calories,
                      avg_heart_rate, max_heart_rate, notes)
SELECT id, started_at, 'u$SEED-' || lpad(:u::text, 5, '0'), 'running', :d, 5000.5, 300, 140, 170, 'bench'
FROM claimed RETURNING created_at;
SQL
pgbench_tps="$(pgbench "${PG[@]}" -n -M prepared -c "$CONNECTIONS" -j 2 -T "$SECONDS_PER_PHASE" -f "$work/insert.sql" 2>/dev/null \
  | sed -n 's/^tps = \([0-9.]*\).*/\1/p')"
psql "${PG[@]}" -X -q -v ON_ERROR_STOP=1 <<SQL
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench_copy_sessions, bench_copy_ids;
CREATE TABLE bench_copy_sessions (LIKE sessions INCLUDING ALL);
CREATE TABLE bench_copy_ids (LIKE session_ids INCLUDING ALL);
\copy (SELECT * FROM sessions WHERE user_id LIKE 'u$SEED-%' LIMIT $((USERS * PER_USER))) TO '$work/rows.csv' CSV
\copy (SELECT id, started_at FROM sessions WHERE user_id LIKE 'u$SEED-%' LIMIT $((USERS * PER_USER))) TO '$work/ids.csv' CSV
SQL
copy_started="$(date +%s%N)"
psql "${PG[@]}" -X -q -v ON_ERROR_STOP=1 -c "\\copy bench_copy_ids FROM '$work/ids.csv' CSV" -c "\\copy bench_copy_sessions FROM '$work/rows.csv' CSV"
copy_ns=$(($(date +%s%N) - copy_started))
rows="$(psql "${PG[@]}" -X -A -t -c "SELECT count(*) FROM bench_copy_sessions")"
psql "${PG[@]}" -X -q -c "DROP TABLE bench_copy_sessions, bench_copy_ids"
copy_rps="$(awk -v r="$rows" -v ns="$copy_ns" 'BEGIN { printf "%.0f", r / (ns / 1e9) }')"

if [[ -n "${PEER_RUN:-}" ]]; then
  peer_port="$(free_port)"
  echo "bench: starting the peer ($PEER_RUN $peer_port) ..."
  setsid bash "$PEER_RUN" "$peer_port" >"$work/peer.log" 2>&1 &
  peer_pid=$!
  PEER_URL="http://127.0.0.1:$peer_port"
  for _ in $(seq 240); do
    curl -fs -o /dev/null "$PEER_URL/api/sessions?limit=1" && break
    kill -0 "$peer_pid" 2>/dev/null || { tail -n 5 "$work/peer.log" >&2; exit 1; }
    sleep 0.5 # the peer signals readiness no other way
  done
fi
if [[ -n "${PEER_URL:-}" ]]; then
  load "$PEER_URL" peer
  echo "bench: warming the peer up ..."
  until_warm "bench:   warm-up" $((WARMUP_MAX / 10)) mixed_round "$PEER_URL"
  echo "bench: measuring the peer ($PEER_URL) ..."
  phase peer-list "$PEER_URL" get-page.lua
  phase peer-stats "$PEER_URL" get-stats.lua
  phase peer-post "$PEER_URL" post-session.lua
  phase peer-batch "$PEER_URL" post-batch.lua
fi

kill "$rss_sampler" 2>/dev/null; rss_sampler=""
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "") printf "%.2f", a / b; else printf "-" }'; }
echo
echo "wrk -t2 -c$CONNECTIONS, ${SECONDS_PER_PHASE} s per phase, each service warmed up first; $((USERS * PER_USER)) sessions preloaded; $(nproc) cores"
printf '%-22s %10s %9s %9s %7s %14s %10s\n' phase "req/s" "p50 ms" "p99 ms" non2xx "vs database" "vs peer"
for p in post batch list stats; do
  name="stride-$p"
  [[ -n "${result[$name]:-}" ]] || continue
  rps="$(field "$name" rps)"
  limit="-"
  case "$p" in
    post) limit="$(ratio "$rps" "$pgbench_tps")" ;;
    batch) limit="$(ratio "$(awk -v r="$rps" 'BEGIN { print r * 500 }')" "$copy_rps")" ;;
  esac
  peer="-"
  [[ -n "${result[peer-$p]:-}" ]] && peer="$(ratio "$rps" "$(field "peer-$p" rps)")"
  label="Stride $p"; [[ "$p" == batch ]] && label="Stride batch of 500"
  printf '%-22s %10s %9s %9s %7s %14s %10s\n' "$label" "$rps" "$(field "$name" p50_ms)" "$(field "$name" p99_ms)" \
    "$(( $(field "$name" non2xx) + $(field "$name" socket_errors) ))" "$limit" "$peer"
  if [[ -n "${result[peer-$p]:-}" ]]; then
    printf '%-22s %10s %9s %9s %7s\n' "  peer $p" "$(field "peer-$p" rps)" "$(field "peer-$p" p50_ms)" "$(field "peer-$p" p99_ms)" \
      "$(( $(field "peer-$p" non2xx) + $(field "peer-$p" socket_errors) ))"
  fi
done
echo
batch_rows="$(awk -v r="$(field stride-batch rps)" 'BEGIN { printf "%.0f", r * 500 }')"
echo "Stride batch ingest:    $batch_rows sessions/s = $(ratio "$batch_rows" "$copy_rps") of COPY"
echo "Stride POST:            $(field stride-post rps) /s = $(ratio "$(field stride-post rps)" "$pgbench_tps") of pgbench"
echo "database, pgbench:      $pgbench_tps single-row INSERT transactions/s (Stride's statement, -c$CONNECTIONS)"
echo "database, COPY:         $copy_rps rows/s ($rows rows into tables with Stride's indexes)"
echo "Payara RSS, largest:    $(( $(cat "$work/rss" 2>/dev/null || echo 0) / 1024 )) MiB"
