#!/usr/bin/env bash
# What activity files cost (the issue "Activity files"): the import of a one-hour run with a sample
# a second (3,600 points) in each format, GET .../samples of it, and GET .../records of a user with
# 1,000 imported sessions; each beside a baseline of the same backend in the same run: POST of one
# JSON session, GET of one session, GET of the same user's statistics. The budgets: import under
# 50 ms of server time at p50, samples under 10 ms, records under 50 ms.
#
#   bench/files.sh        (as root or a user who may create databases below)
#
# One backend (payara/launch.sh of HEAD) on a fresh database of Debian's PostgreSQL 15 ("15 main",
# as bench/run.sh). The files are written by the tester's generate-files (realistic tracks; every
# file distinct, so none is deduplicated). Times are curl's time_total of one request at a time on
# 127.0.0.1: the server's time plus the loopback, so an upper bound of the server time. Warm-up:
# FILES_WARMUP imports per format and 200 of each GET. Then FILES_ROUNDS rounds, each measuring in
# turn imports of FILES_PER_ROUND files per format, as many JSON POSTs, 50 GETs of samples and of
# one session, 50 GETs of records and of stats; medians over all rounds, their ratio to the
# baseline, and p90. Nothing is asserted; the machine should be quiet meanwhile.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(dirname "$here")"
ROUNDS="${FILES_ROUNDS:-3}" PER_ROUND="${FILES_PER_ROUND:-20}" WARMUP="${FILES_WARMUP:-40}"
RECORD_SESSIONS="${FILES_RECORD_SESSIONS:-1000}"
die() { echo "files: $*" >&2; exit 1; }
for tool in curl psql mvn java; do command -v "$tool" >/dev/null || die "$tool is missing"; done
# shellcheck source=payara/database.sh
source "$top/payara/database.sh"
PG_PORT="$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" {print $3}')"
[[ -n "$PG_PORT" ]] || die "no PostgreSQL cluster 15 main"
pg() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres "$@"; }

