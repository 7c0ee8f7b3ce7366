#!/usr/bin/env bash
# Stride against the original design (the FastAPI peer, ../shared/peers/fastapi), side by side, on
# the same PostgreSQL server, the same data, the same warm-up and interleaved rounds; and Stride's
# writes against the limit of that database server (pgbench, COPY).
#
#   bench/run.sh            (as root, from anywhere; about 10 minutes with the defaults)
#
# What it does:
#  1. Starts Stride backend 1 with `stride start` (build, a fresh database, schema, Payara Micro;
#     own state folder, STRIDE_NGINX=off) on the system PostgreSQL 15 (cluster "15 main",
#     127.0.0.1:5432, trust auth as postgres): the peer's run.sh administers that server with
#     runuser, so both services share it rather than the embedded PostgreSQL of ./stride. At the same time it starts
#     the peer with PEER_RUN PORT (its run.sh creates its own fresh database and role on the same
#     cluster) and polls GET /api/sessions?limit=1 until it answers 200. Then it starts Stride
#     backend 2 (payara/launch.sh, same database, own port and Payara root folder) on the idle
#     machine and measures its start-to-ready time (launch to /health/ready 200).
#  2. Loads the same data into both: BENCH_USERS x BENCH_SESSIONS_PER_USER sessions through
#     POST /api/sessions/batch with the tester, seed 42 (users u42-00000 ..., the same ids and
#     content in both; the script checks counts and a checksum of every row), then VACUUM ANALYZE.
#     It exports BENCH_IDS random ids of the loaded sessions for "GET one session".
#  3. Puts the project's Nginx configuration (nginx/render.sh, own run folders and ports) in front
#     of both: one Nginx over Stride backends 1 and 2, one over the peer.
#  4. Warms each up by the same rule (bench/warm-up.sh, until_warm): 10 s rounds of bench/warm.lua
#     (POST, GET one, list page, stats, series, stats of a user being written, at random), the
#     connections shared between its Nginx and each of its processes directly (Stride backends 1
#     and 2, the peer), for at least BENCH_WARMUP_MIN_SECONDS and then until two rounds in a row
#     gain less than 3% over the best before them, at most BENCH_WARMUP_MAX_SECONDS. A JVM reaches
#     its speed only once its JIT has compiled the hot paths (Payara Micro spends about 190 s of
#     compiler CPU on them); a service is measured warm, as it runs in production.
#  5. BENCH_ROUNDS rounds; in each, every phase runs for both services, back to back:
#       GET one session        bench/get-session.lua  (random loaded id)
#       GET a list page of 50  bench/get-page.lua     (/api/sessions?limit=50&userId=<loaded user>)
#       GET stats              bench/get-stats.lua    (/api/users/<loaded user>/stats)
#       GET series             bench/get-series.lua   (.../stats/series?bucket=week)
#       POST one session       bench/post-session.lua
#       POST a batch of 500    bench/post-batch.lua
#       MIXED through Nginx    bench/mixed.lua
#     each wrk -t2 -cBENCH_CONNECTIONS -dBENCH_SECONDS --timeout 10s, directly to Stride backend 1
#     and to the peer (no Nginx), except MIXED: wrk -tN -cN (N = BENCH_CONNECTIONS, one connection
#     per thread) through each one's Nginx, Stride with its two backends. In MIXED each connection
#     POSTs a session for a user of its own, then GETs that user's /stats and checks that
#     sessionCount equals its POSTs answered 201 so far; fewer is a read-your-writes violation
#     (must be 0). Reads run first in a round, on the loaded data.
#  6. On the same server, after the rounds: pgbench running Stride's INSERT of one session at the
#     same concurrency, one transaction per session (read from SessionRecorder.INSERT in Stride's
#     source while that is a single-row text block, else the script's copy: see "the database
#     server alone" below); and COPY of the loaded rows into tables with Stride's indexes.
#  7. Prints, per phase and service, the medians over the rounds of requests/s (and sessions/s of
#     the batches), p50 and p99 (each the median of the rounds' values), non-2xx answers plus
#     socket errors summed over the rounds, the ratio Stride/peer of the medians, and every
#     round's requests/s (the machine drifts, up to 1.7x within an hour); Stride's POST as a ratio
#     of pgbench and its batch sessions/s as a ratio of COPY; the largest RSS of both Payara
#     processes (and of the peer's processes together) sampled every second; start-to-ready times.
#  8. Stops everything it started and drops both databases and the peer's role, also on Ctrl-C or
#     failure; nothing stays in /tmp.
#
# Fairness rules:
#  - one PostgreSQL server, one configuration, a fresh database each, the same rows in both;
#  - each service as it ships, with its own defaults: Stride's payara/defaults.sh (HTTP threads,
#    pooled connections per backend), the peer's run.sh (2 uvicorn workers, pools of up to 16);
#  - the same warm-up rule, the same wrk scripts, the same connections and durations;
#  - rounds interleaved: in every phase both services run back to back, and which one goes first
#    alternates from phase to phase (7 phases a round, so the next round starts with the other
#    service), so slow drift of the machine hits both alike;
#  - writes never touch the users the reads use: POST and batch write for users w42-* (as many as
#    BENCH_USERS), MIXED for fresh users per run, round and service, so every read phase sees
#    exactly the loaded BENCH_SESSIONS_PER_USER sessions per user, whatever a service's write
#    throughput (the tables do grow by what each service wrote, more for the faster writer);
#  - single-backend phases compare one Stride JVM with the peer (two worker processes); MIXED
#    compares the deployments: Nginx over two Stride backends, the same Nginx over the peer.
# The figures are those of whatever else runs on the machine at the time: wrk, both services and
# PostgreSQL share its cores. Nothing here asserts a speed; it prints.
#
# Environment [default]:
#   BENCH_ROUNDS [3]  BENCH_SECONDS [6] (per phase and service, per round)  BENCH_CONNECTIONS [32]
#   BENCH_USERS [1000]  BENCH_SESSIONS_PER_USER [200]  BENCH_IDS [20000] (ids for GET one)
#   BENCH_WARMUP_MIN_SECONDS [90], BENCH_WARMUP_MAX_SECONDS [150] (per service: at least the minimum,
#                                then until it stops gaining; two Payara JVMs on 2 cores need minutes)
#   PEER_DIR [<repo>/../shared/peers/fastapi, else /work/shared/peers/fastapi]
#   PEER_RUN [$PEER_DIR/run.sh]  the peer's start script, called as: PEER_RUN PORT (with PEER_DB,
#                                PEER_DB_PASSWORD); it must create a fresh database named PEER_DB
# Needs: wrk, pgbench, psql, nginx, openssl, java (a JDK 17), mvn, curl, PostgreSQL 15
# (apt-get install wrk postgresql-15 postgresql-client nginx openssl openjdk-17-jdk-headless maven curl).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(dirname "$here")"
ROUNDS="${BENCH_ROUNDS:-3}"
PHASE_SECONDS="${BENCH_SECONDS:-6}"
WARMUP_MAX="${BENCH_WARMUP_MAX_SECONDS:-150}"
export WARMUP_MIN_ROUNDS="$(( ${BENCH_WARMUP_MIN_SECONDS:-90} / 10 ))"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
USERS="${BENCH_USERS:-1000}"
PER_USER="${BENCH_SESSIONS_PER_USER:-200}"
ID_COUNT="${BENCH_IDS:-20000}"
SEED=42
PEER_DIR="${PEER_DIR:-$top/../shared/peers/fastapi}"
[[ -d "$PEER_DIR" ]] || PEER_DIR=/work/shared/peers/fastapi
PEER_RUN="${PEER_RUN:-$PEER_DIR/run.sh}"

