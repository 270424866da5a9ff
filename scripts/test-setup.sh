#!/bin/sh
# Install what the test suite needs beyond Python packages: a PostgreSQL server (initdb, pg_ctl)
# for tests/pg_fixture.py, which starts a throwaway cluster itself. Idempotent: does nothing when
# the binaries are already there (on PATH or in Debian's /usr/lib/postgresql/<version>/bin).
set -eu

if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    exit 0
fi
for bin in /usr/lib/postgresql/*/bin; do
    if [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ]; then
        exit 0
    fi
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql
# The Debian package starts a system-wide server; the tests do not use it.
$SUDO service postgresql stop >/dev/null 2>&1 || true
