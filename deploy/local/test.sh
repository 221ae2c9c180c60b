#!/usr/bin/env bash
# Runs every test on a fresh machine: installs missing dependencies, builds all products (the
# integration tests start the real executables) and the tests, then runs the test targets in a
# few groups, one `swift test` process each.
#
# Why groups: Swift Testing runs every test of a process on the Swift concurrency pool, which
# has one thread per core (two on these machines). The integration suites start real processes
# and wait for them, so in one process they keep the pool's threads busy for long stretches and
# the quick unit suites beside them hit their time limits. A group per process keeps them apart.
# Arguments (e.g. --filter X) run one `swift test` with them instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
./deploy/local/install-dependencies.sh
swift build --build-tests
if [ $# -gt 0 ]; then
  exec swift test --skip-build "$@"
fi
groups=(
  "ZeroMQTests|MessagesTests|RuntimeTests"
  "CatalogueTests|ExportsTests|StateVocabularyTests"
  "TrainingTests"
  "NotificationsTests"
  "IntegrationTests"
  "NetworkTests|DeploymentTests"
  "ReliabilityTests"
)
failed=0
# A bounded run of the coverage-guided fuzzer over the request and argument decoders (longer
# runs: Tools/fuzz/fuzz.sh SECONDS by hand); before the reliability group, whose summary
# reports its executions. ODOP_FUZZ_SECONDS=0 skips it.
fuzz_seconds="${ODOP_FUZZ_SECONDS:-20}"
if [ "$fuzz_seconds" -gt 0 ]; then
  echo "== Tools/fuzz/fuzz.sh $fuzz_seconds"
  ./Tools/fuzz/fuzz.sh "$fuzz_seconds" || failed=1
fi
for group in "${groups[@]}"; do
  echo "== swift test --filter '$group'"
  swift test --skip-build --filter "^($group)\." || failed=1
done
exit $failed