die() { echo "bench: $*" >&2; exit 1; }
[[ -z "${PEER_URL:-}" ]] || die "PEER_URL is no longer supported: the benchmark starts a fresh peer itself (PEER_DIR, PEER_RUN)"
for setting in ROUNDS PHASE_SECONDS WARMUP_MAX CONNECTIONS USERS PER_USER ID_COUNT; do
  [[ "${!setting}" =~ ^[1-9][0-9]*$ ]] || die "$setting must be a positive integer, not '${!setting}'"
done
((USERS <= 100000)) || die "BENCH_USERS: at most 100000 (user ids have 5 digits)"
need() { command -v "$1" >/dev/null || die "$1 is missing (apt-get install $2)"; }
need wrk wrk
need pgbench postgresql-15
need psql postgresql-client
need pg_lsclusters postgresql-common
need nginx nginx
need openssl openssl
need java openjdk-17-jdk-headless
need mvn maven
need curl curl
[[ -f "$PEER_RUN" ]] || die "no peer at $PEER_RUN (set PEER_DIR or PEER_RUN)"
[[ $EUID -eq 0 ]] || die "run it as root (the peer's run.sh administers the system PostgreSQL with runuser)"

# Settings of the caller's shell must not change the Nginx configuration or the databases.
unset STRIDE_BACKENDS DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD HTTP_PORT PAYARA_ROOT_DIR "${!NGINX_@}"
# One admin token for the whole run: the backends store it (STRIDE_ADMIN_TOKEN), every request
# of wrk, curl and the tester carries it (admin tokens are not rate-limited); the peer ignores it.
STRIDE_ADMIN_TOKEN="stride_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
export STRIDE_ADMIN_TOKEN BENCH_TOKEN="$STRIDE_ADMIN_TOKEN"
# The wrk scripts find bench/common.lua through LuaJIT's search path.
export LUA_PATH="$here/?.lua;;"
export BENCH_USERS="$USERS" BENCH_USER_PREFIX="u$SEED-" BENCH_WRITER_PREFIX="w$SEED-"

