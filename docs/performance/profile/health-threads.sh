#!/usr/bin/env bash
# Where a `health` round trip's time goes, thread by thread, against raw libzmq (issue 15): the
# real odop-catalogue answering `health` to a C REQ client, beside zmqpeer's raw REP echo (512 B)
# in the same run. Per server thread and per round trip it prints the CPU time the kernel
# accounted to the thread (/proc/<pid>/task/<tid>/schedstat, nanoseconds: user and kernel work,
# including the cost of being switched in and out) and its voluntary and involuntary context
# switches (/proc/<pid>/task/<tid>/status); then, in a shorter run under strace -ff, the system
# calls each thread made per round trip. The client's own latency line (zmqpeer's JSON) comes
# first in each block. Pairs alternate raw and catalogue; about 30 s per pair.
#
#   docs/performance/profile/health-threads.sh ZMQPEER CATALOGUE [PAIRS]
#
# ZMQPEER: the peer bench's zmqpeer (../shared/peer-bench/zmqpeer.c; run.sh builds it under its
# OUT directory, or: gcc -O2 -o zmqpeer zmqpeer.c -lzmq). Needs strace and python3.
set -u
zmqpeer="$1"
catalogue="$2"
pairs="${3:-3}"
round_trips=20000
traced_round_trips=3000
work=$(mktemp -d)
server=""
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
. "$(cd "$(dirname "$0")" && pwd)/catalogue-process.sh"

# One line per thread: tid, name, CPU ns, voluntary switches, involuntary switches.
snapshot() {
    for task in /proc/"$1"/task/*; do
        printf '%s %s %s %s\n' "${task##*/}" "$(tr ' ' _ <"$task/comm")" "$(cut -d' ' -f1 "$task/schedstat")" \
            "$(awk '/^voluntary_ctxt/ {v=$2} /^nonvoluntary_ctxt/ {n=$2} END {print v, n}' "$task/status")"
    done | sort
}

# The difference of two snapshots per round trip, threads that used at least 0.05 µs.
per_round_trip() {
    join "$1" "$2" | awk -v n="$3" '{
        cpu = ($7 - $3) / n / 1000; voluntary = ($8 - $4) / n; involuntary = ($9 - $5) / n
        if (cpu >= 0.05) printf "  %-18s %7.2f CPU µs  %5.2f voluntary  %5.2f involuntary switches\n", $2, cpu, voluntary, involuntary
        total += cpu
    } END { printf "  %-18s %7.2f CPU µs\n", "all threads", total }'
}

# System calls per round trip of each thread that made at least 100 in the traced run.
syscalls_per_round_trip() {
    for file in "$1".*; do
        [ "$(wc -l <"$file")" -ge 100 ] || continue
        tid="${file##*.}"
        printf '  %-18s %s\n' "$(tr ' ' _ <"/proc/$2/task/$tid/comm" 2>/dev/null || echo "$tid")" \
            "$(awk -v n="$3" '{ name = $0; sub(/\(.*/, "", name); count[name]++ }
                END { for (c in count) if (count[c] / n >= 0.05) printf "%s %.2f  ", c, count[c] / n }' "$file")"
    done
}

# measure LABEL PID LATENCY_COMMAND...: the timed run with snapshots, then the traced run.
measure() {
    local label="$1" pid="$2"
    shift 2
    "$@" 2000 200 >/dev/null
    snapshot "$pid" >"$work/before"
    echo "$label $("$@" "$round_trips" 0)"
    snapshot "$pid" >"$work/after"
    per_round_trip "$work/before" "$work/after" "$round_trips"
    rm -f "$work/trace".*
    strace -f -ff -o "$work/trace" -p "$pid" 2>/dev/null &
    local tracer=$!
    sleep 1
    "$@" "$traced_round_trips" 0 >/dev/null
    sleep 0.3
    echo "  system calls per round trip ($traced_round_trips round trips under strace):"
    syscalls_per_round_trip "$work/trace" "$pid" "$traced_round_trips" | sed 's/^/  /'
    kill -INT "$tracer"
    wait "$tracer" 2>/dev/null
}

raw_lat() { "$zmqpeer" lat "$(cat "$work/zmq.ep")" "$1" "$2" 512; }
health_lat() { "$zmqpeer" lat-health "$catalogue_commands" "$1" "$2"; }

for i in $(seq 1 "$pairs"); do
    rm -f "$work/zmq.ep"
    "$zmqpeer" serve-rep "$work/zmq.ep" >/dev/null 2>&1 &
    server=$!
    while [ ! -s "$work/zmq.ep" ]; do sleep 0.1; done
    measure raw "$server" raw_lat
    kill "$server"
    wait "$server" 2>/dev/null

    start_catalogue "$catalogue" "$work/data"
    server=$catalogue_pid
    measure catalogue "$server" health_lat
    stop_catalogue "$work/data"
    server=""
done
