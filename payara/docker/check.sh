#!/usr/bin/env bash
# Checks of the Docker deployment (docker-compose.yml, payara/Dockerfile, tester/Dockerfile,
# nginx/Dockerfile)
# that need no Docker engine; run at the end of ./stride test, a few seconds.
#
#  1. Debian's docker-compose parses and validates docker-compose.yml (`config -q`) with the
#     values of .env.example, and refuses it while any password is missing.
#  2. What compose publishes: Nginx on every interface, pgAdmin, the admin console, Prometheus
#     and Grafana on 127.0.0.1 only, the database and the backends nowhere; no container_name on
#     backend.
#  3. Every file and folder docker-compose.yml and the Dockerfiles reference exists.
#  4. dockerfilelint (npm) finds nothing in the Dockerfiles.
#  5. The backend image starts Stride the one way: its ENTRYPOINT is payara/launch.sh (which
#     alone knows Payara's flags; the integration tests take them from it); the admin profile's
#     DAS address is the one its configuration publishes.
#  6. The schema is the backend's: the image build sees the migrations, and compose mounts no SQL
#     into the database image's initdb folder.
#  7. The profile "monitoring" (monitoring/; its own checks: monitoring/check.sh): Prometheus gets
#     monitoring/prometheus and reaches what it scrapes, the exporter reads Nginx's unpublished
#     status port, Grafana gets its provisioning and dashboards where they point, calls no one,
#     lets no one in without GRAFANA_ADMIN_PASSWORD; the image runs the promtool major version.
#
# Versions are not compared: versions.env is the only place they are written (the monitoring
# images' are pinned in docker-compose.yml until it names them). The one exception is a
# compatibility, not a copy: the prometheus image is of the major version of promtool (7).
#
# Missing tools are installed when running as root (apt-get: docker-compose; npm:
# dockerfilelint into .stride/tools); otherwise the check says what to install and fails.
set -euo pipefail
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$top"
tools="${STRIDE_STATE_DIR:-$top/.stride}/tools"
DOCKERFILELINT_VERSION=1.8.0

passed=0 failed=0
ok() { echo "  ok    $*"; passed=$((passed + 1)); }
bad() { echo "  FAIL  $*" >&2; failed=$((failed + 1)); }
note() { echo "  note  $*"; }
# The verdicts of a Python check, one "ok|bad|note<TAB>text" line each.
report() { # FILE WHAT-FAILED-TO-BE-READ
  while IFS=$'\t' read -r status text; do
    case "$status" in ok) ok "$text" ;; bad) bad "$text" ;; *) note "$text" ;; esac
  done <"$1"
  [[ -s "$1" ]] || bad "could not check $2"
}
die() { echo "docker checks: $*" >&2; exit 1; }

scratch="$(mktemp -d /tmp/stride-docker-check.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT

# --- tools ----------------------------------------------------------------------------------
as_root() { [[ "$(id -u)" == 0 ]]; }
apt_install() {
  as_root || return 1
  apt-get install -y -q "$@" >"$scratch/apt.log" 2>&1 \
    || { apt-get update -q >>"$scratch/apt.log" 2>&1 && apt-get install -y -q "$@" >>"$scratch/apt.log" 2>&1; } \
    || { tail -n 5 "$scratch/apt.log" >&2; return 1; }
}

if ! command -v docker-compose >/dev/null; then
  echo "docker checks: installing Debian's docker-compose (validates the compose file offline)"
  apt_install docker-compose || die "docker-compose is missing: install it as root with 'apt-get install docker-compose'"
fi
# A Python with PyYAML reads the resolved compose file; Debian's docker-compose depends on one.
python=""
for candidate in /usr/bin/python3 python3; do
  if "$candidate" -c 'import yaml' 2>/dev/null; then python="$candidate"; break; fi
done
if [[ -z "$python" ]]; then
  apt_install python3-yaml || die "python3 with PyYAML is missing: install it as root with 'apt-get install python3-yaml'"
  python=/usr/bin/python3
