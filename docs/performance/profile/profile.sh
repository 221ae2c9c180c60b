#!/usr/bin/env bash
# CPU cost per command of odop-catalogue's hot path, and where it goes (perf's software cpu-clock
# sampler: this VM has no hardware counters; instruction counts come from instructions.sh, see
# docs/performance/instructions.md). Needs python3 with pyzmq and perf (Debian linux-perf); no test
# needs either.
#
#   docs/performance/profile/profile.sh BIN OUT [N]
#     BIN: an odop-catalogue (release: $(swift build -c release --show-bin-path)/odop-catalogue)
#     OUT: directory for summary.txt, perf.<command>.data and perf.<command>.txt
#     N:   commands per figure (default 5000), after 500 of each as warm-up
#
# It starts BIN on free loopback ports with a scratch data directory and drives it from one REQ
# client (driver.py). For each of `health`, `product.get` and `product.register` it reads the
# process's CPU time (utime+stime of every thread, /proc/PID/stat) before and after N commands,
# sampling the process with `perf record -e cpu-clock -g` meanwhile; summary.txt has CPU µs per
# command, perf.<command>.txt the top of `perf report --no-children`.
set -euo pipefail
BIN=$(realpath "$1")
OUT=$(mkdir -p "$2" && realpath "$2")
N=${3:-5000}
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=$(mktemp -d /tmp/odop-profile.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
COMMANDS=tcp://127.0.0.1:$(free_port)
EVENTS=tcp://127.0.0.1:$(free_port)
ODOP_DATA_DIR=$DATA ODOP_COMMANDS_BIND=$COMMANDS ODOP_EVENTS_BIND=$EVENTS ODOP_HTTP_BIND=none ODOP_LOG_LEVEL=warning \
    "$BIN" >"$OUT/service.log" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
python3 "$HERE/driver.py" "$COMMANDS" "$PID" "$N" "$OUT" | tee "$OUT/summary.txt"
