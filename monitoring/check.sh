#!/usr/bin/env bash
# Offline checks of monitoring/ (README: Monitoring), run by ./stride test (test_monitoring), in
# about a second with Debian's promtool and node:
#
#  1. promtool check config prometheus/prometheus.yml, which also checks the rule files it names
#     (paths relative to it, as in the container's /etc/prometheus).
#  2. promtool check rules and promtool test rules of the alerts (prometheus/alerts.test.yml).
#  3. The dashboard (dashboard-queries.mjs): every panel on the provisioned data source, every
#     query parses (promtool check rules on a file with a group per panel, named after it) and
#     returns data from ten minutes of a healthy installation (grafana/dashboard.scrape.yml).
#  4. Grafana's data source expects the scrape interval Prometheus uses.
#
# It installs nothing: ./stride test does (test_monitoring: apt-get, as root).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

passed=0 failed=0
ok() { echo "  ok    $*"; passed=$((passed + 1)); }
bad() { echo "  FAIL  $*" >&2; failed=$((failed + 1)); }
die() { echo "monitoring checks: $*" >&2; exit 1; }

command -v promtool >/dev/null || die "promtool is missing: install the package prometheus (apt-get install prometheus)"
command -v node >/dev/null || die "node is missing: install the package nodejs (apt-get install nodejs)"
scratch="$(mktemp -d /tmp/stride-monitoring-check.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT

# Runs promtool; on failure its report, indented, follows the FAIL line.
promtool_ok() { # DESCRIPTION ARGS...
  local what="$1"
  shift
  if promtool "$@" >"$scratch/promtool.out" 2>&1; then
    ok "$what"
  else
    bad "$what"
    sed 's/^/        /' "$scratch/promtool.out" >&2
  fi
}

# --- 1 and 2. Prometheus and the alerts ------------------------------------------------------
promtool_ok "promtool $(promtool --version 2>&1 | awk 'NR == 1 {print $3}') check config prometheus/prometheus.yml (and its rule files)" \
  check config prometheus/prometheus.yml
grep -qx '  - alerts.yml' prometheus/prometheus.yml \
  && ok "prometheus.yml loads alerts.yml" || bad "prometheus.yml does not name alerts.yml in rule_files"
promtool_ok "promtool check rules prometheus/alerts.yml" check rules prometheus/alerts.yml
promtool_ok "promtool test rules prometheus/alerts.test.yml: every alert fires when it should and only then" \
  test rules prometheus/alerts.test.yml
# Every alert is expected to fire somewhere in the tests and to stay silent somewhere (and the
# promise of alerts.yml: a severity, a summary naming the instance, a description).
mapfile -t alerts < <(sed -n 's/^ *- alert: *//p' prometheus/alerts.yml)
untested=()
for alert in "${alerts[@]}"; do
  expectations="$(grep -A1 "alertname: $alert\$" prometheus/alerts.test.yml)"
  grep -q 'exp_alerts:$' <<<"$expectations" || untested+=("$alert (never fires)")
  grep -q 'exp_alerts: \[\]$' <<<"$expectations" || untested+=("$alert (never silent)")
done
((${#untested[@]} == 0)) && ok "alerts.test.yml sees each of the ${#alerts[@]} alerts fire and stay silent (${alerts[*]})" \
  || bad "alerts.test.yml lacks cases: ${untested[*]}"
labelled="$(grep -c '^ *severity: \(critical\|warning\)$' prometheus/alerts.yml || true)"
summaries="$(grep -c '^ *summary: ".*{{ *$labels.instance *}}\|^ *summary: "No backend' prometheus/alerts.yml || true)"
descriptions="$(grep -c '^ *description: ' prometheus/alerts.yml || true)"
if ((labelled == ${#alerts[@]} && summaries == ${#alerts[@]} && descriptions == ${#alerts[@]})); then
  ok "every alert has a severity, a summary naming its instance (NoBackend: none is left) and a description"
else
  bad "of ${#alerts[@]} alerts, $labelled have a severity, $summaries a summary with {{ \$labels.instance }}, $descriptions a description"
fi

# --- 3. the dashboard -------------------------------------------------------------------------
datasources=grafana/provisioning/datasources/prometheus.yml
mapfile -t uids < <(sed -n 's/^ *uid: *//p' "$datasources")
((${#uids[@]} == 1)) || die "$datasources must provision exactly one data source with a uid (found ${#uids[@]})"
uid="${uids[0]}"
for dashboard in grafana/dashboards/*.json; do
  if summary="$(node dashboard-queries.mjs "$dashboard" "$uid" "$scratch" 2>"$scratch/node.err")"; then
    ok "$dashboard: $summary, every panel on the data source $uid"
  else
    bad "$dashboard:"
    sed 's/^/        /' "$scratch/node.err" >&2
    continue
  fi
  if promtool check rules "$scratch/queries.rules.json" >"$scratch/promtool.out" 2>&1; then
    ok "$dashboard: every query parses (promtool check rules, Grafana's variables replaced)"
  else
    # promtool names the group, which is the panel's title.
    bad "$dashboard: queries that do not parse:"
    sed -n 's/^.*: group \(".*"\), rule [0-9]*, "[^"]*": /        panel \1: /p' "$scratch/promtool.out" >&2
    continue
  fi
  cat grafana/dashboard.scrape.yml "$scratch/data.expect.yml" >"$scratch/dashboard.test.yml"
  if promtool test rules "$scratch/dashboard.test.yml" >"$scratch/promtool.out" 2>&1; then
    ok "$dashboard: every query returns data from grafana/dashboard.scrape.yml (the metric contract)"
  else
    bad "$dashboard: queries that return nothing from grafana/dashboard.scrape.yml (a misspelt metric or label?):"
    sed -n 's/^ *alertname: \(.*\), time: .*/        \1/p' "$scratch/promtool.out" >&2
    grep -q 'alertname:' "$scratch/promtool.out" || sed 's/^/        /' "$scratch/promtool.out" >&2
  fi
done

# --- 4. one scrape interval -------------------------------------------------------------------
scrape="$(sed -n 's/^  scrape_interval: *//p' prometheus/prometheus.yml)"
expected="$(sed -n 's/^ *timeInterval: *//p' "$datasources")"
[[ -n "$scrape" && "$scrape" == "$expected" ]] \
  && ok "Grafana's data source expects the scrape interval of Prometheus ($scrape), so \$__rate_interval spans four scrapes" \
  || bad "Prometheus scrapes every '${scrape}' but $datasources says timeInterval '${expected}'"

echo "monitoring checks: $passed ok, $failed failed"
((failed == 0))
