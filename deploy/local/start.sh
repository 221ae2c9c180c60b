#!/usr/bin/env bash
# Starts the whole system locally, in the foreground: every service built so far, each with its
# own embedded SQLite database under ./data, the real ODOP list loaded into the catalogue.
# Ctrl-C stops everything (SIGTERM to each service, which exits cleanly).
#
# Environment: ODOP_DATA_DIR (default ./data), ODOP_CSV (default ../shared/data/One District One
# Product.csv), ODOP_GI_REGISTRY (default ../shared/data/Total Registered GI details of GI
# Application in India.txt), BUILD_CONFIGURATION (default release).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
./deploy/local/install-dependencies.sh

config=${BUILD_CONFIGURATION:-release}
echo "building ($config)..."
swift build -c "$config"
bin=$(swift build -c "$config" --show-bin-path)

data=${ODOP_DATA_DIR:-$root/data}
csv=${ODOP_CSV:-$root/../shared/data/One District One Product.csv}
gi=${ODOP_GI_REGISTRY:-$root/../shared/data/Total Registered GI details of GI Application in India.txt}
if [ -f "$gi" ]; then export ODOP_GI_REGISTRY="$gi"; else unset ODOP_GI_REGISTRY; fi
mkdir -p "$data"
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
  ODOP_DATA_DIR="$data/$name" "$bin/odop-$name" >>"$data/$name.log" 2>&1 &
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
"$bin/odopctl" status --service catalogue --service exports --service training || true
echo
echo "The system is running. Try:"
echo "  $bin/odopctl catalogue products list --state \"Uttar Pradesh\" --sector handicraft"
echo "  $bin/odopctl exports plans list --state \"Uttar Pradesh\""
echo "  $bin/odopctl training schemes list"
echo "  $bin/odopctl events tail"
echo "Press Ctrl-C to stop."
wait
