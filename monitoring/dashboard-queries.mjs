// Reads a Grafana dashboard and turns its queries into Prometheus rule files, so that promtool
// can judge them (monitoring/check.sh; Grafana itself cannot run here):
//
//   node monitoring/dashboard-queries.mjs DASHBOARD.json DATASOURCE_UID OUT_DIR
//
// It fails (exit 1, one line per problem, naming the panel) when a panel is not on the
// provisioned data source, has no query, or uses a variable the dashboard does not define. It
// writes, with Grafana's variables replaced by values of the right shape:
//   OUT_DIR/queries.rules.json  one recording rule per query, in a group named after its panel,
//                               so that promtool's parse errors name the panel;
//   OUT_DIR/data.rules.json     one alert per query that fires when the query returns nothing,
//                               named after its panel, and OUT_DIR/data.expect.yml, the
//                               alert_rule_test that says none fires after ten minutes of
//                               grafana/dashboard.scrape.yml (which it completes).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dashboardFile, uid, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node dashboard-queries.mjs DASHBOARD.json DATASOURCE_UID OUT_DIR");
  process.exit(2);
}
const dashboard = JSON.parse(readFileSync(dashboardFile, "utf8"));
const problems = [];

// Grafana's own variables, as wide as the datasource's timeInterval allows ($__rate_interval is
// at least four scrapes); the values only need the shape of what Grafana puts there.
const builtins = {
  __rate_interval: "1m", __interval: "15s", __range: "1h",
  __interval_ms: "15000", __range_s: "3600", __range_ms: "3600000",
};
// The dashboard's template variables are used as label matchers (=~"$instance"): "All" is ".*".
const templates = new Map((dashboard.templating?.list ?? []).map((v) => [v.name, v.allValue ?? ".*"]));

// $name, ${name}, ${name:format} and the older [[name]]; "$1" in a label_replace() is no variable.
const variable = /\$\{([A-Za-z_]\w*)(?::[^}]*)?\}|\[\[([A-Za-z_]\w*)(?::[^\]]*)?\]\]|\$([A-Za-z_]\w*)/g;
function substitute(expr, where) {
  return expr.replace(variable, (whole, ...names) => {
    const name = names.slice(0, 3).find(Boolean);
    if (name in builtins) return builtins[name];
    if (templates.has(name)) return templates.get(name);
    problems.push(`${where}: unknown variable ${whole}`);
    return whole;
  });
}

const queryGroups = [];
const dataRules = [];
// queries: [name, expr] pairs of one panel or variable, the group named after it. Each recording
// rule gets a name of its own: promtool's lint takes equal names for a duplicated rule.
function addGroup(group, queries) {
  queryGroups.push({
    name: group,
    rules: queries.map(([, expr], i) => ({ record: `dashboard:query_${dataRules.length + i}`, expr })),
  });
  for (const [name, expr] of queries) dataRules.push({ alert: name, expr: `absent(${expr})` });
}

// Rows hold their panels in "panels" when collapsed; every other panel is a query panel.
function* allPanels(panels) {
  for (const panel of panels ?? []) {
    yield panel;
    yield* allPanels(panel.panels);
  }
}
const titles = new Set();
const ids = new Set();
for (const panel of allPanels(dashboard.panels)) {
  const where = `panel "${panel.title ?? `#${panel.id}`}"`;
  if (ids.has(panel.id)) problems.push(`${where}: id ${panel.id} is used twice`);
  ids.add(panel.id);
  if (panel.type === "row") continue;
  if (!panel.title) problems.push(`panel #${panel.id}: no title`);
  if (titles.has(panel.title)) problems.push(`${where}: the title is used twice (each group below is named after it)`);
  titles.add(panel.title);
  if (panel.datasource?.uid !== uid) {
    problems.push(`${where}: data source uid ${JSON.stringify(panel.datasource?.uid)}, not the provisioned "${uid}"`);
  }
  if (!panel.targets?.length) problems.push(`${where}: no query`);
  const exprs = [];
  for (const target of panel.targets ?? []) {
    const query = `${where} query ${target.refId}`;
    if (target.datasource && target.datasource.uid !== uid) {
      problems.push(`${query}: data source uid ${JSON.stringify(target.datasource.uid)}, not the provisioned "${uid}"`);
    }
    if (typeof target.expr !== "string" || !target.expr.trim()) {
      problems.push(`${query}: no expr`);
      continue;
    }
    exprs.push([`${panel.title} (query ${target.refId})`, substitute(target.expr, query)]);
  }
  addGroup(panel.title, exprs);
}

// A query variable's label_values(SELECTOR, LABEL): the selector is PromQL too.
for (const v of dashboard.templating?.list ?? []) {
  if (v.type !== "query") continue;
  const where = `variable $${v.name}`;
  if (v.datasource?.uid !== uid) problems.push(`${where}: data source uid ${JSON.stringify(v.datasource?.uid)}, not the provisioned "${uid}"`);
  const query = typeof v.query === "string" ? v.query : v.query?.query;
  const selector = /^label_values\((.+),\s*\w+\)$/.exec(query ?? "")?.[1];
  if (!selector) {
    problems.push(`${where}: the query ${JSON.stringify(query)} is not label_values(SELECTOR, LABEL)`);
    continue;
  }
  addGroup(where, [[where, substitute(selector, where)]]);
}

if (!dashboard.uid) problems.push("the dashboard has no uid (its URL would change at every provisioning)");
if (problems.length) {
  for (const problem of problems) console.error(`FAIL  ${problem}`);
  process.exit(1);
}
writeFileSync(join(outDir, "queries.rules.json"), JSON.stringify({ groups: queryGroups }, null, 1));
writeFileSync(join(outDir, "data.rules.json"), JSON.stringify({ groups: [{ name: "dashboard", rules: dataRules }] }, null, 1));
// JSON strings are YAML strings; the indentation is that of the test in dashboard.scrape.yml.
writeFileSync(join(outDir, "data.expect.yml"), "    alert_rule_test:\n" + dataRules
  .map((rule) => `      - {eval_time: 10m, alertname: ${JSON.stringify(rule.alert)}, exp_alerts: []}\n`).join(""));
console.log(`${dataRules.length} queries of ${titles.size} panels and ${dashboard.templating?.list?.length ?? 0} variables`);
