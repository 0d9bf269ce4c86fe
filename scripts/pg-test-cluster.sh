#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the test suite and prints its URL on stdout.
#
#   url=$(bash scripts/pg-test-cluster.sh)          # start; prints the URL (progress goes to stderr)
#   bash scripts/pg-test-cluster.sh start > env.sh  # start; prints `export TEST_DATABASE_URL=… PG_TEST_DIR=…`
#   source env.sh                                   #   for a shell to source
#   bash scripts/pg-test-cluster.sh stop <folder>   # stop it and remove its folder (PG_TEST_DIR)
#
# Run as root it installs Debian's postgresql with apt only when no server binaries exist, and runs the
# server as the `postgres` user (created if missing), since PostgreSQL refuses to run as root. Run as any
# other user it runs the server as that user. The server listens on 127.0.0.1 only, on a free port, with
# trust authentication: it is for tests on this machine, never for data that matters.
set -euo pipefail

log() { printf 'pg-test-cluster: %s\n' "$*" >&2; }

# Prints the folder holding initdb, pg_ctl and postgres: PATH first, then Debian's versioned folders.
find_bin_dir() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# Runs a command as the cluster's owner (the postgres user when we are root).
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${1:-}" in
  ""|start|stop) ;;
  *) echo "usage: pg-test-cluster.sh [start | stop <folder>]" >&2; exit 2 ;;
esac

if [[ "${1:-}" == "stop" ]]; then
  dir="${2:?usage: pg-test-cluster.sh stop <folder>}"
  bin_dir="$(find_bin_dir)"
  as_owner "$bin_dir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf -- "$dir"
  exit 0
fi

if ! bin_dir="$(find_bin_dir)"; then
  if [[ $EUID -ne 0 ]]; then
    log "no PostgreSQL server binaries found, and installing them needs root"
    exit 1
  fi
  log "installing postgresql with apt"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin_dir="$(find_bin_dir)"
fi

if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
  useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/pg-test.XXXXXX")"
if [[ $EUID -eq 0 ]]; then chown postgres: "$dir"; fi
chmod 700 "$dir"

as_owner "$bin_dir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  exit 1
}

# True when something already listens on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started=""
for _attempt in 1 2 3 4 5 6 7 8 9 10; do
  port=$((20000 + RANDOM % 40000))
  if port_in_use "$port"; then continue; fi
  # Another process may take the port between the check and the start: then try the next one.
  if as_owner "$bin_dir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=200" \
    start >/dev/null 2>&1; then
    started="$port"
    break
  fi
done
if [[ -z "$started" ]]; then
  log "could not start the server; its log:"
  cat "$dir/server.log" >&2 || true
  exit 1
fi

database="backtogether_test"
as_owner "$bin_dir/createdb" -h 127.0.0.1 -p "$started" -U postgres "$database"

url="postgres://postgres@127.0.0.1:$started/$database"
log "running from $dir (stop with: bash scripts/pg-test-cluster.sh stop $dir)"
if [[ "${1:-}" == "start" ]]; then
  # The tests read TEST_DATABASE_URL; DATABASE_URL stays unset so servers started by tests keep to SQLite.
  printf 'export TEST_DATABASE_URL=%q\nexport PG_TEST_DIR=%q\n' "$url" "$dir"
else
  echo "$url"
fi
