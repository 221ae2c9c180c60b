# Sourced by the profile scripts that run the real odop-catalogue beside a raw libzmq baseline
# (health-threads.sh, catalogue-health-triples.sh); needs python3 and zmqpeer in $zmqpeer.
#
#   start_catalogue BINARY DATA_DIR   starts it on free loopback ports with a fresh data directory
#                                     (ODOP_LOG_LEVEL=warning, no ops HTTP, as the peer bench runs
#                                     it), waits for its first health reply, and sets
#                                     catalogue_pid and catalogue_commands (its command endpoint)
#   stop_catalogue DATA_DIR           stops it and removes the data directory

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_catalogue() {
    local events
    catalogue_commands="tcp://127.0.0.1:$(free_port)"
    events="tcp://127.0.0.1:$(free_port)"
    mkdir -p "$2"
    env ODOP_HTTP_BIND=none ODOP_DATA_DIR="$2" ODOP_COMMANDS_BIND="$catalogue_commands" \
        ODOP_EVENTS_BIND="$events" ODOP_LOG_LEVEL=warning "$1" >/dev/null 2>&1 &
    catalogue_pid=$!
    "$zmqpeer" wait-health "$catalogue_commands" 15 >/dev/null
}

stop_catalogue() {
    kill "$catalogue_pid"
    wait "$catalogue_pid" 2>/dev/null
    rm -rf "$1"
}
