#!/usr/bin/env bash
# Benchmark of the statistics endpoints: Stride against the original design (the FastAPI peer in
# ../shared/peers/fastapi), both on the system PostgreSQL 15 (cluster "15 main", 127.0.0.1:5432).
#
#   bench/stats.sh            (as root, from anywhere; takes about 15 minutes)
#
# 1. creates the database stride_bench (role stride_bench) and starts Stride on it with
#    ./stride start; starts the peer with its run.sh (database stride_bench_peer);
# 2. loads 1,000,000 sessions for 10,000 users into both with bench/sessions.sql (generate_series:
#    two years of history, mornings and evenings, some sessions without distance, calories or
#    heart rate), then VACUUM ANALYZE;
# 3. for each service and each of GET /api/users/{u}/stats and .../stats/series?bucket=week, with
#    a random user per request (bench/stats.lua): after both services are warm (rounds of load until
#    they stop speeding up), a short warm-up, then wrk -t2 -c32 -d15s; prints
#    requests/s, p50, p99 and the non-2xx answers, and the ratios Stride/peer;
# 4. grows both tables to 5,000,000 sessions and measures again, printing the p99 ratio 5M/1M.
#    GROWTH=users (default) adds 40,000 users with the same history each (the table grows, a
#    user's history does not); GROWTH=history adds 400 sessions to each of the 10,000 users
#    (every request then reads 5 times as many rows).
# 5. stops both services and drops both databases (also when interrupted).
#
# Environment: DURATION [15s], WARMUP [5s], CONNECTIONS [32], THREADS [2], STRIDE_PORT [18081],
#   PEER_PORT [18001], GROWTH [users], PEER_DIR [<repo>/../shared/peers/fastapi, else /work/shared/...].
# The figures are those of whatever else runs on the machine at the time: wrk, both services and
# PostgreSQL share its cores. Nothing here asserts a time; it prints.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(dirname "$here")"
DURATION="${DURATION:-15s}" WARMUP="${WARMUP:-5s}" CONNECTIONS="${CONNECTIONS:-32}" THREADS="${THREADS:-2}"
STRIDE_PORT="${STRIDE_PORT:-18081}" PEER_PORT="${PEER_PORT:-18001}" GROWTH="${GROWTH:-users}"
PEER_DIR="${PEER_DIR:-$top/../shared/peers/fastapi}"
[[ -d "$PEER_DIR" ]] || PEER_DIR=/work/shared/peers/fastapi
STRIDE_DB=stride_bench PEER_DB=stride_bench_peer
work="$(mktemp -d /tmp/stride-bench.XXXXXX)"
peer_pid=""

die() { echo "bench: $*" >&2; exit 1; }
for tool in wrk psql pg_lsclusters runuser curl; do command -v "$tool" >/dev/null || die "$tool is missing"; done
[[ -x "$PEER_DIR/run.sh" || -f "$PEER_DIR/run.sh" ]] || die "no peer at $PEER_DIR"
[[ "$GROWTH" == users || "$GROWTH" == history ]] || die "GROWTH is users or history"

pg_lsclusters -h | awk '$1 == "15" && $2 == "main" && $4 == "online" {ok=1} END {exit !ok}' \
  || pg_ctlcluster 15 main start
as_postgres() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"; }
sql() { local db="$1"; shift; timeout 1800 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U postgres -d "$db" "$@"; }

stride_env=(DB_HOST=127.0.0.1 DB_PORT=5432 DB_NAME="$STRIDE_DB" DB_USER="$STRIDE_DB" DB_PASSWORD="$STRIDE_DB"
  HTTP_PORT="$STRIDE_PORT" STRIDE_STATE_DIR="$work/stride" STRIDE_NGINX=off)
cleanup() {
  set +e
  echo "bench: stopping and dropping what it started"
  env "${stride_env[@]}" "$top/stride" stop >/dev/null 2>&1
  if [[ -n "$peer_pid" ]]; then kill "$peer_pid" 2>/dev/null; wait "$peer_pid" 2>/dev/null; fi
  as_postgres -c "DROP DATABASE IF EXISTS $STRIDE_DB WITH (FORCE)" -c "DROP DATABASE IF EXISTS $PEER_DB WITH (FORCE)"
  as_postgres -c "DROP ROLE IF EXISTS $STRIDE_DB" -c "DROP ROLE IF EXISTS $PEER_DB"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_ready() { # url, seconds
  local until=$((SECONDS + $2))
  until curl -fs -o /dev/null "$1"; do
    ((SECONDS < until)) || die "$1 was not ready after $2 s"
    sleep 0.5 # polling: neither service signals readiness otherwise
  done
}

echo "bench: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
as_postgres <<SQL
SET client_min_messages = warning;
DROP DATABASE IF EXISTS $STRIDE_DB WITH (FORCE);
SELECT 'CREATE ROLE $STRIDE_DB LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$STRIDE_DB')\gexec
ALTER ROLE $STRIDE_DB PASSWORD '$STRIDE_DB';
CREATE DATABASE $STRIDE_DB OWNER $STRIDE_DB ENCODING 'UTF8' TEMPLATE template0;
SQL

