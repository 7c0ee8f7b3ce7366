#!/usr/bin/env bash
# Checks of the Docker deployment (docker-compose.yml, payara/Dockerfile, tester/Dockerfile,
# nginx/Dockerfile)
# that need no Docker engine; run at the end of ./stride test, a few seconds.
#
#  1. Debian's docker-compose parses and validates docker-compose.yml (`config -q`) with the
#     values of .env.example, and refuses it while any password is missing.
#  2. What compose publishes: Nginx on every interface, pgAdmin and the admin console on
#     127.0.0.1 only, the database and the backends nowhere; no container_name on backend.
#  3. Every file and folder docker-compose.yml and the Dockerfiles reference exists.
#  4. dockerfilelint (npm) finds nothing in the Dockerfiles.
#  5. The backend image starts Stride with the same command as the native launcher: its
#     ENTRYPOINT is payara/launch.sh, and launch.sh run in the image's layout passes Payara Micro
#     the same flags and the same pre-boot/post-boot files as ./stride run (a stand-in `java`
#     records them); the integration tests' Payara flags are among them; the admin profile's
#     clustering flags match the DAS configuration.
#  6. Versions agree: the Payara images and pom.xml's payara.version.
#  7. The schema is the backend's: the image build sees the migrations, and compose mounts no SQL
#     into the database image's initdb folder.
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
# test exports DB_*) nor a developer's .env decide the outcome: only the env file given.
compose() {
  local env_file="$1"
  shift
  env -i PATH="$PATH" HOME="$scratch" docker-compose --project-directory "$top" --env-file "$env_file" -f "$top/docker-compose.yml" "$@"
}
mapfile -t required < <(grep -o '\${[A-Z_][A-Z0-9_]*:?' docker-compose.yml | sed 's/^\${//; s/:?$//' | sort -u)
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
for var in "${required[@]}"; do
  grep -v "^$var=" "$scratch/env" >"$scratch/env-without"
  if compose "$scratch/env-without" config -q 2>/dev/null; then
    bad "docker-compose.yml starts without $var: a password default slipped in"
  else
    ok "docker-compose.yml refuses to start without $var"
  fi
done
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

expected = {"db", "backend", "nginx", "pgadmin", "tester", "admin"}
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
        if name in ("pgadmin", "admin") and host_ip == "127.0.0.1":
            continue
        say("bad", f"{name} publishes {port} beyond 127.0.0.1")
say("ok", "only nginx publishes on every interface; pgadmin and admin on 127.0.0.1 only") \
    if all(not s.get("ports") for n, s in services.items() if n in ("db", "backend")) else \
    say("bad", "db or backend publishes a port")
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
while IFS=$'\t' read -r status text; do
  case "$status" in ok) ok "$text" ;; bad) bad "$text" ;; *) note "$text" ;; esac
done <"$scratch/compose-checks"
[[ -s "$scratch/compose-checks" ]] || bad "could not read the resolved docker-compose.yml"

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

