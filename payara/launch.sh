#!/usr/bin/env bash
# Starts Payara Micro with the Stride WAR in the foreground. The one way Stride is started:
# by ./stride run on a workstation and as the command of the backend's Docker image.
#
# Environment (defaults in brackets):
#   DB_HOST [127.0.0.1]  DB_PORT [5432]  DB_NAME [stride]  DB_USER [stride]  DB_PASSWORD []
#   DB_POOL_MIN [4]  DB_POOL_MAX [9]  DB_POOL_MAX_WAIT_MS [3000]
#   HTTP_PORT [8080]  HTTP_THREADS [8]
#   JAVA_OPTS [heap and GC settings below]
#   PAYARA_JAR, JDBC_DRIVER_JAR, STRIDE_WAR [target/runtime/..., target/stride.war]
#   PAYARA_ROOT_DIR [a temporary folder]  where Payara Micro unpacks itself
#   PAYARA_CLUSTER [false]  true: join the Domain Data Grid of the Payara Server DAS at
#     PAYARA_DAS [das:4900] (its data grid port), as the instance PAYARA_INSTANCE_NAME
#     [stride-$HOSTNAME]; docker-compose's admin profile. Otherwise: no Hazelcast at all.
#   STRIDE_LOG_FORMAT [text]  json: every log line a JSON object (payara/logging-json.properties)
#   STRIDE_* (MicroProfile Config, see README.md), passed through as they are.
#
# payara/launch.sh --print-options FILE writes the Payara Micro options every start shares (all
# but the port, the root folder and the deployment) as the Java property payara.extraMicroOptions
# into FILE and exits: the integration tests (pom.xml, Arquillian) start Payara Micro with them,
# so these flags are written here only.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(dirname "$here")"

# shellcheck source=payara/defaults.sh
source "$here/defaults.sh"
HTTP_PORT="${HTTP_PORT:-8080}"
PAYARA_JAR="${PAYARA_JAR:-$top/target/runtime/payara-micro.jar}"
JDBC_DRIVER_JAR="${JDBC_DRIVER_JAR:-$top/target/runtime/postgresql.jar}"
STRIDE_WAR="${STRIDE_WAR:-$top/target/stride.war}"
# A fixed heap keeps the process within 384 MiB of RSS; ParallelGC suits 2 cores and throughput.
# The young generation is fixed with survivors of 8 MiB: left to itself, ParallelGC shrank them to
# 1.5 MiB, so requests in flight were promoted at every collection and filled the old generation,
# and its full collections (180 ms) were the slowest answers. Code cache and metaspace are capped
# near what Stride uses (about 40 and 80 MiB).
JAVA_OPTS="${JAVA_OPTS:--Xms192m -Xmx192m -Xmn64m -XX:SurvivorRatio=6 -XX:-UseAdaptiveSizePolicy -Xss512k -XX:+UseParallelGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError}"
# glibc gives every thread that allocates its own malloc arena (64 MiB reserved, megabytes
# touched); two are plenty for a JVM, whose Java objects live in its heap.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# Clustering is opt-in. Off (native runs, tests, Docker without the admin profile): no Hazelcast,
# so no multicast and no cluster to join by accident. On: the instance finds the DAS by Payara's
# "domain" discovery and appears in its admin console; multicast stays off.
if [[ "${PAYARA_CLUSTER:-false}" == true ]]; then
  cluster=(--clustermode "domain:${PAYARA_DAS:-das:4900}" --name "${PAYARA_INSTANCE_NAME:-stride-${HOSTNAME:-micro}}")
else
  cluster=(--nohazelcast)
fi

# Never phone home: the machines Stride runs on are offline.
options=("${cluster[@]}" --disablephonehome
  --addlibs "$JDBC_DRIVER_JAR"
  --prebootcommandfile "$here/pre-boot.asadmin"
  --postbootcommandfile "$here/post-boot.asadmin")

# STRIDE_LOG_FORMAT=json: JSON lines from Payara's first line on (text otherwise, Payara's default
# until Stride is deployed; from then on Stride's formatter writes both, with request ids).
if [[ "${STRIDE_LOG_FORMAT:-text}" == json ]]; then
  options+=(--logproperties "$here/logging-json.properties")
fi

if [[ "${1:-}" == --print-options ]]; then
  [[ -n "${2:-}" ]] || { echo "usage: launch.sh --print-options FILE" >&2; exit 2; }
  mkdir -p "$(dirname "$2")"
  printf 'payara.extraMicroOptions=%s\n' "${options[*]}" >"$2"
  exit 0
fi

for file in "$PAYARA_JAR" "$JDBC_DRIVER_JAR" "$STRIDE_WAR"; do
  [[ -f "$file" ]] || { echo "launch.sh: $file is missing (build with: mvn package)" >&2; exit 2; }
done
flags=("${options[@]}" --port "$HTTP_PORT" --contextroot / --deploy "$STRIDE_WAR")
[[ -n "${PAYARA_ROOT_DIR:-}" ]] && flags+=(--rootdir "$PAYARA_ROOT_DIR")

# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
exec java $JAVA_OPTS -jar "$PAYARA_JAR" "${flags[@]}"
