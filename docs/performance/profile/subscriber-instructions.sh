#!/usr/bin/env bash
# Instructions per event of the follower's subscriber thread, live and catching up (issue 15):
# runs `odop-bench events --quick` (20,000 events) under Valgrind's callgrind and prints, per
# event, the instructions of DurableSubscriber.receiveLive and DurableSubscriber.catchUp and of
# their parts (subscriber-instructions.py). Unlike CPU time, instruction counts do not move with
# the machine's load, so two builds can be compared on a busy machine. About 4 minutes.
#
#   docs/performance/profile/subscriber-instructions.sh $(swift build -c release --show-bin-path)/odop-bench /tmp/subscriber
#
# Valgrind 3.19 needs the executable without its DWARF 5 debug info and valgrind-sigsuspend.c
# preloaded, both made by valgrind-prepare.sh. Needs valgrind and gcc. The dump stays in OUT.
set -euo pipefail
bin="$1"
out="$2"
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/valgrind-prepare.sh" "$bin" "$out" odop-bench
LD_PRELOAD="$out/valgrind-sigsuspend.so" valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
    "$out/odop-bench" events --quick >"$out/bench.log" 2>&1
python3 "$here/subscriber-instructions.py" "$out/callgrind.out"