# --- 5. the image starts Stride as the native launcher does ---------------------------------
final_stage() { awk '/^FROM /{stage=""} {stage = stage $0 "\n"} END {printf "%s", stage}' payara/Dockerfile; }
final_stage >"$scratch/final-stage"
entrypoint="$(sed -n 's/^ENTRYPOINT \["\([^"]*\)".*/\1/p' "$scratch/final-stage")"
workdir="$(sed -n 's/^WORKDIR //p' "$scratch/final-stage" | tail -n 1)"
if [[ "$entrypoint" == "$workdir/payara/launch.sh" ]]; then
  ok "backend image: ENTRYPOINT is payara/launch.sh ($entrypoint)"
else
  bad "backend image: ENTRYPOINT is '$entrypoint', not $workdir/payara/launch.sh"
fi
grep -q '^CMD \[\]' "$scratch/final-stage" && ok "backend image: no arguments added to launch.sh (CMD [])" \
  || bad "backend image: CMD must be [] (launch.sh takes its settings from the environment)"

# The image's file system, as far as the launcher sees it, rebuilt under $root from the final
# stage: COPY from the context copies the repository's file, COPY --from=build stands in an
# empty file (the WAR and the driver), ENV sets the environment.
root="$scratch/image"
mkdir -p "$root$workdir"
declare -A image_env=()
while read -r line; do
  case "$line" in
    COPY*)
      read -ra words <<<"${line#COPY }"
      from="" args=()
      for word in "${words[@]}"; do
        case "$word" in --from=*) from="${word#--from=}" ;; --*) ;; *) args+=("$word") ;; esac
      done
      dest="${args[-1]}"
      [[ "$dest" == /* ]] || dest="$workdir/$dest"
      for source in "${args[@]:0:${#args[@]}-1}"; do
        target="$root$dest"
        [[ "$dest" == */ ]] && target="$root$dest$(basename "$source")"
        mkdir -p "$(dirname "$target")"
        if [[ -n "$from" ]]; then : >"$target"; else cp -p "$source" "$target"; fi
      done
      ;;
  esac
done <"$scratch/final-stage"
while read -r assignment; do
  image_env["${assignment%%=*}"]="${assignment#*=}"
done < <(awk '/^ENV /{on=1; sub(/^ENV /, "")} on {line=$0; sub(/ *\\$/, "", line); n=split(line, parts, / +/); for (i = 1; i <= n; i++) if (parts[i] ~ /=/) print parts[i]; if ($0 !~ /\\$/) on=0}' "$scratch/final-stage")
# The base image's own payara-micro.jar (payara/micro puts it at /opt/payara/payara-micro.jar).
mkdir -p "$(dirname "$root${image_env[PAYARA_JAR]:-/missing}")" && : >"$root${image_env[PAYARA_JAR]:-/missing}"

mkdir -p "$scratch/bin"
cat >"$scratch/bin/java" <<'SH'
#!/bin/sh
for arg in "$@"; do printf '%s\n' "$arg"; done
SH
chmod +x "$scratch/bin/java"
# Runs a launch.sh with a stand-in java and a clean environment; prints its argv, one per line,
# with the installation folder written as <top> and the Payara Micro jar as <payara-micro.jar>.
launcher_argv() {
  local launcher="$1" prefix="$2" jar="$3"
  shift 3
  env -i PATH="$scratch/bin:/usr/bin:/bin" HOSTNAME=check "$@" "$launcher" \
    | sed "s|^$jar\$|<payara-micro.jar>|; s|^$prefix/|<top>/|"
}
mkdir -p "$scratch/native/target/runtime"
: >"$scratch/native/target/runtime/payara-micro.jar"
: >"$scratch/native/target/runtime/postgresql.jar"
: >"$scratch/native/target/stride.war"
native_argv="$(launcher_argv payara/launch.sh "$scratch/native" "$scratch/native/target/runtime/payara-micro.jar" \
  PAYARA_JAR="$scratch/native/target/runtime/payara-micro.jar" \
  JDBC_DRIVER_JAR="$scratch/native/target/runtime/postgresql.jar" STRIDE_WAR="$scratch/native/target/stride.war" \
  | sed "s|^$top/|<top>/|" || true)"