if ! pg_lsclusters -h | awk '$1 == "15" && $2 == "main" && $4 == "online" {ok = 1} END {exit !ok}'; then
  pg_ctlcluster 15 main start || die "could not start the PostgreSQL cluster 15 main"
fi
PG_PORT="$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $3}')"
[[ -n "$PG_PORT" ]] || die "no PostgreSQL cluster 15 main (apt-get install postgresql-15)"
pg() { local db="$1"; shift; psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" "$@"; }
pg postgres -tAc 'SELECT 1' >/dev/null || die "cannot connect to PostgreSQL at 127.0.0.1:$PG_PORT as postgres"

work="$(mktemp -d /tmp/stride-bench.XXXXXX)"
chmod 755 "$work" # Nginx's workers (nobody) read their run folders in here
runtag="$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
stride_db="stride_bench_$$_$runtag"
peer_db="stride_bench_peer_$$_$runtag"
stride_env=(DB_HOST=127.0.0.1 DB_PORT="$PG_PORT" DB_USER=postgres DB_PASSWORD= DB_NAME="$stride_db")
# free_port, and the database bring-up that stride start runs (payara/database.sh).
# shellcheck source=payara/database.sh
source "$top/payara/database.sh"
free_port P1; free_port P2; free_port PEER_PORT
free_port NGX_S; free_port NGX_S_TLS; free_port NGX_P; free_port NGX_P_TLS
free_port NGX_S_STATUS; free_port NGX_P_STATUS # stub_status: each Nginx its own
S1="http://127.0.0.1:$P1" S2="http://127.0.0.1:$P2" PEER="http://127.0.0.1:$PEER_PORT"
declare -A direct_url=([stride]="$S1" [peer]="$PEER")
declare -A nginx_url=([stride]="http://127.0.0.1:$NGX_S" [peer]="http://127.0.0.1:$NGX_P")

# ---------- cleanup: everything this run started, by pid; both databases; the work folder
stride_started="" b2_pid="" peer_pid="" rss_pid="" db_created=""
alive() { # PID...: whether one of them still runs (a zombie does not)
  local pid stat
  for pid in "$@"; do
    stat="$(ps -o stat= -p "$pid" 2>/dev/null || true)"
    [[ -n "$stat" && "$stat" != Z* ]] && return 0
  done
  return 1
}
# The JVM of PID: PID itself, or its java child (stride start may run Payara under a supervising shell).
jvm_of() {
  if [[ "$(ps -o comm= -p "$1" 2>/dev/null)" == java ]]; then echo "$1"; return; fi
  ps -o pid=,comm= --ppid "$1" 2>/dev/null | awk '$2 == "java" { print $1; exit }'
}
cleanup() {
  local rc=$? pids=() pid deadline
  trap '' INT TERM
  set +e
  echo "bench: stopping what it started, dropping its databases ..."
  [[ -n "$rss_pid" ]] && kill "$rss_pid" 2>/dev/null && wait "$rss_pid" 2>/dev/null
  if [[ -f "$work/bg.pids" ]]; then
    while read -r pid; do alive "$pid" && kill "$pid" 2>/dev/null && pids+=("$pid"); done <"$work/bg.pids"
  fi
  for run in "$work"/nginx-*/; do
    [[ -f "$run/logs/nginx.pid" ]] || continue
    pid="$(cat "$run/logs/nginx.pid")"
    kill "$pid" 2>/dev/null && pids+=("$pid")
  done
  if [[ -n "$b2_pid" ]]; then kill "$b2_pid" 2>/dev/null; pids+=("$b2_pid"); fi
  if [[ -n "$stride_started" ]]; then
    if [[ -f "$work/b1.pid" ]]; then
      pid="$(cat "$work/b1.pid")"
      pids+=("$pid")
      pid="$(jvm_of "$pid")"
      [[ -n "$pid" ]] && pids+=("$pid")
    fi
    env "${stride_env[@]}" HTTP_PORT="$P1" STRIDE_STATE_DIR="$work/state" STRIDE_NGINX=off "$top/stride" stop >/dev/null 2>&1
  fi
  if [[ -n "$peer_pid" ]]; then
    kill -- -"$peer_pid" 2>/dev/null
    mapfile -t -O "${#pids[@]}" pids < <(ps -o pid= -s "$peer_pid" 2>/dev/null | tr -d " ")
    pids+=("$peer_pid")
  fi
  deadline=$((SECONDS + 30))
  while ((${#pids[@]})) && alive "${pids[@]}" && ((SECONDS < deadline)); do sleep 0.2; done
  for pid in "${pids[@]}"; do alive "$pid" && kill -KILL "$pid" 2>/dev/null; done
  [[ -n "$b2_pid" ]] && wait "$b2_pid" 2>/dev/null
  [[ -n "$peer_pid" ]] && wait "$peer_pid" 2>/dev/null
  if [[ -n "$db_created" ]]; then
    pg postgres -c "DROP DATABASE IF EXISTS $stride_db WITH (FORCE)" -c "DROP DATABASE IF EXISTS $peer_db WITH (FORCE)" \
      -c "DROP ROLE IF EXISTS $peer_db" 2>&1 | grep -v '^NOTICE' >&2
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_http() { # URL SECONDS PID LOG: polls until URL answers 200 (neither service signals readiness otherwise)
  local deadline=$((SECONDS + $2))
  until curl -fs -o /dev/null --max-time 5 -H "Authorization: Bearer $BENCH_TOKEN" "$1"; do
    alive "$3" || { tail -n 20 "$4" >&2; die "the process behind $1 stopped (log above)"; }
    ((SECONDS < deadline)) || { tail -n 20 "$4" >&2; die "$1 did not answer 200 within $2 s (log above)"; }
    sleep 0.2
  done
}
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
seconds_of() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }

echo "bench: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); work folder $work"
echo "bench: $ROUNDS rounds x 7 phases, ${PHASE_SECONDS} s per phase and service, $CONNECTIONS connections;" \
  "$((USERS * PER_USER)) sessions of $USERS users; warm-up at most ${WARMUP_MAX} s each"

# ---------- the tester (built only when its sources changed) and the databases
tester_jar="$top/tester/target/stride-tester.jar"
if [[ ! -f "$tester_jar" || -n "$(find "$top/tester/src" "$top/tester/pom.xml" -newer "$tester_jar" -print -quit)" ]]; then
  echo "bench: building the tester ..."
  (cd "$top/tester" && mvn -q -B package -DskipTests -Dspotless.check.skip=true) >"$work/tester-build.log" 2>&1 \
    || { tail -n 20 "$work/tester-build.log" >&2; die "the tester did not build (log above)"; }
fi
cp "$tester_jar" "$work/stride-tester.jar" # others may rebuild it while this runs

db_created=1 # stride start creates it (payara/database.sh)

# ---------- start: the peer and Stride backend 1 at once, then backend 2 alone
echo "bench: starting the peer ($PEER_RUN $PEER_PORT, database $peer_db) ..."
PEER_DB="$peer_db" PEER_DB_PASSWORD="$peer_db" setsid bash "$PEER_RUN" "$PEER_PORT" >"$work/peer.log" 2>&1 &
peer_pid=$!
echo "$peer_pid" >"$work/peer.pid"

echo "bench: starting Stride backend 1 (stride start: build, schema, Payara Micro on $P1, database $stride_db) ..."
stride_started=1
env "${stride_env[@]}" HTTP_PORT="$P1" STRIDE_STATE_DIR="$work/state" STRIDE_NGINX=off timeout 900 "$top/stride" start \
  >"$work/stride-start.log" 2>&1 || { tail -n 20 "$work/stride-start.log" >&2; die "stride start failed (log above)"; }
cp "$work/state/payara.pid" "$work/b1.pid"
b1_ready="$(sed -n 's/^stride: ready after \([0-9]*\) s$/\1/p' "$work/stride-start.log")"
# Backend 2 runs exactly what backend 1 deployed, even if somebody rebuilds target/ meanwhile.
mkdir -p "$work/runtime"
cp "$top/target/stride.war" "$top/target/runtime/payara-micro.jar" "$top/target/runtime/postgresql.jar" "$work/runtime/"

wait_http "$PEER/api/sessions?limit=1" 180 "$peer_pid" "$work/peer.log"
echo "bench: the peer answers on $PEER"

# The largest RSS of each Payara process (and of all the peer's processes together), every second.
sample_rss() {
  set +e
  local -A max=()
  local name pid rss
  while [[ -d "$work" ]]; do
    for name in b1 b2 peer; do
      pid="$(cat "$work/$name.pid" 2>/dev/null)" || continue
      if [[ "$name" == peer ]]; then
        rss="$(ps -o rss= -s "$pid" 2>/dev/null | awk '{ t += $1 } END { print t + 0 }')"
      else
        rss="$(ps -o rss= -p "$(jvm_of "$pid")" 2>/dev/null | tr -d ' ')"
      fi
      if [[ -n "$rss" ]] && ((rss > ${max[$name]:-0})); then
        max[$name]=$rss
        echo "$rss" >"$work/rss-$name" 2>/dev/null
      fi
    done
    sleep 1
  done
}
sample_rss &
rss_pid=$!

echo "bench: starting Stride backend 2 (payara/launch.sh on $P2) on the idle machine ..."
b2_started="$(date +%s%N)"
env "${stride_env[@]}" HTTP_PORT="$P2" PAYARA_ROOT_DIR="$work/payara2" STRIDE_WAR="$work/runtime/stride.war" \
  PAYARA_JAR="$work/runtime/payara-micro.jar" JDBC_DRIVER_JAR="$work/runtime/postgresql.jar" \
  "$top/payara/launch.sh" >"$work/payara2.log" 2>&1 &
b2_pid=$!
echo "$b2_pid" >"$work/b2.pid"
wait_http "$S2/health/ready" 180 "$b2_pid" "$work/payara2.log"
b2_ready="$(seconds_of "$(ms_since "$b2_started")")"
echo "bench: Stride backend 2 ready after $b2_ready s (backend 1, stride start's Payara part: ${b1_ready:-?} s)"

# ---------- the same data in both
load() { # URL NAME: the tester's data set through the batch endpoint
  local started
  started="$(date +%s%N)"
  STRIDE_TOKEN="$BENCH_TOKEN" timeout 600 java -jar "$work/stride-tester.jar" simulate --base-url "$1/api" --no-user-tokens --users "$USERS" \
    --sessions-per-user "$PER_USER" --seed "$SEED" --batch-size 500 --concurrency 4 --no-verify \
    --out "$work/load-$2" >"$work/load-$2.log" 2>&1 || return 1
  seconds_of "$(ms_since "$started")" >"$work/load-$2.seconds"
}
echo "bench: loading $((USERS * PER_USER)) sessions into both at once (tester, seed $SEED, batches of 500) ..."
load "$S1" stride &
load_stride=$!
load "$PEER" peer &
load_peer=$!
wait "$load_stride" || { tail -n 5 "$work/load-stride.log" >&2; die "loading Stride failed (log above)"; }
wait "$load_peer" || { tail -n 5 "$work/load-peer.log" >&2; die "loading the peer failed (log above)"; }
expected=$((USERS * PER_USER))
checksum="SELECT count(*) || ' ' || md5(string_agg(format('%s|%s|%s|%s|%s|%s|%s|%s|%s|%s', id, user_id, activity,
  extract(epoch FROM started_at), duration_seconds, distance_meters, calories, avg_heart_rate, max_heart_rate, notes),
  E'\n' ORDER BY id)) FROM sessions"
stride_sum="$(pg "$stride_db" -tAc "$checksum")"
peer_sum="$(pg "$peer_db" -tAc "$checksum")"
[[ "${stride_sum%% *}" == "$expected" ]] || die "Stride holds ${stride_sum%% *} sessions, not $expected"
[[ "${peer_sum%% *}" == "$expected" ]] || die "the peer holds ${peer_sum%% *} sessions, not $expected"
[[ "$stride_sum" == "$peer_sum" ]] || die "the two databases hold different sessions (checksums ${stride_sum#* } and ${peer_sum#* })"
echo "bench: loaded in $(cat "$work/load-stride.seconds") s (Stride) and $(cat "$work/load-peer.seconds") s (peer), at once;" \
  "both hold the same $expected sessions (md5 ${stride_sum#* })"
pg "$stride_db" -c "VACUUM ANALYZE" &
vacuum_stride=$!
pg "$peer_db" -c "VACUUM ANALYZE"
wait "$vacuum_stride"
pg "$stride_db" -c "\\copy (SELECT id FROM sessions WHERE user_id LIKE 'u$SEED-%' ORDER BY random() LIMIT $ID_COUNT) TO '$work/ids.txt'"
export BENCH_IDS_FILE="$work/ids.txt"
id_count="$(wc -l <"$work/ids.txt")"
found="$(pg "$peer_db" -tA <<SQL
CREATE TEMP TABLE bench_ids (id uuid);
\\copy bench_ids FROM '$work/ids.txt'
SELECT count(*) FROM bench_ids JOIN sessions USING (id);
SQL
)"
[[ "$found" == "$id_count" ]] || die "the peer holds $found of the $id_count exported ids"

