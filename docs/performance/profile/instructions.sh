#!/usr/bin/env bash
# Instructions per command of odop-catalogue (issue 15): starts BIN under Valgrind's callgrind
# (scratch data dir in OUT, free loopback ports, ops HTTP off), drives `health`, `product.get`
# and `product.register` N and 2N times each from one REQ client (instructions.py) and prints the
# instructions per command by difference, all threads of the service counted. Instruction counts
# do not depend on the machine's load, unlike CPU time (profile.sh). Then, per command, the
# functions with the most instructions of their own (callgrind-self.py).
#
#   docs/performance/profile/instructions.sh $(swift build -c release --show-bin-path)/odop-catalogue /tmp/instructions [N]
#
# Valgrind 3.19 (Debian 12) needs two things for a Swift 6 binary, both made by valgrind-prepare.sh:
# - the executable without its DWARF 5 debug info (its reader stops at form 0x25, "Possibly
#   corrupted debuginfo"): a copy made with `objcopy --strip-debug` (the symbol table stays, so
#   callgrind still names functions);
# - valgrind-sigsuspend.c preloaded: see its comment (libdispatch's read-only sigsuspend mask).
# Needs valgrind, gcc, python3-zmq. The callgrind dumps stay in OUT (callgrind_annotate them).
set -euo pipefail
bin="$1"
out="$2"
n="${3:-200}"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"
rm -rf "$out/data" "$out"/callgrind.out.*
. "$here/valgrind-prepare.sh" "$bin" "$out" odop-catalogue

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
commands="tcp://127.0.0.1:$(free_port)"
LD_PRELOAD="$out/valgrind-sigsuspend.so" valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out.%p" \
    "$out/odop-catalogue" --data-dir "$out/data" --commands-bind "$commands" \
    --events-bind "tcp://127.0.0.1:$(free_port)" --http-bind none >"$out/service.log" 2>&1 &
service=$!
trap 'kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true' EXIT

# The first request waits (up to 120 s) for the service to bind; callgrind starts it slowly.
python3 "$here/instructions.py" "$commands" "$service" "$n" "$out"