fi
lint="$tools/node_modules/.bin/dockerfilelint"
if [[ ! -x "$lint" ]]; then
  if ! command -v npm >/dev/null; then
    apt_install npm || die "npm is missing (needed for dockerfilelint): install it as root with 'apt-get install npm'"
  fi
  echo "docker checks: installing dockerfilelint $DOCKERFILELINT_VERSION (npm) into $tools"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "dockerfilelint@$DOCKERFILELINT_VERSION" >"$scratch/npm.log" 2>&1 \
    || { tail -n 5 "$scratch/npm.log" >&2; die "could not install dockerfilelint from npm"; }
fi

# --- 1. the compose file --------------------------------------------------------------------
# docker-compose runs with a clean environment, so that neither the caller's variables (./stride
# test exports DB_*) nor a developer's .env decide the outcome: only versions.env and the env file
# given (Debian's docker-compose 1.29 takes one --env-file: the two are joined).
compose() {
  local env_file="$1"
  shift
  cat versions.env "$env_file" >"$env_file.joined"
  env -i PATH="$PATH" HOME="$scratch" docker-compose --project-directory "$top" --env-file "$env_file.joined" -f "$top/docker-compose.yml" "$@"
}
# The required variables a user sets (.env); those of versions.env are the project's.
mapfile -t required < <(grep -o '\${[A-Z_][A-Z0-9_]*:?' docker-compose.yml | sed 's/^\${//; s/:?$//' | sort -u \
  | grep -vxF -f <(sed -n 's/^\([A-Z_][A-Z0-9_]*\)=.*/\1/p' versions.env))
# .env.example with every empty required value filled in, as a user would.
sed -E 's/^([A-Z_][A-Z0-9_]*)=$/\1=check-value/' .env.example >"$scratch/env"
missing_in_example=()
for var in "${required[@]}"; do
  grep -q "^$var=" .env.example || missing_in_example+=("$var")
