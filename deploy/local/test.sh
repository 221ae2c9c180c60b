#!/usr/bin/env bash
# Runs every test on a fresh machine: installs missing dependencies, builds all products (the
# integration tests start the real executables), then `swift test`.
set -euo pipefail
cd "$(dirname "$0")/../.."
./deploy/local/install-dependencies.sh
swift build
swift test "$@"
