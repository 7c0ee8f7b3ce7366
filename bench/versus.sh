#!/usr/bin/env bash
# What access (tokens, scopes, the per-user rule, rate limits) costs: Stride at HEAD against Stride
# at the commit before access (ACCESS_BASE), side by side in one run, as the issue "Access" asks
# (at most 10% of any phase's throughput).
#
#   bench/access-cost.sh        (as root or a user who may create databases on the cluster below)
#
# Both WARs run on Payara Micro with payara/launch.sh of HEAD (the same flags, heap, pool), each on
# a fresh database of the same PostgreSQL server (Debian's cluster "15 main", as bench/run.sh),
# with the same rows (written by SQL: ACCESS_USERS users x ACCESS_SESSIONS_PER_USER sessions).
# Both get the same admin token on every request (the older one ignores the header). Each is warmed
# up by bench/warm.lua for ACCESS_WARMUP_ROUNDS rounds of 10 s, the two interleaved; then
# ACCESS_ROUNDS rounds of every phase (wrk -t2 -c32, ACCESS_SECONDS each), the two back to back,
# the order alternating. Prints the medians of requests/s, their ratio (with access / without),
# and every round's figures. Nothing is asserted; the machine should be quiet meanwhile.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(dirname "$here")"
BASE="${ACCESS_BASE:-5757283}"
ROUNDS="${ACCESS_ROUNDS:-3}" SECONDS_PER_PHASE="${ACCESS_SECONDS:-6}" WARMUP="${ACCESS_WARMUP_ROUNDS:-9}"
USERS="${ACCESS_USERS:-1000}" PER_USER="${ACCESS_SESSIONS_PER_USER:-100}"
die() { echo "access-cost: $*" >&2; exit 1; }
for tool in wrk psql git mvn java; do command -v "$tool" >/dev/null || die "$tool is missing"; done
# shellcheck source=payara/database.sh
source "$top/payara/database.sh"
PG_PORT="$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $3}')"
[[ -n "$PG_PORT" ]] || die "no PostgreSQL cluster 15 main"
pg() { local db="$1"; shift; psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" "$@"; }

work="$(mktemp -d /tmp/stride-access-cost.XXXXXX)"
tag="$$_$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
declare -A db=([with]="access_with_$tag" [without]="access_without_$tag") war=() port=() pid=()
cleanup() {
  set +e
  for name in with without; do [[ -n "${pid[$name]:-}" ]] && kill "${pid[$name]}" 2>/dev/null; done
  wait 2>/dev/null
  for name in with without; do pg postgres -c "DROP DATABASE IF EXISTS ${db[$name]} WITH (FORCE)" 2>/dev/null; done
  git -C "$top" worktree remove --force "$work/base" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "access-cost: building HEAD ($(git -C "$top" rev-parse --short HEAD)) and the base ($BASE) ..."
(cd "$top" && mvn -q -B package -DskipTests) >"$work/build-head.log" 2>&1 || die "HEAD did not build ($work/build-head.log)"
cp "$top/target/stride.war" "$work/with.war"
git -C "$top" worktree add -q --detach "$work/base" "$BASE"
(cd "$work/base" && mvn -q -B package -DskipTests) >"$work/build-base.log" 2>&1 || die "the base did not build"
cp "$work/base/target/stride.war" "$work/without.war"
war=([with]="$work/with.war" [without]="$work/without.war")

STRIDE_ADMIN_TOKEN="stride_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
export STRIDE_ADMIN_TOKEN BENCH_TOKEN="$STRIDE_ADMIN_TOKEN" LUA_PATH="$here/?.lua;;"
export BENCH_USERS="$USERS" BENCH_USER_PREFIX="u42-" BENCH_WRITER_PREFIX="w42-"
for name in with without; do
  pg postgres -c "CREATE DATABASE ${db[$name]} ENCODING 'UTF8' TEMPLATE template0" >/dev/null
  free_port chosen
  port[$name]="$chosen"
  env DB_HOST=127.0.0.1 DB_PORT="$PG_PORT" DB_USER=postgres DB_PASSWORD= DB_NAME="${db[$name]}" \
    HTTP_PORT="${port[$name]}" PAYARA_ROOT_DIR="$work/root-$name" STRIDE_WAR="${war[$name]}" \
    "$top/payara/launch.sh" >"$work/payara-$name.log" 2>&1 &
  pid[$name]=$!
  echo "access-cost: starting $name access on port ${port[$name]} ..."
  until curl -fs -o /dev/null "http://127.0.0.1:${port[$name]}/health/ready"; do
    kill -0 "${pid[$name]}" 2>/dev/null || die "Payara ($name) stopped: $work/payara-$name.log"
    sleep 0.5 # polling readiness
  done
done

# The same rows in both, written once the schema is migrated.
for name in with without; do
  pg "${db[$name]}" <<SQL
INSERT INTO session_ids (id, started_at)
  SELECT md5('s' || u || '-' || n)::uuid, timestamptz '2026-01-01' + (u * 97 + n * 3600) * interval '1 second'
  FROM generate_series(0, $USERS - 1) u, generate_series(1, $PER_USER) n;
INSERT INTO sessions (id, started_at, user_id, activity, duration_seconds, distance_meters, calories)
  SELECT k.id, k.started_at, 'u42-' || lpad(((row_number() OVER (ORDER BY k.id)) % $USERS)::text, 5, '0'),
         'running', 1800, 5000.5, 300
  FROM session_ids k;
VACUUM ANALYZE;
SQL
done
pg "${db[with]}" -tAc "SELECT id FROM session_ids ORDER BY random() LIMIT 20000" >"$work/ids"
export BENCH_IDS_FILE="$work/ids"

run_wrk() { # NAME SCRIPT SECONDS: requests/s; any answer that is not 2xx stops the run
  local out errors
  out="$(wrk -t2 -c32 -d"$3s" --timeout 10s -s "$here/$2" "http://127.0.0.1:${port[$1]}" 2>&1)"
  errors="$(sed -n 's/^RESULT.* non2xx=\([0-9]*\).*/\1/p' <<<"$out" | tail -n 1)"
  [[ "${errors:-x}" == 0 ]] || die "$2 on $1: ${errors:-no result} answers that are not 2xx (tokens? the load?)"
  awk '/^Requests\/sec/ {printf "%.0f\n", $2}' <<<"$out"
}
echo "access-cost: warming up both, $WARMUP rounds of 10 s each, interleaved ..."
for ((i = 1; i <= WARMUP; i++)); do
  for name in with without; do run_wrk "$name" warm.lua 10 >/dev/null; done
done

phases=(get-session.lua get-page.lua get-stats.lua get-series.lua post-session.lua)
declare -A figures=()
order=(with without)
for ((round = 1; round <= ROUNDS; round++)); do
  for phase in "${phases[@]}"; do
    for name in "${order[@]}"; do
      figures[$phase,$name]+="$(run_wrk "$name" "$phase" "$SECONDS_PER_PHASE") "
    done
    order=("${order[1]}" "${order[0]}")
  done
  echo "access-cost: round $round done"
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo
echo "Stride with access ($(git -C "$top" rev-parse --short HEAD)) and without ($BASE), requests/s, medians of $ROUNDS rounds:"
printf '  %-18s %10s %10s %7s   %s\n' phase with without ratio "rounds (with | without)"
for phase in "${phases[@]}"; do
  with="$(median <<<"${figures[$phase,with]}")" without="$(median <<<"${figures[$phase,without]}")"
  printf '  %-18s %10s %10s %7.2f   %s| %s\n' "${phase%.lua}" "$with" "$without" \
    "$(awk -v a="$with" -v b="$without" 'BEGIN {print (b > 0 ? a / b : 0)}')" "${figures[$phase,with]}" "${figures[$phase,without]}"
done
