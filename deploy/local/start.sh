#!/usr/bin/env bash
# Starts the whole system locally, in the foreground: every service built so far, each with its
# own embedded SQLite database under ./data, the real ODOP list loaded into the catalogue.
# Ctrl-C stops everything (SIGTERM to each service, which exits cleanly).
#
# Environment: ODOP_DATA_DIR (default ./data), ODOP_CSV (default ../shared/data/One District One
# Product.csv), ODOP_GI_REGISTRY (default ../shared/data/Total Registered GI details of GI
# Application in India.txt), BUILD_CONFIGURATION (default release), ODOP_BIN_DIR (use the
# executables already built there and do not build), and per service the endpoints it binds,
# which odopctl and the subscribers read too: ODOP_<SERVICE>_COMMANDS, ODOP_<SERVICE>_EVENTS
# (e.g. ODOP_CATALOGUE_COMMANDS=tcp://127.0.0.1:7101; default: the service's own defaults).
#
# Secure mode: `deploy/local/start.sh --secure` (or ODOP_SECURE=1) makes a CURVE key pair for
# every service and for odopctl under $ODOP_DATA_DIR/keys (once; kept across runs), writes the
# allowlist (odopctl admin, each service as `service`) and starts everything with CURVE on; the
# odopctl commands it prints use the keys through $ODOP_DATA_DIR/keys/odopctl.conf.
set -euo pipefail
secure=${ODOP_SECURE:-0}
for arg in "$@"; do
  case "$arg" in
    --secure) secure=1 ;;
    *) echo "usage: $0 [--secure]" >&2; exit 64 ;;
  esac
done
cd "$(dirname "$0")/../.."
root=$(pwd)
./deploy/local/install-dependencies.sh

config=${BUILD_CONFIGURATION:-release}
if [ -n "${ODOP_BIN_DIR:-}" ]; then
  bin=$ODOP_BIN_DIR
else
  echo "building ($config)..."
  swift build -c "$config"
  bin=$(swift build -c "$config" --show-bin-path)
fi

data=${ODOP_DATA_DIR:-$root/data}
csv=${ODOP_CSV:-$root/../shared/data/One District One Product.csv}
gi=${ODOP_GI_REGISTRY:-$root/../shared/data/Total Registered GI details of GI Application in India.txt}
if [ -f "$gi" ]; then export ODOP_GI_REGISTRY="$gi"; else unset ODOP_GI_REGISTRY; fi
mkdir -p "$data"
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
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "stopped. Logs and databases are in $data"
}
trap stop_all INT TERM EXIT

start_service() {
  local name=$1
  # Its binds: ODOP_<SERVICE>_COMMANDS/_EVENTS when given (empty: the service's defaults).
  local commands_var="ODOP_${name^^}_COMMANDS" events_var="ODOP_${name^^}_EVENTS"
  export ODOP_COMMANDS_BIND="${!commands_var:-}" ODOP_EVENTS_BIND="${!events_var:-}"
  if [ "$secure" = 1 ]; then
    # The service's own pair and the public keys of the services it follows; odopctl's
    # settings (ODOP_CONFIG) are not the service's environment.
    ODOP_DATA_DIR="$data/$name" ODOP_CURVE_SECRET_KEY_FILE="$keys/$name.key" ODOP_CURVE_PUBLIC_KEY_FILE="$keys/$name.pub" \
      ODOP_CATALOGUE_PUBLIC_KEY_FILE="$keys/catalogue.pub" ODOP_EXPORTS_PUBLIC_KEY_FILE="$keys/exports.pub" \
      ODOP_TRAINING_PUBLIC_KEY_FILE="$keys/training.pub" "$bin/odop-$name" >>"$data/$name.log" 2>&1 &
  else
    ODOP_DATA_DIR="$data/$name" "$bin/odop-$name" >>"$data/$name.log" 2>&1 &
  fi
  unset ODOP_COMMANDS_BIND ODOP_EVENTS_BIND
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
