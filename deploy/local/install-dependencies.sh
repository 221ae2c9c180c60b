#!/usr/bin/env bash
# Installs what the project needs beyond the Swift toolchain, when it is missing:
# libzmq3-dev (found through pkg-config `libzmq`), libsqlite3-dev (GRDB), pkg-config, prometheus
# (for promtool: the tests check /metrics and the alerting rules with it), and pyzmq for the
# conformance checker in ../shared/conformance. Safe to run again.
set -euo pipefail

missing=()
pkg-config --exists libzmq 2>/dev/null || missing+=(libzmq3-dev)
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! python3 -c "import zmq" >/dev/null 2>&1; then
  echo "installing: pyzmq (for the conformance checker)"
  python3 -m pip install --quiet --disable-pip-version-check pyzmq 2>/dev/null \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages pyzmq
fi