image_vars=()
for name in "${!image_env[@]}"; do
  value="${image_env[$name]}"
  [[ "$value" == /* ]] && value="$root$value"
  image_vars+=("$name=$value")
done
image_argv="$(launcher_argv "$root$entrypoint" "$root$workdir" "$root${image_env[PAYARA_JAR]:-}" "${image_vars[@]}" 2>&1 || true)"
if [[ -n "$native_argv" && "$native_argv" == "$image_argv" ]]; then
  ok "backend image and native launcher run Payara Micro with the same flags: $(echo "$native_argv" | grep -- '^--' | tr '\n' ' ')"
else
  bad "backend image and native launcher differ:"
  diff <(echo "$native_argv") <(echo "$image_argv") >&2 || true
fi
same_files=true
for file in pre-boot.asadmin post-boot.asadmin defaults.sh launch.sh; do
  cmp -s "payara/$file" "$root$workdir/payara/$file" || same_files=false
done
$same_files && grep -qx -- '<top>/payara/post-boot.asadmin' <<<"$image_argv" && grep -qx -- '<top>/payara/pre-boot.asadmin' <<<"$image_argv" \
  && ok "backend image uses the repository's payara/pre-boot.asadmin, post-boot.asadmin and defaults.sh" \
  || bad "backend image does not use the repository's payara/ files"
grep -qx -- '--nohazelcast' <<<"$image_argv" && ok "backend image: clustering off by default (--nohazelcast)" \
  || bad "backend image: clustering must be off unless PAYARA_CLUSTER=true"
# The integration tests (Arquillian, pom.xml) start Payara Micro with a subset of these flags.
it_flags="$(sed -n 's:.*<payara.extraMicroOptions>\(.*\)</payara.extraMicroOptions>.*:\1:p' pom.xml | grep -o -- '--[a-z]*' | sort -u)"
absent_flags="$(comm -23 <(echo "$it_flags") <(echo "$native_argv" | grep -- '^--' | sort -u))"
[[ -n "$it_flags" && -z "$absent_flags" ]] && ok "the integration tests' Payara flags are the launcher's ($(echo $it_flags))" \
  || bad "pom.xml's payara.extraMicroOptions has flags the launcher lacks: $absent_flags"

# The admin profile: PAYARA_CLUSTER=true joins the DAS that docker-compose names "das".
das="$("$python" -c 'import sys, yaml; c = yaml.safe_load(open(sys.argv[1])); print(c["services"]["backend"]["environment"]["PAYARA_DAS"])' "$scratch/resolved.yml" 2>/dev/null || true)"
cluster_argv="$(launcher_argv "$root$entrypoint" "$root$workdir" "$root${image_env[PAYARA_JAR]:-}" "${image_vars[@]}" PAYARA_CLUSTER=true PAYARA_DAS="$das" 2>&1 || true)"
das_host="${das%%:*}" das_port="${das##*:}"
if grep -qx -- "domain:$das" <<<"$cluster_argv" && ! grep -qx -- '--nohazelcast' <<<"$cluster_argv" \
  && grep -q -- "--dasPublicAddress=$das_host\b" payara/docker/admin/pre-boot-commands.asadmin \
  && grep -q -- "--dasPort=$das_port\b" payara/docker/admin/pre-boot-commands.asadmin \
  && grep -q "aliases: \[$das_host\]" docker-compose.yml; then
  ok "admin profile: PAYARA_CLUSTER=true gives --clustermode domain:$das, the DAS's alias and data grid port"
else
  bad "admin profile: the backends' PAYARA_DAS ($das), launch.sh and the DAS configuration disagree"
fi

# --- 6. versions ----------------------------------------------------------------------------
payara_version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)"
micro_tag="$(sed -n 's/^FROM payara\/micro:\([^ ]*\).*/\1/p' payara/Dockerfile)"
server_tag="$(sed -n 's/^ *image: payara\/server-full:\(.*\)$/\1/p' docker-compose.yml)"
[[ "$micro_tag" == "$payara_version-jdk17" ]] && ok "payara/micro:$micro_tag is pom.xml's Payara $payara_version" \
  || bad "payara/Dockerfile uses payara/micro:$micro_tag, pom.xml Payara $payara_version"
[[ "$server_tag" == "$payara_version-jdk17" ]] && ok "the admin console is the same Payara: payara/server-full:$server_tag" \
  || bad "docker-compose.yml uses payara/server-full:$server_tag, pom.xml Payara $payara_version"

# --- 7. the schema ---------------------------------------------------------------------------
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

echo "docker checks: $passed ok, $failed failed"
((failed == 0))
