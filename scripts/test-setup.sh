#!/bin/sh
# Install what the test suite needs beyond Python packages: a PostgreSQL server (initdb, pg_ctl)
# for tests/pg_fixture.py, which starts a throwaway cluster itself; Chromium, its driver and Arabic
# fonts for the headless-browser web test (tests/test_web_browser.py). Idempotent: installs only
# what is missing (PostgreSQL binaries on PATH or in Debian's /usr/lib/postgresql/<version>/bin).
set -eu

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

have_postgres() {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        return 0
    fi
    for bin in /usr/lib/postgresql/*/bin; do
        if [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ]; then
            return 0
        fi
    done
    return 1
}

have_browser() {
    [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -d /usr/share/fonts/truetype/noto ]
}

packages=""
have_postgres || packages="postgresql"
have_browser || packages="$packages chromium chromium-driver fonts-noto-core"
if [ -z "$packages" ]; then
    exit 0
fi

$SUDO apt-get update -qq
# shellcheck disable=SC2086 # one word per package
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $packages
# The Debian package starts a system-wide server; the tests do not use it.
$SUDO service postgresql stop >/dev/null 2>&1 || true
