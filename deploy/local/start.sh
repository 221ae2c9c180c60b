#!/usr/bin/env bash
# Starts the whole system locally, in the foreground: every service, each with its own embedded
# SQLite database under ./data, the real ODOP list loaded into the catalogue, and a `file`
# notification subscription so that every change shows up in $ODOP_DATA_DIR/inbox.jsonl.
# Ctrl-C stops everything (SIGTERM to each service, which exits cleanly).
#
# Usage: deploy/local/start.sh [--secure]   start (in the foreground) and print a status line
#        deploy/local/start.sh stop         stop a system that start.sh runs (from another
#                                           terminal, or a script); waits until it has stopped
#
# Environment: ODOP_DATA_DIR (default ./data), ODOP_CSV (default ../shared/data/One District One
# Product.csv), ODOP_GI_REGISTRY (default ../shared/data/Total Registered GI details of GI
# Application in India.txt), BUILD_CONFIGURATION (default release), ODOP_BIN_DIR (a folder that
# already holds the built executables, odop-* and odopctl: nothing is built, e.g.
# ODOP_BIN_DIR=$(swift build --show-bin-path)). Where each service listens: the variables odopctl
# and the followers read, ODOP_<SERVICE>_COMMANDS and ODOP_<SERVICE>_EVENTS (defaults
# tcp://127.0.0.1:7101 and 7102 for the catalogue, 72xx exports, 73xx training, 74xx
# notifications) and ODOP_<SERVICE>_HTTP (the ops endpoint, default http://127.0.0.1:9101, 9201,
# 9301, 9401). While it runs, $ODOP_DATA_DIR/start.pid holds start.sh's process id (for `stop`).
#
# Secure mode: `deploy/local/start.sh --secure` (or ODOP_SECURE=1) makes a CURVE key pair for
# every service and for odopctl under $ODOP_DATA_DIR/keys (once; kept across runs), writes the
# allowlist (odopctl admin, each service as `service`) and starts everything with CURVE on; the
# odopctl commands it prints use the keys through $ODOP_DATA_DIR/keys/odopctl.conf.
set -euo pipefail
secure=${ODOP_SECURE:-0}
action=start
for arg in "$@"; do
  case "$arg" in
    --secure) secure=1 ;;
    stop) action=stop ;;
    *) echo "usage: $0 [--secure] | $0 stop" >&2; exit 64 ;;
  esac
done
cd "$(dirname "$0")/../.."
root=$(pwd)
data=${ODOP_DATA_DIR:-$root/data}
pidfile="$data/start.pid"

if [ "$action" = stop ]; then
  # Stops the start.sh that runs on this data directory: SIGTERM makes it stop every service.
  pid=$(cat "$pidfile" 2>/dev/null || true)
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
    echo "not running (no live start.sh in $pidfile)"
    rm -f "$pidfile"
    exit 0
  fi
  echo "stopping the system started by start.sh (pid $pid)..."
  kill -TERM "$pid"
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { echo "stopped"; exit 0; }
    sleep 0.1
  done
  echo "start.sh (pid $pid) is still running after 60 s; see the logs in $data" >&2
  exit 1
fi

./deploy/local/install-dependencies.sh

if [ -n "${ODOP_BIN_DIR:-}" ]; then
  bin=$ODOP_BIN_DIR
  for name in odop-catalogue odop-exports odop-training odop-notifications odopctl; do
    [ -x "$bin/$name" ] || { echo "ODOP_BIN_DIR=$bin has no executable $name (build first, or unset it)" >&2; exit 1; }
  done
  echo "using the executables in $bin (ODOP_BIN_DIR; nothing built)"
else
  config=${BUILD_CONFIGURATION:-release}
  echo "building ($config)..."
  swift build -c "$config"
  bin=$(swift build -c "$config" --show-bin-path)
fi

