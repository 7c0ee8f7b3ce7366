#!/usr/bin/env bash
# Whether the tools people run accept Stride's OpenAPI document, against a running backend:
#
#   clients/check.sh BASE_URL      e.g. clients/check.sh http://127.0.0.1:8080 (the backend's root)
#
# 1. fetches BASE_URL/openapi (YAML, as served) into clients/java/target/openapi.yaml;
# 2. lints it with Redocly CLI's recommended rules (the version pinned in package.json): any error
#    fails, warnings are listed;
# 3. runs clients/java: openapi-generator makes a Java client from that file (validating it as a
#    specification), the client compiles, and its test records, lists and summarises sessions
#    through it against BASE_URL.
# Needs node/npm (for Redocly), a JDK and Maven; ./stride test runs it on its test backend.
set -euo pipefail
base="${1:?usage: clients/check.sh BASE_URL (the root of the backend, e.g. http://127.0.0.1:8080)}"
base="${base%/}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
spec="$here/java/target/openapi.yaml"
mkdir -p "$here/java/target"

# node, not curl: node is needed anyway, and curl may not be installed.
node -e '
  const [url, file] = process.argv.slice(1);
  fetch(url).then(async (answer) => {
    if (!answer.ok) throw new Error(`${url} answered ${answer.status}`);
    require("fs").writeFileSync(file, await answer.text());
  }).catch((error) => { console.error(`clients/check.sh: ${error.message}`); process.exit(1); });
' "$base/openapi" "$spec"

cd "$here"
[[ node_modules/.package-lock.json -nt package-lock.json ]] || npm ci --no-audit --no-fund --loglevel=error >/dev/null
echo "clients/check.sh: Redocly lint of $base/openapi"
npx --no-install redocly lint "$spec" --format=summary 2>&1 | grep -vE '^\s*(║|╔|╚)|^\s*$' \
  || { echo "clients/check.sh: Redocly found errors in the OpenAPI document (above)" >&2; exit 1; }

cd "$here/java"
mvn -B --no-transfer-progress verify -Dopenapi.spec="$spec" -Dstride.baseUrl="$base"
