#!/usr/bin/env bash
# Sourced by ops/test.sh: makes sure what the tests need is installed and running, and exports
# where to find it. Safe to run again; installs only what is missing.
#   KW_TEST_POSTGRES  connection string of a throwaway PostgreSQL cluster (unset: PostgreSQL tests skip)
# It also installs Debian's Chromium for the Studio's browser tests (missing: those tests skip).

kw_have_root() { [ "$(id -u)" = 0 ]; }

kw_apt_install() {
  kw_have_root || { echo "test-deps: need root to install $*" >&2; return 1; }
  if [ -z "${KW_APT_UPDATED:-}" ]; then apt-get update -qq >/dev/null && KW_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

kw_start_postgres() {
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$pgbin" ]; then
    kw_apt_install postgresql || return 1
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  local data=/tmp/kw-pgdata port=${KW_PG_PORT:-55432}
  if ! "$pgbin/pg_isready" -h 127.0.0.1 -p "$port" -q 2>/dev/null; then
    rm -rf "$data"; mkdir -p "$data"
    local run=()
    if kw_have_root; then chown postgres:postgres "$data"; run=(runuser -u postgres --); fi
    "${run[@]}" "$pgbin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >/dev/null || return 1
    "${run[@]}" "$pgbin/pg_ctl" -D "$data" -l "$data/log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k /tmp -c fsync=off -c max_connections=300" start >/dev/null || return 1
  fi
  export KW_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
}

# The Studio's Playwright tests drive /usr/bin/chromium; Playwright's own browser download is not used.
kw_install_chromium() {
  [ -x /usr/bin/chromium ] || kw_apt_install chromium fonts-liberation
}

if kw_install_chromium; then
  echo "test-deps: Chromium at /usr/bin/chromium"
else
  echo "test-deps: Chromium unavailable; the Studio browser tests will be skipped" >&2
fi

if kw_start_postgres; then
  echo "test-deps: PostgreSQL on 127.0.0.1:${KW_PG_PORT:-55432}"
else
  echo "test-deps: PostgreSQL unavailable; its tests will be skipped" >&2
fi
