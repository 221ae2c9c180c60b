#!/usr/bin/env bash
# Instructions per `health` call on the client's side of the round trip (issue 15): runs
# `odop-bench roundtrip --round-trips N` under Valgrind's callgrind (the service is hosted in the
# same process, so both sides are counted) and prints, per call, the instructions of the typed
# `CommandClient.call(Health.self, …)` and of its parts: building the request frame, the exchange
# on the socket, and reading the reply (roundtrip-instructions.py). Unlike CPU time, instruction
# counts do not move with the machine's load. About 2 minutes for N = 2000.
#
#   docs/performance/profile/roundtrip-instructions.sh $(swift build -c release --show-bin-path)/odop-bench /tmp/roundtrip [N]
#
# Valgrind 3.19 needs the executable without its DWARF 5 debug info and valgrind-sigsuspend.c
# preloaded, both made by valgrind-prepare.sh. Needs valgrind and gcc. The dump stays in OUT.
set -euo pipefail
bin="$1"
out="$2"
n="${3:-2000}"
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/valgrind-prepare.sh" "$bin" "$out" odop-bench
LD_PRELOAD="$out/valgrind-sigsuspend.so" valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
    "$out/odop-bench" roundtrip --round-trips "$n" >"$out/bench.log" 2>&1
python3 "$here/roundtrip-instructions.py" "$out/callgrind.out"
