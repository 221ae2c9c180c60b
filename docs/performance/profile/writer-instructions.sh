#!/usr/bin/env bash
# Instructions per write of the service's writer thread (issue 15): runs `odop-bench writes`
# (16 clients, 15 s) under Valgrind's callgrind and prints, per acknowledged write, the
# instructions of GroupWriter.run and of its parts (writer-instructions.py): the group's
# transaction, each command's savepoint, the handler, the event, the audit entry, the stored
# reply. Under Valgrind the threads take turns, so groups are smaller than on the machine (the
# script prints their mean size); instruction counts per write do not move with the load. The
# bench's "written bytes/op" is printed too. About 1 minute.
#
#   docs/performance/profile/writer-instructions.sh $(swift build -c release --show-bin-path)/odop-bench /tmp/writer
#
# Valgrind 3.19 needs the executable without its DWARF 5 debug info and valgrind-sigsuspend.c
# preloaded, both made by valgrind-prepare.sh. Needs valgrind and gcc. The dump stays in OUT.
set -euo pipefail
bin="$1"
out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/valgrind-prepare.sh" "$bin" "$out" odop-bench
LD_PRELOAD="$out/valgrind-sigsuspend.so" valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
    "$out/odop-bench" writes --duration 15 --clients 16 >"$out/bench.log" 2>&1
grep -o 'written bytes/op [0-9,]*' "$out/bench.log" || true
python3 "$here/writer-instructions.py" "$out/callgrind.out"
