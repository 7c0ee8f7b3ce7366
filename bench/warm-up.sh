# shellcheck shell=bash
# Sourced by bench/run.sh and bench/stats.sh, so that every service is warmed up by one rule.
#
# until_warm LABEL MAX_ROUNDS ROUND [ARGS...]: runs "ROUND ARGS", one 10 s round of load that
# prints its total requests/s, at least WARMUP_MIN_ROUNDS [1] rounds and then until two rounds in
# a row are no more than 3% faster than the best before them, or MAX_ROUNDS rounds have run. A JVM
# reaches its speed only once its JIT has compiled the hot paths (Payara Micro: about 190 s of
# compiler CPU, 90 s or more of load on 2 cores), and noisy rounds can stop the second rule early;
# the peer gets the same rule.
until_warm() {
  local label="$1" max="$2" best=0 stale=0 total round=0 min="${WARMUP_MIN_ROUNDS:-1}"
  shift 2
  while (((stale < 2 || round < min) && round < max)); do
    round=$((round + 1))
    total="$("$@")"
    echo "$label round $round (10 s): $total requests/s"
    if ((total * 100 > best * 103)); then
      best=$total stale=0
    else
      stale=$((stale + 1))
    fi
  done
}
