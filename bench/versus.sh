#!/usr/bin/env bash
# What a change costs: Stride at HEAD against Stride at an earlier commit (VERSUS_BASE), side by
# side in one run. Used for the cost of access (the issue "Access": at most 10% of any phase's
# throughput; base 5757283, the commit before it) and of the changes feed on the write path (base
# 604c3e7, the commit before PATCH and the feed).
#
#   VERSUS_BASE=604c3e7 bench/versus.sh   (as root or a user who may create databases below)
#
# Both WARs run on Payara Micro with payara/launch.sh of HEAD (the same flags, heap, pool), each on
# a fresh database of the same PostgreSQL server (Debian's cluster "15 main", as bench/run.sh),
# with the same rows (written by SQL: VERSUS_USERS users x VERSUS_SESSIONS_PER_USER sessions).
# Both get the same admin token on every request (a build before access ignores the header). Each
# is warmed up by bench/warm.lua for VERSUS_WARMUP_ROUNDS rounds of 10 s, the two interleaved; then
# VERSUS_ROUNDS rounds of every phase of VERSUS_PHASES (wrk -t2 -c32, VERSUS_SECONDS each), the two
# back to back, the order alternating. Prints the medians of requests/s, their ratio (HEAD / base),
# and every round's figures. Nothing is asserted; the machine should be quiet meanwhile.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(dirname "$here")"
BASE="${VERSUS_BASE:?set VERSUS_BASE to the commit to compare HEAD with (e.g. 604c3e7)}"
ROUNDS="${VERSUS_ROUNDS:-3}" SECONDS_PER_PHASE="${VERSUS_SECONDS:-6}" WARMUP="${VERSUS_WARMUP_ROUNDS:-9}"
USERS="${VERSUS_USERS:-1000}" PER_USER="${VERSUS_SESSIONS_PER_USER:-100}"
read -r -a phases <<<"${VERSUS_PHASES:-get-session.lua get-page.lua get-stats.lua get-series.lua post-session.lua post-batch.lua}"
die() { echo "versus: $*" >&2; exit 1; }
for tool in wrk psql git mvn java; do command -v "$tool" >/dev/null || die "$tool is missing"; done
# shellcheck source=payara/database.sh
source "$top/payara/database.sh"
PG_PORT="$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $3}')"
[[ -n "$PG_PORT" ]] || die "no PostgreSQL cluster 15 main"
pg() { local db="$1"; shift; psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" "$@"; }

work="$(mktemp -d /tmp/stride-versus.XXXXXX)"
tag="$$_$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
declare -A db=([head]="versus_head_$tag" [base]="versus_base_$tag") war=() port=() pid=()
cleanup() {
  set +e
  for name in head base; do [[ -n "${pid[$name]:-}" ]] && kill "${pid[$name]}" 2>/dev/null; done
  wait 2>/dev/null
  for name in head base; do pg postgres -c "DROP DATABASE IF EXISTS ${db[$name]} WITH (FORCE)" 2>/dev/null; done
  git -C "$top" worktree remove --force "$work/base" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "versus: building HEAD ($(git -C "$top" rev-parse --short HEAD)) and the base ($BASE) ..."
(cd "$top" && mvn -q -B package -DskipTests) >"$work/build-head.log" 2>&1 || die "HEAD did not build ($work/build-head.log)"
cp "$top/target/stride.war" "$work/head.war"
git -C "$top" worktree add -q --detach "$work/base" "$BASE"
(cd "$work/base" && mvn -q -B package -DskipTests) >"$work/build-base.log" 2>&1 || die "the base did not build"
cp "$work/base/target/stride.war" "$work/base.war"
war=([head]="$work/head.war" [base]="$work/base.war")

STRIDE_ADMIN_TOKEN="stride_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
export STRIDE_ADMIN_TOKEN BENCH_TOKEN="$STRIDE_ADMIN_TOKEN" LUA_PATH="$here/?.lua;;"
export BENCH_USERS="$USERS" BENCH_USER_PREFIX="u42-" BENCH_WRITER_PREFIX="w42-"
for name in head base; do
  pg postgres -c "CREATE DATABASE ${db[$name]} ENCODING 'UTF8' TEMPLATE template0" >/dev/null
  free_port chosen
  port[$name]="$chosen"
  env DB_HOST=127.0.0.1 DB_PORT="$PG_PORT" DB_USER=postgres DB_PASSWORD= DB_NAME="${db[$name]}" \
    HTTP_PORT="${port[$name]}" PAYARA_ROOT_DIR="$work/root-$name" STRIDE_WAR="${war[$name]}" \
    "$top/payara/launch.sh" >"$work/payara-$name.log" 2>&1 &
  pid[$name]=$!
  echo "versus: starting $name on port ${port[$name]} ..."
  until curl -fs -o /dev/null "http://127.0.0.1:${port[$name]}/health/ready"; do
    kill -0 "${pid[$name]}" 2>/dev/null || die "Payara ($name) stopped: $work/payara-$name.log"
    sleep 0.5 # polling readiness
  done
done

# The same rows in both, written once the schema is migrated.
for name in head base; do
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
pg "${db[head]}" -tAc "SELECT id FROM session_ids ORDER BY random() LIMIT 20000" >"$work/ids"
export BENCH_IDS_FILE="$work/ids"

run_wrk() { # NAME SCRIPT SECONDS: requests/s; any answer that is not 2xx stops the run
  local out errors
  out="$(wrk -t2 -c32 -d"$3s" --timeout 10s -s "$here/$2" "http://127.0.0.1:${port[$1]}" 2>&1)"
  errors="$(sed -n 's/^RESULT.* non2xx=\([0-9]*\).*/\1/p' <<<"$out" | tail -n 1)"
  [[ "${errors:-x}" == 0 ]] || die "$2 on $1: ${errors:-no result} answers that are not 2xx (tokens? the load?)"
  awk '/^Requests\/sec/ {printf "%.0f\n", $2}' <<<"$out"
}
echo "versus: warming up both, $WARMUP rounds of 10 s each, interleaved ..."
for ((i = 1; i <= WARMUP; i++)); do
  for name in head base; do run_wrk "$name" warm.lua 10 >/dev/null; done
done

declare -A figures=()
order=(head base)
for ((round = 1; round <= ROUNDS; round++)); do
  for phase in "${phases[@]}"; do
    for name in "${order[@]}"; do
      figures[$phase,$name]+="$(run_wrk "$name" "$phase" "$SECONDS_PER_PHASE") "
    done
    order=("${order[1]}" "${order[0]}")
  done
  echo "versus: round $round done"
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo
echo "Stride at HEAD ($(git -C "$top" rev-parse --short HEAD)) and at $BASE, requests/s, medians of $ROUNDS rounds:"
printf '  %-18s %10s %10s %7s   %s\n' phase HEAD "$BASE" ratio "rounds (HEAD | $BASE)"
for phase in "${phases[@]}"; do
  head="$(median <<<"${figures[$phase,head]}")" base="$(median <<<"${figures[$phase,base]}")"
  printf '  %-18s %10s %10s %7.2f   %s| %s\n' "${phase%.lua}" "$head" "$base" \
    "$(awk -v a="$head" -v b="$base" 'BEGIN {print (b > 0 ? a / b : 0)}')" "${figures[$phase,head]}" "${figures[$phase,base]}"
done