# ---------- Nginx: the project's configuration, once over Stride's two backends, once over the peer
mkdir -p "$work/web" # the page is not served here; the API locations proxy without it
start_nginx() { # NAME HTTP_PORT HTTPS_PORT BACKENDS STATUS_PORT
  local run="$work/nginx-$1"
  STRIDE_BACKENDS="$4" NGINX_PORT="$2" NGINX_HTTPS_PORT="$3" NGINX_STATUS_PORT="$5" NGINX_LISTEN_ADDRESS=127.0.0.1 \
    NGINX_WEB_ROOT="$work/web" NGINX_ACCESS_LOG=logs/access.log "$top/nginx/render.sh" "$run" >"$work/nginx-$1.log" 2>&1 \
    || { cat "$work/nginx-$1.log" >&2; die "nginx/render.sh failed for $1"; }
  local nginx=(nginx -p "$run" -c "$run/conf/nginx.conf" -e logs/error.log)
  "${nginx[@]}" -q -t >>"$work/nginx-$1.log" 2>&1 || { cat "$work/nginx-$1.log" >&2; die "nginx -t refused the configuration for $1"; }
  "${nginx[@]}" >>"$work/nginx-$1.log" 2>&1 || { cat "$work/nginx-$1.log" >&2; die "Nginx did not start for $1"; }
  local deadline=$((SECONDS + 15))
  until curl -fs -o /dev/null --max-time 5 -H "Authorization: Bearer $BENCH_TOKEN" "http://127.0.0.1:$2/api/sessions?limit=1"; do
    ((SECONDS < deadline)) || { tail -n 5 "$run/logs/error.log" >&2; die "Nginx for $1 does not pass /api/ on to the backends"; }
    sleep 0.2
  done
}
start_nginx stride "$NGX_S" "$NGX_S_TLS" "127.0.0.1:$P1 127.0.0.1:$P2" "$NGX_S_STATUS"
start_nginx peer "$NGX_P" "$NGX_P_TLS" "127.0.0.1:$PEER_PORT" "$NGX_P_STATUS"
echo "bench: Nginx over Stride backends 1 and 2: ${nginx_url[stride]}; over the peer: ${nginx_url[peer]}"

