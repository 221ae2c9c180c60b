#!/usr/bin/env bash
# The real odop-catalogue's `health` round trip from a C REQ client, two builds side by side with
# raw libzmq in between (issue 15): per triple, zmqpeer's raw REQ/REP echo (512 B), then each
# catalogue on free ports with a fresh data directory (ODOP_LOG_LEVEL=warning, as the peer bench
# runs it), in an order that alternates by triple. Prints one JSON line of zmqpeer per run,
# prefixed with raw, old or new.
#
#   docs/performance/profile/catalogue-health-triples.sh ZMQPEER OLD_CATALOGUE NEW_CATALOGUE [TRIPLES]
#
# ZMQPEER: the peer bench's zmqpeer (../shared/peer-bench/zmqpeer.c; run.sh builds it under its
# OUT directory, or: gcc -O2 -o zmqpeer zmqpeer.c -lzmq).
set -u
zmqpeer="$1"
old="$2"
new="$3"
triples="${4:-5}"
round_trips=20000
warmup=1000
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(cd "$(dirname "$0")" && pwd)/catalogue-process.sh"
catalogue() {  # BINARY LABEL
    start_catalogue "$1" "$work/data-$2"
    echo "$2 $("$zmqpeer" lat-health "$catalogue_commands" $round_trips $warmup)"
    stop_catalogue "$work/data-$2"
}
for i in $(seq 1 "$triples"); do
    rm -f "$work/zmq.ep"
    "$zmqpeer" serve-rep "$work/zmq.ep" >/dev/null 2>&1 &
    echo_pid=$!
    while [ ! -s "$work/zmq.ep" ]; do sleep 0.1; done
    echo "raw $("$zmqpeer" lat "$(cat "$work/zmq.ep")" $round_trips $warmup 512)"
    kill "$echo_pid"
    wait "$echo_pid" 2>/dev/null
    if [ $((i % 2)) = 1 ]; then
        catalogue "$old" old
        catalogue "$new" new
    else
        catalogue "$new" new
        catalogue "$old" old
    fi
done