echo "bench: starting the peer on 127.0.0.1:$PEER_PORT (log $work/peer.log)"
# shellcheck disable=SC2097,SC2098 # passes the shell variable PEER_DB on as the environment
PEER_DB="$PEER_DB" PEER_DB_PASSWORD="$PEER_DB" bash "$PEER_DIR/run.sh" "$PEER_PORT" >"$work/peer.log" 2>&1 &
peer_pid=$!
echo "bench: starting Stride on 127.0.0.1:$STRIDE_PORT (build, Payara Micro, which migrates the schema)"
timeout 600 env "${stride_env[@]}" "$top/stride" start | sed 's/^/  /'
wait_ready "http://127.0.0.1:$PEER_PORT/health/ready" 180
# Stride migrated the schema as stride_bench; the loads run as postgres.

load() { # first_user users per_user
  echo "bench: loading $(($2 * $3)) sessions for users $1 ... $(($1 + $2 - 1)) into both databases"
  local started=$SECONDS
  sql "$STRIDE_DB" -v first_user="$1" -v users="$2" -v per_user="$3" \
    -v finish='INSERT INTO session_ids (id, started_at) SELECT id, started_at FROM stored' -f "$here/sessions.sql" &
  local stride_load=$!
  sql "$PEER_DB" -v first_user="$1" -v users="$2" -v per_user="$3" \
    -v finish='SELECT count(*) FROM stored' -f "$here/sessions.sql" >/dev/null
  wait "$stride_load"
  sql "$STRIDE_DB" -c "VACUUM ANALYZE sessions" -c "VACUUM ANALYZE session_ids" &
  local stride_vacuum=$!
  sql "$PEER_DB" -c "VACUUM ANALYZE sessions"
  wait "$stride_vacuum" # by pid: a bare wait would wait for the peer, which runs until the end
  echo "bench: loaded in $((SECONDS - started)) s; rows: Stride $(sql "$STRIDE_DB" -tAc 'SELECT count(*) FROM sessions'), peer $(sql "$PEER_DB" -tAc 'SELECT count(*) FROM sessions')"
}

declare -A result
measure() { # phase users
  local name port suffix label
  for name in stride peer; do
    [[ $name == stride ]] && port=$STRIDE_PORT || port=$PEER_PORT
    for suffix in "" "/series?bucket=week"; do
      label="$name stats$suffix"
      USERS="$2" SUFFIX="$suffix" timeout 60 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 5s \
        -s "$here/stats.lua" "http://127.0.0.1:$port" >/dev/null
      local line
      line="$(USERS="$2" SUFFIX="$suffix" timeout 120 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s \
        -s "$here/stats.lua" "http://127.0.0.1:$port" | grep '^RESULT')"
      read -r _ rps p50 p99 non2xx socket total <<<"$line"
      result["$1 $label"]="$rps $p50 $p99 $non2xx $socket $total"
      printf '  %-5s %-34s %8s req/s  p50 %7s ms  p99 %7s ms  non-2xx %s  socket errors %s  (%s requests)\n' \
        "$1" "$label" "$rps" "$p50" "$p99" "$non2xx" "$socket" "$total"
    done
  done
  for suffix in "" "/series?bucket=week"; do
    read -r s_rps _ s_p99 _ <<<"${result["$1 stride stats$suffix"]}"
    read -r p_rps _ p_p99 _ <<<"${result["$1 peer stats$suffix"]}"
    printf '  %-5s %-34s requests/s Stride/peer %s   p99 Stride/peer %s\n' "$1" "stats$suffix" \
      "$(awk -v a="$s_rps" -v b="$p_rps" 'BEGIN {printf "%.2f", a / b}')" \
      "$(awk -v a="$s_p99" -v b="$p_p99" 'BEGIN {printf "%.2f", a / b}')"
  done
}

# Both services are warmed up alike before the first measurement: 10 s rounds of both endpoints at
# once until two rounds in a row are no more than 3% faster than the best before them (at most 15
# rounds). Payara's JIT needs 90 s or more of load to compile the hot paths.
# shellcheck source=bench/warm-up.sh
source "$here/warm-up.sh"
stats_round() { # port users: both endpoints at once for 10 s; prints their requests/s
  local suffix pids=()
  for suffix in "" "/series?bucket=week"; do
    USERS="$2" SUFFIX="$suffix" timeout 60 wrk -t1 -c16 -d10s --timeout 5s -s "$here/stats.lua" \
      "http://127.0.0.1:$1" 2>/dev/null | grep '^RESULT' >"$work/warm-${#suffix}" &
    pids+=($!)
  done
  wait "${pids[@]}" || true
  awk '{ t += $2 } END { printf "%.0f", t }' "$work"/warm-*
}

load 1 10000 100
until_warm "  warm-up stride" 15 stats_round "$STRIDE_PORT" 10000
until_warm "  warm-up peer" 15 stats_round "$PEER_PORT" 10000
echo "bench: 1M sessions, wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a $WARMUP warm-up) per line"
measure 1M 10000
if [[ "$GROWTH" == users ]]; then
  load 10001 40000 100
  users=50000
else
  load 1 10000 400
  users=10000
fi
echo "bench: 5M sessions (growth: $GROWTH), random users among $users"
measure 5M "$users"
echo "bench: p99 5M/1M"
for name in stride peer; do
  for suffix in "" "/series?bucket=week"; do
    read -r _ _ a _ <<<"${result["1M $name stats$suffix"]}"
    read -r _ _ b _ <<<"${result["5M $name stats$suffix"]}"
    printf '  %-40s %s\n' "$name stats$suffix" "$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", b / a}')"
  done
done