work="$(mktemp -d /tmp/stride-files.XXXXXX)"
db="files_$$_$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')"
pid=""
cleanup() {
  set +e
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null
  wait 2>/dev/null
  pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "files: building the WAR and the tester ($(git -C "$top" rev-parse --short HEAD)) ..."
(cd "$top" && mvn -q -B package -DskipTests) >"$work/build.log" 2>&1 || die "the WAR did not build ($work/build.log)"
(cd "$top/tester" && mvn -q -B package -DskipTests) >>"$work/build.log" 2>&1 || die "the tester did not build"
tester=(java -jar "$top/tester/target/stride-tester.jar")

STRIDE_ADMIN_TOKEN="stride_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
export STRIDE_ADMIN_TOKEN
pg -d postgres -c "CREATE DATABASE $db ENCODING 'UTF8' TEMPLATE template0" >/dev/null
free_port port
env DB_HOST=127.0.0.1 DB_PORT="$PG_PORT" DB_USER=postgres DB_PASSWORD= DB_NAME="$db" \
  HTTP_PORT="$port" PAYARA_ROOT_DIR="$work/root" STRIDE_WAR="$top/target/stride.war" \
  "$top/payara/launch.sh" >"$work/payara.log" 2>&1 &
pid=$!
api="http://127.0.0.1:$port/api"
auth=(-H "Authorization: Bearer $STRIDE_ADMIN_TOKEN")

echo "files: writing the files ..."
per_format=$((WARMUP + ROUNDS * PER_ROUND))
for format in gpx tcx fit; do
  "${tester[@]}" generate-files "$work/$format" --count "$per_format" --format "$format" \
    --duration 3600 --seed 7 >/dev/null || die "generate-files $format failed"
done
"${tester[@]}" generate-files "$work/records" --count "$RECORD_SESSIONS" --format fit \
  --duration 3600 --seed 11 --start 2020-01-01T06:00:00Z >/dev/null || die "generate-files failed"
echo "files: a GPX of 3,600 points is $(du -h "$(ls "$work"/gpx/* | head -n 1)" | cut -f1)," \
  "a TCX $(du -h "$(ls "$work"/tcx/* | head -n 1)" | cut -f1), a FIT $(du -h "$(ls "$work"/fit/* | head -n 1)" | cut -f1)"

until curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; do
  kill -0 "$pid" 2>/dev/null || die "Payara stopped: $work/payara.log"
  sleep 0.5 # polling readiness
done

declare -A type=([gpx]=application/gpx+xml [tcx]=application/vnd.garmin.tcx+xml [fit]=application/vnd.ant.fit)
# timed EXPECTED-STATUS CURL-ARGS...: prints the milliseconds of one request; another status stops.
timed() {
  local expected="$1" out
  shift
  out="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "${auth[@]}" "$@")"
  [[ "${out%% *}" == "$expected" ]] || die "curl $* answered ${out%% *}, not $expected"
  awk '{printf "%.3f\n", $2 * 1000}' <<<"$out"
}
# import_files FORMAT FIRST COUNT [USER]: imports files FIRST..FIRST+COUNT-1 of FORMAT, one time a line.
import_files() {
  local files
  mapfile -t files < <(ls "$work/$1" | sort | sed -n "$(($2 + 1)),$(($2 + $3))p")
  for f in "${files[@]}"; do
    timed 201 -X POST -H "Content-Type: ${type[$1]}" --data-binary "@$work/$1/$f" "$api/sessions/import?userId=${4:-bench-files}"
  done
}
json_posts() { # COUNT
  for ((i = 0; i < $1; i++)); do
    timed 201 -X POST -H 'Content-Type: application/json' "$api/sessions" \
      -d "{\"userId\": \"bench-json\", \"activity\": \"running\", \"startedAt\": \"2026-0$((i % 9 + 1))-01T06:00:00Z\", \"durationSeconds\": 3600, \"distanceMeters\": 10000, \"avgHeartRate\": 150, \"notes\": \"$RANDOM$RANDOM\"}"
  done
}
gets() { # COUNT PATH
  for ((i = 0; i < $1; i++)); do timed 200 "$api$2"; done
}

echo "files: importing $RECORD_SESSIONS FIT files for the records' user ..."
"${tester[@]}" import "$work/records" --user bench-records --base-url "$api" --token "$STRIDE_ADMIN_TOKEN" \
  --report "$work/records-report.csv" >/dev/null 2>&1 || die "importing the records' files failed ($work/records-report.csv)"

echo "files: warming up ($WARMUP imports per format, 200 of each GET) ..."
for format in gpx tcx fit; do import_files "$format" 0 "$WARMUP" >/dev/null; done
json_posts 200 >/dev/null
sample_id="$(curl -fs "${auth[@]}" "$api/sessions?userId=bench-files&limit=1" | sed 's/.*"id":"\([^"]*\)".*/\1/')"
json_id="$(curl -fs "${auth[@]}" "$api/sessions?userId=bench-json&limit=1" | sed 's/.*"id":"\([^"]*\)".*/\1/')"
for path in "/sessions/$sample_id/samples" "/sessions/$json_id" "/users/bench-records/records" "/users/bench-records/stats"; do
  gets 200 "$path" >/dev/null
done

# The server's own time: the sum and count of Stride's request histogram for ROUTE (2xx answers),
# read before and after each measurement; their differences give the mean time in the server.
served() { # METHOD ROUTE: "sum count" now
  curl -fs "http://127.0.0.1:$port/metrics" | awk -v m="$1" -v r="$2" '
    index($0, "stride_http_server_request_duration_seconds_") == 1 && index($0, "method=\"" m "\"") && index($0, "route=\"" r "\"") && index($0, "status=\"2xx\"") {
      if ($1 ~ /_sum/) sum = $2; if ($1 ~ /_count/) count = $2 }
    END { printf "%s %s\n", sum + 0, count + 0 }'
}
declare -A times=() server=()
measure() { # NAME METHOD ROUTE COMMAND...: the command's times, and the server's time it took
  local name="$1" method="$2" route="$3" before after
  shift 3
  before="$(served "$method" "$route")"
  times[$name]+="$("$@")"$'\n'
  after="$(served "$method" "$route")"
  server[$name]+="$before $after"$'\n'
}
for ((round = 0; round < ROUNDS; round++)); do
  echo "files: round $((round + 1)) of $ROUNDS ..."
  first=$((WARMUP + round * PER_ROUND))
  for format in gpx tcx fit; do
    measure "$format" POST /api/sessions/import import_files "$format" "$first" "$PER_ROUND"
  done
  measure post POST /api/sessions json_posts "$PER_ROUND"
  measure samples GET "/api/sessions/{id}/samples" gets 50 "/sessions/$sample_id/samples"
  measure one GET "/api/sessions/{id}" gets 50 "/sessions/$json_id"
  measure records GET "/api/users/{userId}/records" gets 50 "/users/bench-records/records"
  measure stats GET "/api/users/{userId}/stats" gets 50 "/users/bench-records/stats"
done
in_server() { # NAME: the mean milliseconds in the server over all rounds
  awk 'NF == 4 {sum += $3 - $1; count += $4 - $2} END {printf "%.2f", count ? 1000 * sum / count : 0}' <<<"${server[$1]}"
}

# Throughput: the tester's simulate --files imports one-hour files, two at a time, against simulate
# sending JSON sessions one a request, two at a time (its own measurement: summary.csv).
echo "files: imports/s (simulate --files) and JSON sessions/s (simulate --batch-size 1) ..."
simulate() { # OUT ARGS...: requests/s of a simulate run
  local out="$work/$1"
  shift
  "${tester[@]}" simulate --users 4 --sessions-per-user 15 --concurrency 2 --seed "$RANDOM" \
    --base-url "$api" --token "$STRIDE_ADMIN_TOKEN" --out "$out" "$@" >"$out.log" 2>&1 \
    || die "simulate $* failed ($out.log)"
  awk -F, '$1 == "requestsPerSecond" {print $2}' "$out/summary.csv"
}
imports_per_second="$(simulate sim-files --files --format mixed)"
json_per_second="$(simulate sim-json --batch-size 1 --no-verify)"

quantile() { # Q: the Q quantile (nearest rank) of the numbers on stdin
  sort -n | awk -v q="$1" 'NF {v[++n] = $1} END {i = int(q * n + 0.999999); if (i < 1) i = 1; printf "%.2f", v[i]}'
}
p50() { quantile 0.5 <<<"${times[$1]}"; }
p90() { quantile 0.9 <<<"${times[$1]}"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
samples_count="$(curl -fs "${auth[@]}" "$api/sessions/$sample_id/samples" | grep -o '\],\[' | wc -l)"
echo
echo "files: milliseconds per request (curl time_total, one at a time), medians over $ROUNDS rounds"
row() { # LABEL NAME BASELINE
  printf '%-44s %8s %8s %10s %8s %10s %10s\n' "$1" "$(p50 "$2")" "$(p90 "$2")" "$(p50 "$3")" \
    "$(ratio "$(p50 "$2")" "$(p50 "$3")")" "$(in_server "$2")" "$(in_server "$3")"
}
printf '%-44s %8s %8s %10s %8s %10s %10s\n' "request" "p50" "p90" "baseline" "ratio" "server" "(baseline)"
for format in gpx tcx fit; do row "import $format, 3,600 points (vs POST JSON)" "$format" post; done
row "samples, $((samples_count + 1)) points (vs GET one)" samples one
row "records, $RECORD_SESSIONS sessions (vs stats)" records stats
echo "files: p50, p90, baseline p50: curl's time_total; server: the mean time Stride's histogram counted"
echo "files: simulate: $imports_per_second imports/s of one-hour files (mixed formats), $json_per_second JSON sessions/s (ratio $(ratio "$imports_per_second" "$json_per_second"))"
echo "files: budgets: import < 50 ms, samples < 10 ms, records < 50 ms (p50)"