# Where each service listens; exported, so that followers and odopctl find them too.
default_port() { # service, kind (commands events http)
  local base
  case "$1" in catalogue) base=71 ;; exports) base=72 ;; training) base=73 ;; notifications) base=74 ;; esac
  case "$2" in commands) echo "${base}01" ;; events) echo "${base}02" ;; http) echo "$((base + 20))01" ;; esac
}
for name in catalogue exports training notifications; do
  upper=${name^^}
  commands_var="ODOP_${upper}_COMMANDS" events_var="ODOP_${upper}_EVENTS" http_var="ODOP_${upper}_HTTP"
  export "$commands_var=${!commands_var:-tcp://127.0.0.1:$(default_port "$name" commands)}"
  export "$events_var=${!events_var:-tcp://127.0.0.1:$(default_port "$name" events)}"
  export "$http_var=${!http_var:-http://127.0.0.1:$(default_port "$name" http)}"
done
csv=${ODOP_CSV:-$root/../shared/data/One District One Product.csv}
gi=${ODOP_GI_REGISTRY:-$root/../shared/data/Total Registered GI details of GI Application in India.txt}
if [ -f "$gi" ]; then export ODOP_GI_REGISTRY="$gi"; else unset ODOP_GI_REGISTRY; fi
mkdir -p "$data"
data=$(cd "$data" && pwd)  # absolute: the file channel's path must be
pidfile="$data/start.pid"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "start.sh already runs on $data (pid $(cat "$pidfile")); stop it with: $0 stop" >&2
  exit 1
fi
echo $$ >"$pidfile"
services=(catalogue exports training notifications)
if [ "$secure" = 1 ]; then
  keys="$data/keys"
  mkdir -p "$keys"
  chmod 700 "$keys"
  for name in "${services[@]}" odopctl; do
    [ -f "$keys/$name.key" ] || "$bin/odopctl" keys generate "$name" --dir "$keys" >/dev/null
  done
  {
    echo "# written by deploy/local/start.sh --secure"
    echo "$(cat "$keys/odopctl.pub") odopctl admin"
    for name in "${services[@]}"; do echo "$(cat "$keys/$name.pub") $name service"; done
  } >"$keys/authorized_keys"
  export ODOP_AUTHORIZED_KEYS="$keys/authorized_keys"
  {
    echo "ODOP_CURVE_PUBLIC_KEY_FILE=$keys/odopctl.pub"
    echo "ODOP_CURVE_SECRET_KEY_FILE=$keys/odopctl.key"
    for name in "${services[@]}"; do echo "ODOP_${name^^}_PUBLIC_KEY_FILE=$keys/$name.pub"; done
  } >"$keys/odopctl.conf"
  export ODOP_CONFIG="$keys/odopctl.conf"
  echo "secure mode: CURVE on, keys and allowlist in $keys"
fi
pids=()
stop_all() { # the exit status: 0 after Ctrl-C or `start.sh stop`, the failure's otherwise
  trap - INT TERM EXIT
  echo
  echo "stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -f "$pidfile"
  echo "stopped. Logs and databases are in $data"
  exit "$1"
}
trap 'stop_all 0' INT TERM
trap 'stop_all $?' EXIT