# ---------- warm-up, the same rule for both
# shellcheck source=bench/warm-up.sh
source "$here/warm-up.sh"
warm_round() { # NGINX_URL DIRECT_URL...: 10 s of warm.lua through Nginx and directly to each service
  # process at once (Stride: both backends, so that the one MIXED alone uses is warm too; the
  # peer: its one address); the connections are shared out; prints the total req/s
  local i=0 url pids=() share
  share=$(((CONNECTIONS + $# - 1) / $#))
  for url in "$@"; do
    i=$((i + 1))
    timeout 60 wrk -t1 -c"$share" -d10s --timeout 10s -s "$here/warm.lua" "$url/" >"$work/warm-$i" 2>&1 &
    pids+=($!)
    echo "$!" >>"$work/bg.pids"
  done
  wait "${pids[@]}" || true
  sed -n 's/^RESULT.* rps=\([0-9.]*\).*/\1/p' "$work"/warm-[0-9]* | awk '{ t += $1 } END { printf "%.0f", t }'
  rm -f "$work"/warm-[0-9]*
}
warm_rounds=$((WARMUP_MAX / 10))
((warm_rounds >= 1)) || warm_rounds=1
echo "bench: warming Stride up (through Nginx, both backends, and backend 1 directly) ..."
until_warm "bench:   Stride warm-up" "$warm_rounds" warm_round "${nginx_url[stride]}" "$S1" "$S2"
echo "bench: warming the peer up (through its Nginx and directly) ..."
until_warm "bench:   peer warm-up" "$warm_rounds" warm_round "${nginx_url[peer]}" "$PEER"

# ---------- the rounds
phases=(get-session get-page get-stats get-series post-session post-batch mixed)
declare -A label=([get-session]="GET one session" [get-page]="GET list page of 50" [get-stats]="GET stats"
  [get-series]="GET series (week)" [post-session]="POST one session" [post-batch]="POST batch of 500"
  [mixed]="MIXED via Nginx")
declare -A res
field() { sed -n "s/^RESULT.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
run_phase() { # PHASE SERVICE ROUND
  local phase="$1" svc="$2" round="$3" url threads=2 envs=() out line
  url="${direct_url[$svc]}"
  if [[ "$phase" == mixed ]]; then
    url="${nginx_url[$svc]}" threads="$CONNECTIONS"
    envs=(BENCH_MIXED_TAG="m$runtag-r$round${svc:0:1}")
  fi
  out="$work/wrk-$phase-$svc-$round"
  env "${envs[@]}" timeout $((PHASE_SECONDS + 60)) wrk -t"$threads" -c"$CONNECTIONS" -d"${PHASE_SECONDS}s" --timeout 10s \
    -s "$here/$phase.lua" "$url/" >"$out" 2>&1 || true
  line="$(grep '^RESULT' "$out" | tail -n 1)" || { tail -n 5 "$out" >&2; die "wrk gave no result for $phase on $svc in round $round (above)"; }
  res["$phase/$svc/$round"]="$line"
}
turn=0
for ((round = 1; round <= ROUNDS; round++)); do
  echo "bench: round $round of $ROUNDS"
  for phase in "${phases[@]}"; do
    if ((turn % 2 == 0)); then order=(stride peer); else order=(peer stride); fi
    turn=$((turn + 1))
    for svc in "${order[@]}"; do run_phase "$phase" "$svc" "$round"; done
    printf 'bench:   %-20s Stride %9s req/s   peer %9s req/s   (%s first)\n' "${label[$phase]}" \
      "$(field "${res[$phase/stride/$round]}" rps)" "$(field "${res[$phase/peer/$round]}" rps)" "${order[0]}"
  done
done

# ---------- the database server alone: Stride's write of one session with pgbench, COPY
# pgbench runs Stride's write of one session, one transaction per session: the database's own
# per-transaction limit (with group commit Stride writes one multi-row statement per group of
# concurrent POSTs, so its POST may exceed this figure). The statement is GroupCommit.INSERT, read
# from the compiled class (bench/StrideSql.java), for a group of one: its ten array parameters
# (id, startedAt, userId, activity, durationSeconds, distanceMeters, calories, avgHeartRate,
# maxHeartRate, notes) each bound to a one-element array.
stride_insert() {
  (cd "$top" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt") >"$work/classpath.log" 2>&1 \
    || { tail -n 5 "$work/classpath.log" >&2; die "mvn dependency:build-classpath failed (log above)"; }
  java -cp "$top/target/classes:$(cat "$work/classpath.txt")" "$here/StrideSql.java" dev.stride.sessions.control.GroupCommit INSERT \
    || die "cannot read Stride's INSERT from target/classes (above)"
}
pgbench_script() { # SQL: a pgbench script running it with its ten "?" bound to generated values
  local sql="$1" value
  local values=("gen_random_uuid()" "(now() - (:age)::integer * interval '1 second')"
    "('w$SEED-' || lpad((:u)::text, 5, '0'))" "'running'" "(:d)::integer" "5000.5::double precision"
    "300::integer" "140::smallint" "170::smallint" "'bench'::text")
  for value in "${values[@]}"; do sql="${sql/\?/ARRAY[$value]}"; done
  printf '\\set u random(0, %d)\n\\set d random(600, 3600)\n\\set age random(3600, 31536000)\n%s;\n' $((USERS - 1)) "$sql"
}
pgb=(pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared)
insert_from="GroupCommit.INSERT for one session"
pgbench_script "$(stride_insert)" >"$work/insert.sql"
"${pgb[@]}" -c 1 -t 1 -f "$work/insert.sql" "$stride_db" >"$work/pgbench-check.log" 2>&1 \
  || { tail -n 3 "$work/pgbench-check.log" >&2; die "pgbench cannot run $insert_from (above)"; }
echo "bench: the database alone: pgbench with $insert_from, -c$CONNECTIONS, ${PHASE_SECONDS} s ..."
pgbench_tps=""
if timeout $((PHASE_SECONDS + 60)) "${pgb[@]}" -c "$CONNECTIONS" -j 2 -T "$PHASE_SECONDS" -f "$work/insert.sql" "$stride_db" \
  >"$work/pgbench.log" 2>&1; then
  pgbench_tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$work/pgbench.log" | tail -n 1)"
else
  tail -n 3 "$work/pgbench.log" >&2
  echo "bench: WARNING: pgbench failed (above)" >&2
fi
pgbench_failed="$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$work/pgbench.log")"
echo "bench: the database alone: COPY of the loaded rows into tables with Stride's indexes ..."
pg "$stride_db" <<SQL
SET client_min_messages = warning;
CREATE TABLE bench_copy_sessions (LIKE sessions INCLUDING ALL);
CREATE TABLE bench_copy_ids (LIKE session_ids INCLUDING ALL);
\\copy (SELECT * FROM sessions WHERE user_id LIKE 'u$SEED-%') TO '$work/rows.csv' CSV
\\copy (SELECT i.* FROM session_ids i JOIN sessions s USING (id) WHERE s.user_id LIKE 'u$SEED-%') TO '$work/ids.csv' CSV
SQL
copy_started="$(date +%s%N)"
pg "$stride_db" -c "\\copy bench_copy_ids FROM '$work/ids.csv' CSV" -c "\\copy bench_copy_sessions FROM '$work/rows.csv' CSV"
copy_ms="$(ms_since "$copy_started")"
copy_rows="$(pg "$stride_db" -tAc "SELECT count(*) FROM bench_copy_sessions")"
pg "$stride_db" -c "DROP TABLE bench_copy_sessions, bench_copy_ids"
copy_rps="$(awk -v r="$copy_rows" -v ms="$copy_ms" 'BEGIN { printf "%.0f", r / (ms > 0 ? ms / 1000 : 1) }')"

kill "$rss_pid" 2>/dev/null
wait "$rss_pid" 2>/dev/null || true # killed: its status is 143
rss_pid=""

# ---------- the report
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
over_rounds() { # PHASE SERVICE FIELD: the field of every round, one a line
  local r
  for ((r = 1; r <= ROUNDS; r++)); do field "${res[$1/$2/$r]}" "$3"; done
}
batch_sessions() { # SERVICE: sessions stored per second in every round (answers below 400 x 500)
  local r line
  for ((r = 1; r <= ROUNDS; r++)); do
    line="${res[post-batch/$1/$r]}"
    awk -v n="$(field "$line" requests)" -v e="$(field "$line" non2xx)" -v s="$(field "$line" seconds)" \
      'BEGIN { printf "%.0f\n", (n - e) * 500 / s }'
  done
}
sum() { awk '{ t += $1 } END { print t + 0 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b != "" && b > 0) printf "%.2f", a / b; else printf "-" }'; }
fmt() { awk -v v="$1" -v f="$2" 'BEGIN { if (v == "") print "-"; else printf f, v }'; }
declare -A med
echo
echo "Stride vs the peer (FastAPI, $PEER_DIR): $ROUNDS rounds, medians over the rounds; $((USERS * PER_USER)) sessions" \
  "of $USERS users in each; wrk -t2 -c$CONNECTIONS (MIXED: -t$CONNECTIONS -c$CONNECTIONS via Nginx), ${PHASE_SECONDS} s;" \
  "$(nproc) cores"
printf '%-20s %-7s %10s %8s %8s %7s %7s  %s\n' phase service "req/s" "p50 ms" "p99 ms" errors S/peer "req/s per round"
for phase in "${phases[@]}"; do
  for svc in stride peer; do
    med[$phase/$svc]="$(over_rounds "$phase" "$svc" rps | median)"
  done
  for svc in stride peer; do
    rps="${med[$phase/$svc]}"
    p50="$(over_rounds "$phase" "$svc" p50_ms | median)"
    p99="$(over_rounds "$phase" "$svc" p99_ms | median)"
    errors=$(($(over_rounds "$phase" "$svc" non2xx | sum) + $(over_rounds "$phase" "$svc" socket_errors | sum)))
    rounds="$(over_rounds "$phase" "$svc" rps | awk '{ printf "%s%.0f", (NR > 1 ? " " : ""), $1 }')"
    note=""
    if [[ "$phase" == post-batch ]]; then
      med[batch/$svc]="$(batch_sessions "$svc" | median)"
      note="$(fmt "${med[batch/$svc]}" %.0f) sessions/s"
      [[ "$svc" == peer ]] && note+=" (S/peer $(ratio "${med[batch/stride]}" "${med[batch/peer]}"))"
    elif [[ "$phase" == mixed ]]; then
      note="RYW violations $(over_rounds mixed "$svc" ryw_violations | sum), stored without 201 $(over_rounds mixed "$svc" stored_unacked | sum)"
      bad="$(over_rounds mixed "$svc" unreadable | sum)"
      ((bad == 0)) || note+=", unreadable stats $bad"
    fi
    if [[ "$svc" == stride ]]; then name="${label[$phase]}" cmp="$(ratio "$rps" "${med[$phase/peer]}")"; else name="" cmp=""; fi
    row="$(printf '%-20s %-7s %10s %8s %8s %7s %7s  %-26s %s' "$name" "$([[ $svc == stride ]] && echo Stride || echo peer)" \
      "$(fmt "$rps" %.1f)" "$(fmt "$p50" %.2f)" "$(fmt "$p99" %.2f)" "$errors" "$cmp" "$rounds" "$note")"
    echo "${row%"${row##*[! ]}"}" # without the trailing blanks
  done
done
echo "(errors: non-2xx answers plus socket errors, summed over the rounds; RYW: a /stats read after a POST answered 201"
echo " that does not count it; Stride's single-backend phases ran on backend 1, MIXED on both behind Nginx)"
echo
echo "The database server alone (PostgreSQL $(pg postgres -tAc 'SHOW server_version' | cut -d' ' -f1) at 127.0.0.1:$PG_PORT, after the rounds):"
echo "  pgbench, $insert_from, -c$CONNECTIONS:"
echo "      $(fmt "$pgbench_tps" %.0f) INSERT transactions/s (one per session${pgbench_failed:+, $pgbench_failed failed})"
echo "      POST one session:  Stride $(fmt "${med[post-session/stride]}" %.0f)/s = $(ratio "${med[post-session/stride]}" "$pgbench_tps") of pgbench," \
  "peer $(fmt "${med[post-session/peer]}" %.0f)/s = $(ratio "${med[post-session/peer]}" "$pgbench_tps")"
echo "  COPY of $copy_rows rows into tables with Stride's indexes: $copy_rps rows/s"
echo "      batch of 500:      Stride $(fmt "${med[batch/stride]}" %.0f) sessions/s = $(ratio "${med[batch/stride]}" "$copy_rps") of COPY," \
  "peer $(fmt "${med[batch/peer]}" %.0f) sessions/s = $(ratio "${med[batch/peer]}" "$copy_rps")"
echo
rss_mib() { awk -v k="$(cat "$work/rss-$1" 2>/dev/null || echo 0)" 'BEGIN { printf "%.0f", k / 1024 }'; }
# The access log is JSON lines (nginx/conf/nginx.conf): the backend is its upstream_addr.
spread="$(awk -v a="\"upstream_addr\":\"127.0.0.1:$P1" -v b="\"upstream_addr\":\"127.0.0.1:$P2" \
  'index($0, a) { x++ } index($0, b) { y++ } END { printf "backend 1 %d, backend 2 %d", x, y }' \
  "$work/nginx-stride/logs/access.log" 2>/dev/null)"
echo "Payara RSS, largest (sampled every second): backend 1 $(rss_mib b1) MiB, backend 2 $(rss_mib b2) MiB;" \
  "the peer's processes together $(rss_mib peer) MiB"
echo "Stride start-to-ready: backend 2 (payara/launch.sh alone) $b2_ready s; backend 1 (stride start's Payara part) ${b1_ready:-?} s"
echo "Nginx over Stride sent the requests (warm-up and MIXED) to $spread"
echo "bench: done in $SECONDS s"