done
if ((${#missing_in_example[@]} == 0)); then
  ok ".env.example lists every required variable (${required[*]})"
else
  bad ".env.example lacks ${missing_in_example[*]}"
fi
if compose "$scratch/env" config -q 2>"$scratch/config.err"; then
  ok "docker-compose $(docker-compose version --short 2>/dev/null || true) config -q: docker-compose.yml is valid"
else
  bad "docker-compose config -q rejects docker-compose.yml: $(cat "$scratch/config.err")"
fi
if compose "$scratch/env" --profile monitoring config -q 2>"$scratch/config.err"; then
  ok "docker-compose --profile monitoring config -q: valid with the monitoring profile"
else
  bad "docker-compose --profile monitoring config -q rejects docker-compose.yml: $(cat "$scratch/config.err")"
fi
for var in "${required[@]}"; do
  grep -v "^$var=" "$scratch/env" >"$scratch/env-without"
  if compose "$scratch/env-without" config -q 2>/dev/null; then
    bad "docker-compose.yml starts without $var: a password default slipped in"
  else
    ok "docker-compose.yml refuses to start without $var"
  fi
done
if env -i PATH="$PATH" HOME="$scratch" docker-compose --project-directory "$top" --env-file "$scratch/env" \
    -f "$top/docker-compose.yml" config -q 2>/dev/null; then
  bad "docker-compose.yml starts without versions.env: an image version has a default"
else
  ok "docker-compose.yml refuses to start without versions.env (the project's image versions have no default)"
fi
defaulted="$(grep -o '\${[A-Z_]*PASSWORD[^}]*}' docker-compose.yml | grep -v ':?' | sort -u | tr '\n' ' ' || true)"
[[ -z "$defaulted" ]] && ok "every password in docker-compose.yml is required (\${VAR:?...}), none has a default" \
  || bad "passwords with a default or optional in docker-compose.yml: $defaulted"
grep -q '^name:' docker-compose.yml && bad "docker-compose.yml has a top-level name: (Debian's docker-compose rejects it)"
compose "$scratch/env" config >"$scratch/resolved.yml" 2>/dev/null || true

# --- 2 and 3. what compose publishes, and the files it references ---------------------------
"$python" - "$scratch/resolved.yml" "$top" <<'PY' >"$scratch/compose-checks" || true
import os, sys, yaml
resolved, top = sys.argv[1], sys.argv[2]
config = yaml.safe_load(open(resolved)) or {}
services = config.get("services", {})
def say(status, text): print(f"{status}\t{text}")

expected = {"db", "backend", "nginx", "pgadmin", "tester", "admin", "prometheus", "nginx-exporter", "grafana"}
if set(services) != expected:
    say("bad", f"services are {sorted(services)}, expected {sorted(expected)}")
else:
    say("ok", "services: " + ", ".join(sorted(services)))

for name, service in services.items():
    for port in service.get("ports", []):
        # docker-compose 1.29 writes "IP:HOST:CONTAINER/tcp" or {published, target}.
        if isinstance(port, dict):
            host_ip = port.get("host_ip", "")
        else:
            parts = str(port).split(":")
            host_ip = parts[0] if len(parts) == 3 else ""
        if name == "nginx":
            continue
        if name in ("pgadmin", "admin", "prometheus", "grafana") and host_ip == "127.0.0.1":
            continue
        say("bad", f"{name} publishes {port} beyond 127.0.0.1")
say("ok", "only nginx publishes on every interface; pgadmin, admin, prometheus and grafana on 127.0.0.1 only") \
    if all(not s.get("ports") for n, s in services.items() if n in ("db", "backend", "nginx-exporter")) else \
    say("bad", "db, backend or nginx-exporter publishes a port")
if "container_name" in services.get("backend", {}):
    say("bad", "backend has a container_name: --scale backend=3 would fail")
else:
    say("ok", "backend is scalable (no container_name, no host port)")
internal = config.get("networks", {}).get("internal", {})
if internal.get("internal") is True and services.get("db", {}).get("networks", {}).keys() == {"internal"} \
        and services.get("backend", {}).get("networks", {}).keys() == {"internal"}:
    say("ok", "db and backend are on the internal network only")
else:
    say("bad", "db and backend must be on the internal (internal: true) network only")

# Files and folders referenced. ./out is created by the first tester run; the TLS folder is
# the operator's.
tls_dir = os.path.join(top, "nginx", "tls")
missing, checked = [], 0
def need(path, what):
    global checked
    checked += 1
    if not os.path.exists(path):
        missing.append(f"{os.path.relpath(path, top)} ({what})")
for name, service in services.items():
    build = service.get("build")
    if build:
        context = build["context"]
        need(context, f"{name} build context")
        need(os.path.join(context, build.get("dockerfile", "Dockerfile")), f"{name} Dockerfile")
    for volume in service.get("volumes", []):
        source = volume.split(":")[0] if isinstance(volume, str) else volume.get("source", "")
        if not source.startswith("/"):
            continue  # a named volume
        if source in (os.path.join(top, "out"), tls_dir):
            continue
        need(source, f"{name} mount")
    for env_file in service.get("env_file", []):
        need(env_file, f"{name} env_file")
if missing:
    say("bad", "docker-compose.yml references missing files: " + ", ".join(missing))
else:
    say("ok", f"every file and folder docker-compose.yml references exists ({checked} checked)")
PY
report "$scratch/compose-checks" "the resolved docker-compose.yml"

# The Nginx container renders nginx/conf as ./stride run does, with Docker's DNS as resolver:
# every container of the scaled backend service must become a backend ("resolve").
rendered="$scratch/nginx-run"
if STRIDE_BACKENDS=backend:8080 NGINX_RESOLVER=127.0.0.11 NGINX_TLS_CERT=/dev/null NGINX_TLS_KEY=/dev/null \
    sh nginx/render.sh "$rendered" >/dev/null 2>&1 \
    && grep -q 'server backend:8080 .*resolve;' "$rendered/conf/upstream.conf" \
    && grep -q 'resolver 127.0.0.11' "$rendered/conf/upstream.conf"; then
  ok "the Nginx container's configuration follows the scaled backends (resolver 127.0.0.11, server backend:8080 resolve)"
else
  bad "nginx/render.sh with NGINX_RESOLVER does not give 'server backend:8080 ... resolve'"
fi
grep -q 'render.sh' nginx/docker/start.sh && grep -q 'docker/start.sh' nginx/Dockerfile \
  && ok "the Nginx image starts through nginx/render.sh, like ./stride run" \
  || bad "nginx/Dockerfile must start nginx/docker/start.sh, which renders with nginx/render.sh"

# COPY sources of the Dockerfiles exist in their build context, and .dockerignore keeps them.
copy_sources() { # Dockerfile -> every source of a COPY from the build context
  awk '/^COPY / && !/--from=/ { for (i = 2; i < NF; i++) if ($i !~ /^--/) print $i }' "$1"
}
for pair in "payara/Dockerfile:." "tester/Dockerfile:tester" "nginx/Dockerfile:nginx"; do
  dockerfile="${pair%%:*}" context="${pair##*:}" absent=()
  while read -r source; do
    [[ -e "$context/$source" ]] || absent+=("$source")
    if [[ -f "$context/.dockerignore" ]] && grep -qxF -e "${source%%/*}" -e "${source%%/*}/" "$context/.dockerignore"; then
      absent+=("$source (excluded by $context/.dockerignore)")
    fi
  done < <(copy_sources "$dockerfile")
  ((${#absent[@]} == 0)) && ok "$dockerfile: every COPY source is in its context ($context)" \
    || bad "$dockerfile: COPY sources missing from $context: ${absent[*]}"
done

# --- 4. lint --------------------------------------------------------------------------------
for dockerfile in payara/Dockerfile tester/Dockerfile nginx/Dockerfile; do
  if "$lint" "$dockerfile" >"$scratch/lint.out" 2>&1; then
    ok "dockerfilelint $DOCKERFILELINT_VERSION: $dockerfile has no issues"
  else
    bad "dockerfilelint: $dockerfile"
    cat "$scratch/lint.out" >&2
  fi
done
for script in payara/launch.sh payara/docker/admin/stride-admin-password.sh; do
  bash -n "$script" && ok "bash -n $script" || bad "bash -n $script"
done
sh -n tester/docker-entrypoint.sh && ok "sh -n tester/docker-entrypoint.sh" || bad "sh -n tester/docker-entrypoint.sh"

# --- 5. the image starts Stride the one way ---------------------------------------------------
final_stage() { awk '/^FROM /{stage=""} {stage = stage $0 "\n"} END {printf "%s", stage}' payara/Dockerfile; }
final_stage >"$scratch/final-stage"
entrypoint="$(sed -n 's/^ENTRYPOINT \["\([^"]*\)".*/\1/p' "$scratch/final-stage")"
workdir="$(sed -n 's/^WORKDIR //p' "$scratch/final-stage" | tail -n 1)"
if [[ "$entrypoint" == "$workdir/payara/launch.sh" ]] && grep -q '^CMD \[\]' "$scratch/final-stage" \
  && grep -q "COPY .*payara/launch.sh .*\./payara/" "$scratch/final-stage"; then
  ok "backend image: ENTRYPOINT is payara/launch.sh ($entrypoint), CMD []"
else
  bad "backend image: ENTRYPOINT must be $workdir/payara/launch.sh, copied there, with CMD []"
fi

# The admin profile: PAYARA_CLUSTER=true joins the DAS that docker-compose names "das".
das="$("$python" -c 'import sys, yaml; c = yaml.safe_load(open(sys.argv[1])); print(c["services"]["backend"]["environment"]["PAYARA_DAS"])' "$scratch/resolved.yml" 2>/dev/null || true)"
das_host="${das%%:*}" das_port="${das##*:}"
if grep -q 'clustermode "domain:${PAYARA_DAS' payara/launch.sh \
  && grep -q -- "--dasPublicAddress=$das_host\b" payara/docker/admin/pre-boot-commands.asadmin \
  && grep -q -- "--dasPort=$das_port\b" payara/docker/admin/pre-boot-commands.asadmin \
  && grep -q "aliases: \[$das_host\]" docker-compose.yml; then
  ok "admin profile: the backends' PAYARA_DAS ($das) is the DAS's alias and data grid port"
else
  bad "admin profile: the backends' PAYARA_DAS ($das), launch.sh and the DAS configuration disagree"
fi

# --- 6. the schema ---------------------------------------------------------------------------
# Every backend migrates the database at start (Flyway, src/main/resources/db/migration inside the
# WAR); the integration tests of ./stride test prove that on PostgreSQL. Here: the image's build
# stage copies src/ (and .dockerignore keeps it), so the WAR it builds carries the migrations, and
# nothing else makes the schema behind the backend's back.
migrations=(src/main/resources/db/migration/V*__*.sql)
if [[ -f "${migrations[0]}" ]] && grep -q '^COPY src ' payara/Dockerfile && ! grep -qxE 'src/?' .dockerignore; then
  ok "backend image: its build copies src/, with the ${#migrations[@]} migrations of src/main/resources/db/migration"
else
  bad "backend image: its build must copy src/ with src/main/resources/db/migration (payara/Dockerfile, .dockerignore)"
fi
if grep -q 'docker-entrypoint-initdb.d' docker-compose.yml; then
  bad "docker-compose.yml mounts SQL into the database image's initdb folder: the schema is the backend's migrations"
else
  ok "docker-compose.yml mounts no SQL into the database image: the backends migrate the schema"
fi

# --- 7. the monitoring profile ---------------------------------------------------------------
# What the containers will read, from the resolved compose file and the files it mounts.
promtool_major=""
command -v promtool >/dev/null && promtool_major="$(promtool --version 2>&1 | sed -n '1s/^promtool, version \([0-9]*\)\..*/\1/p')"
"$python" - "$scratch/resolved.yml" "$top" "$promtool_major" <<'PY' >"$scratch/monitoring-checks" || true
import os, re, sys, yaml
resolved, top, promtool_major = sys.argv[1], sys.argv[2], sys.argv[3]
services = (yaml.safe_load(open(resolved)) or {}).get("services", {})
def say(status, text): print(f"{status}\t{text}")
def mounts(service):  # container path -> host path of the bind mounts
    found = {}
    for volume in services.get(service, {}).get("volumes", []):
        source, target = (volume.split(":")[:2] if isinstance(volume, str) else (volume.get("source", ""), volume.get("target", "")))
        if source.startswith("/"):
            found[target] = source
    return found
def host_path(service, path):  # the host file behind a container path, through its bind mounts
    for target, source in sorted(mounts(service).items(), key=lambda m: -len(m[0])):
        if path == target or path.startswith(target + "/"):
            return source + path[len(target):]
    return None
def networks(service): return set(services.get(service, {}).get("networks", {}) or {})
def shares_network(a, b): return bool(networks(a) & networks(b))
def ports(service): return [str(p.get("published", p)) if isinstance(p, dict) else str(p) for p in services.get(service, {}).get("ports", [])]

monitoring = {"prometheus", "nginx-exporter", "grafana"}
if all(services.get(name, {}).get("profiles") == ["monitoring"] for name in monitoring):
    say("ok", "prometheus, nginx-exporter and grafana start with the profile monitoring only")
else:
    say("bad", "prometheus, nginx-exporter and grafana must each have profiles: [monitoring]")
for name in sorted(monitoring):
    image = services.get(name, {}).get("image", "")
    tag = image.rpartition(":")[2] if ":" in image else ""
    if not tag or tag == "latest":
        say("bad", f"{name}: image {image!r} has no pinned version")
say("ok", "the monitoring images are pinned: " + ", ".join(services.get(n, {}).get("image", "?") for n in sorted(monitoring)))

# Prometheus: its configuration is the mounted monitoring/prometheus, and the rule files resolve
# next to it inside the container too.
command = services.get("prometheus", {}).get("command", [])
config_path = next((c.split("=", 1)[1] for c in command if c.startswith("--config.file=")), "")
config_host = host_path("prometheus", config_path) if config_path else None
if config_host and os.path.realpath(config_host) == os.path.join(top, "monitoring/prometheus/prometheus.yml"):
    config = yaml.safe_load(open(config_host))
    rules = [host_path("prometheus", os.path.join(os.path.dirname(config_path), r)) for r in config.get("rule_files", [])]
    if rules and all(r and os.path.isfile(r) for r in rules):
        say("ok", f"prometheus reads monitoring/prometheus/prometheus.yml as {config_path}, and its {len(rules)} rule file(s) in the same mount")
    else:
        say("bad", f"prometheus: rule_files of {config_path} are not in its mounts")
else:
    say("bad", f"prometheus: --config.file={config_path} is not monitoring/prometheus/prometheus.yml through a mount")
    config = {}
if any(c.startswith("--storage.tsdb.retention.") for c in command):
    say("ok", "prometheus keeps its data for a bounded time: " + " ".join(c for c in command if "retention" in c))
else:
    say("bad", "prometheus has no --storage.tsdb.retention.* (the default keeps 15 days, unbounded in size)")

# What it scrapes: every backend through Docker's DNS, and the exporter, on networks it shares.
jobs = {job.get("job_name"): job for job in config.get("scrape_configs", [])}
dns = (jobs.get("backend", {}).get("dns_sd_configs") or [{}])[0]
if dns.get("names") == ["backend"] and dns.get("type") == "A" and "container_name" not in services.get("backend", {}) \
        and shares_network("prometheus", "backend"):
    say("ok", f"prometheus finds every scaled backend as Docker's DNS answers 'backend' (A, port {dns.get('port')}), on a network they share")
else:
    say("bad", "prometheus must find the backends with dns_sd_configs names [backend], type A, on a network it shares with them")
healthcheck = " ".join(services.get("backend", {}).get("healthcheck", {}).get("test", []))
if f"/dev/tcp/127.0.0.1/{dns.get('port')}" in healthcheck:
    say("ok", f"prometheus scrapes the backends on the port their health check uses ({dns.get('port')})")
else:
    say("bad", f"prometheus scrapes the backends on port {dns.get('port')}, their health check on another")
targets = [t for c in jobs.get("nginx", {}).get("static_configs", []) for t in c.get("targets", [])]
if targets and all(t.split(":")[0] == "nginx-exporter" for t in targets) and shares_network("prometheus", "nginx-exporter"):
    say("ok", f"prometheus scrapes the exporter ({', '.join(targets)}) on a network they share")
else:
    say("bad", f"prometheus's job nginx must scrape the service nginx-exporter on a shared network (targets {targets})")

# The exporter reads Nginx's status port, which Nginx does not publish.
exporter = " ".join(services.get("nginx-exporter", {}).get("command", []) or [])
uri = re.search(r"--nginx\.scrape-uri=http://([^:/]+):(\d+)(/\S*)", exporter)
if uri and uri.group(1) == "nginx" and shares_network("nginx-exporter", "nginx"):
    status_port = uri.group(2)
    if any(p.split("/")[0].endswith(":" + status_port) or p.split("/")[0] == status_port for p in ports("nginx")):
        say("bad", f"nginx publishes its status port {status_port}")
    else:
        say("ok", f"nginx-exporter reads http://nginx:{status_port}{uri.group(3)}; nginx does not publish {status_port}")
    # The port Nginx listens on for it is nginx/'s default (nginx/render.sh), not set here.
    render = open(os.path.join(top, "nginx/render.sh")).read()
    default = re.search(r"NGINX_STATUS_PORT:-(\d+)", render)
    if default is None:
        say("note", "nginx/render.sh does not define NGINX_STATUS_PORT (yet): the exporter's port is unchecked against it")
    elif default.group(1) == status_port:
        say("ok", f"the exporter's port is Nginx's NGINX_STATUS_PORT default ({status_port}, nginx/render.sh)")
    else:
        say("bad", f"the exporter reads port {status_port}, nginx/render.sh's NGINX_STATUS_PORT default is {default.group(1)}")
else:
    say("bad", f"nginx-exporter must read --nginx.scrape-uri=http://nginx:PORT/... on a network shared with nginx ({exporter!r})")

# Grafana: no way in without the password, nothing calls home, provisioning where Grafana reads it.
env = services.get("grafana", {}).get("environment", {})
expected_env = {
    "GF_SECURITY_ADMIN_PASSWORD": "check-value",  # .env.example's empty value, as filled in above
    "GF_AUTH_ANONYMOUS_ENABLED": "false", "GF_USERS_ALLOW_SIGN_UP": "false",
    "GF_ANALYTICS_REPORTING_ENABLED": "false", "GF_ANALYTICS_CHECK_FOR_UPDATES": "false",
    "GF_ANALYTICS_CHECK_FOR_PLUGIN_UPDATES": "false", "GF_NEWS_NEWS_FEED_ENABLED": "false",
    "GF_PLUGINS_PREINSTALL_DISABLED": "true",
}
wrong = {k: env.get(k) for k, v in expected_env.items() if str(env.get(k)) != v}
if wrong:
    say("bad", f"grafana's environment: {wrong}")
else:
    say("ok", "grafana: the admin password from .env, no anonymous access, no sign-up, no reporting or update checks")
provisioning = host_path("grafana", "/etc/grafana/provisioning")
if provisioning and os.path.realpath(provisioning) == os.path.join(top, "monitoring/grafana/provisioning"):
    say("ok", "grafana reads monitoring/grafana/provisioning as /etc/grafana/provisioning")
    providers = [p for f in sorted(os.listdir(os.path.join(provisioning, "dashboards"))) if f.endswith((".yml", ".yaml"))
                 for p in (yaml.safe_load(open(os.path.join(provisioning, "dashboards", f))) or {}).get("providers", [])]
    for provider in providers:
        path = provider.get("options", {}).get("path", "")
        source = host_path("grafana", path)
        if source and os.path.isdir(source) and any(f.endswith(".json") for f in os.listdir(source)):
            say("ok", f"grafana's dashboard provider {provider.get('name')} reads {path}: {os.path.relpath(source, top)}")
        else:
            say("bad", f"grafana's dashboard provider {provider.get('name')} reads {path}, which no mount fills with dashboards")
    home = env.get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")
    if home and not (host_path("grafana", home) and os.path.isfile(host_path("grafana", home))):
        say("bad", f"grafana's home dashboard {home} is not a mounted file")
    datasources = [d for f in sorted(os.listdir(os.path.join(provisioning, "datasources"))) if f.endswith((".yml", ".yaml"))
                   for d in (yaml.safe_load(open(os.path.join(provisioning, "datasources", f))) or {}).get("datasources", [])]
    url = re.match(r"http://([^:/]+):(\d+)", datasources[0].get("url", "")) if datasources else None
    if url and url.group(1) == "prometheus" and url.group(2) == "9090" and shares_network("grafana", "prometheus"):
        say("ok", f"grafana's data source {datasources[0].get('url')} is the prometheus service, on a network they share")
    else:
        say("bad", "grafana's data source must be http://prometheus:9090 (Prometheus's port in its container) on a shared network")
else:
    say("bad", "grafana must mount monitoring/grafana/provisioning at /etc/grafana/provisioning")
if networks("grafana") & networks("db"):
    say("bad", "grafana shares a network with the database: it needs Prometheus only")

# The image's Prometheus is of the major version whose promtool checks monitoring/ (./stride test).
tag = services.get("prometheus", {}).get("image", "").rpartition(":")[2]
major = re.match(r"v?(\d+)\.", tag)
if not promtool_major:
    say("note", "no promtool here: the prometheus image's major version is unchecked")
elif major and major.group(1) == promtool_major:
    say("ok", f"the prometheus image ({tag}) has the major version of the promtool that checks its configuration ({promtool_major})")
else:
    say("bad", f"the prometheus image ({tag}) is not of promtool's major version {promtool_major}: monitoring/check.sh would not vouch for it")
PY
report "$scratch/monitoring-checks" "the monitoring profile in the resolved docker-compose.yml"

echo "docker checks: $passed ok, $failed failed"
((failed == 0))