start_service() {
  local name=$1
  local upper=${name^^}
  local commands_var="ODOP_${upper}_COMMANDS" events_var="ODOP_${upper}_EVENTS" http_var="ODOP_${upper}_HTTP"
  # The service binds where odopctl and its followers look for it.
  export ODOP_COMMANDS_BIND=${!commands_var} ODOP_EVENTS_BIND=${!events_var} ODOP_HTTP_BIND=${!http_var#http://}
  if [ "$secure" = 1 ]; then
    # The service's own pair and the public keys of the services it follows (notifications
    # follows the other three); odopctl's settings (ODOP_CONFIG) are not the service's environment.
    ODOP_DATA_DIR="$data/$name" ODOP_CURVE_SECRET_KEY_FILE="$keys/$name.key" ODOP_CURVE_PUBLIC_KEY_FILE="$keys/$name.pub" \
      ODOP_CATALOGUE_PUBLIC_KEY_FILE="$keys/catalogue.pub" ODOP_EXPORTS_PUBLIC_KEY_FILE="$keys/exports.pub" \
      ODOP_TRAINING_PUBLIC_KEY_FILE="$keys/training.pub" "$bin/odop-$name" >>"$data/$name.log" 2>&1 &
  else
    ODOP_DATA_DIR="$data/$name" "$bin/odop-$name" >>"$data/$name.log" 2>&1 &
  fi
  pids+=($!)
  for _ in $(seq 1 100); do
    if "$bin/odopctl" status --service "$name" --timeout 0.2 --retries 0 >/dev/null 2>&1; then
      echo "started odop-$name (pid ${pids[-1]}, log $data/$name.log)"
      return 0
    fi
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then
      echo "odop-$name failed to start; its log says:" >&2
      tail -20 "$data/$name.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "odop-$name did not become healthy; see $data/$name.log" >&2
  exit 1
}

start_service catalogue
start_service exports

# Training hashes Aadhaar numbers with a deployment secret (mode 0600). Locally it is made once
# beside its database and kept: a new key would make every stored hash unmatchable.
key=${ODOP_IDENTITY_KEY_FILE:-$data/training-identity.key}
if [ ! -f "$key" ]; then
  (umask 077; head -c 48 /dev/urandom > "$key")
  echo "made the training identity key $key (keep it with the database)"
fi
export ODOP_IDENTITY_KEY_FILE="$key"
start_service training
# Local start only: webhooks to loopback receivers are allowed (never in production).
ODOP_WEBHOOK_ALLOW_PRIVATE="${ODOP_WEBHOOK_ALLOW_PRIVATE:-loopback}" start_service notifications

# A file channel, so that a newcomer sees notifications arrive: every event of every service,
# one JSON line each (made once; kept across runs with the database).
inbox="$data/inbox.jsonl"
if ! "$bin/odopctl" notifications subscriptions list --json 2>/dev/null | grep -qF "inbox.jsonl"; then
  "$bin/odopctl" notifications subscriptions create --name "Local start" --role "newcomer" --file "$inbox" \
    --type catalogue. --type exports. --type training. >/dev/null
  echo "subscribed the file channel $inbox to every event"
fi

if [ -f "$csv" ]; then
  echo "loading the ODOP list from $csv"
  "$bin/odopctl" catalogue import "$csv"
else
  echo "warning: $csv not found; the catalogue starts empty (set ODOP_CSV)" >&2
fi

# Exports and training follow the catalogue: wait until they have applied every catalogue event.
for _ in $(seq 1 300); do
  "$bin/odopctl" call exports health --json 2>/dev/null | grep -q '"lag":0' \
    && "$bin/odopctl" call training health --json 2>/dev/null | grep -q '"lag":0' && break
  sleep 0.1
done
"$bin/odopctl" status --service catalogue --service exports --service training --service notifications || true
up=()
for name in catalogue exports training notifications; do
  upper=${name^^}
  commands_var="ODOP_${upper}_COMMANDS" http_var="ODOP_${upper}_HTTP"
  if "$bin/odopctl" status --service "$name" --timeout 1 --retries 0 >/dev/null 2>&1; then state=up; else state=DOWN; fi
  up+=("$name $state at ${!commands_var} (ops ${!http_var})")
done
echo
echo "status: $(IFS=';'; echo "${up[*]}" | sed 's/;/; /g')"
echo "file channel: every notification is a line of $inbox (tail -f it)"
echo "stop: Ctrl-C here, or $0 stop from another terminal"
echo
echo "The system is running. Try:"
echo "  $bin/odopctl catalogue products list --state \"Uttar Pradesh\" --sector handicraft"
echo "  $bin/odopctl exports plans list --state \"Uttar Pradesh\""
echo "  $bin/odopctl training schemes list"
echo "  $bin/odopctl notifications subscriptions create --name Ops --role ops --log ops --type exports.plan."
echo "  $bin/odopctl notifications deliveries tail"
echo "  $bin/odopctl events tail"
if [ "$secure" = 1 ]; then echo "(secure mode: odopctl reads its keys from ODOP_CONFIG=$ODOP_CONFIG)"; fi
echo "Press Ctrl-C to stop."
wait
