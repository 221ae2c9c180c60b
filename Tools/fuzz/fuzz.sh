#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer, Swift's -sanitize=fuzzer with AddressSanitizer) of the
# request decoder and every command's argument decoding (Tests/ReliabilityTests/FuzzInput.swift).
#
#   Tools/fuzz/fuzz.sh [seconds]      build, then fuzz for that long (default 60)
#
# The corpus lives in Tools/fuzz/corpus (kept in the repository: commit what a long run adds, after
# `-merge=1` if it grew large). A crash is written to Tools/fuzz/crashes/ and the run fails: keep
# the file there; FuzzRegressionTests replays every file of both folders through the decoders.
# Prints "fuzz executions: N" (the reliability suite's summary reads .build/fuzz/last-run.txt).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
build=.build/fuzz
mkdir -p "$build" Tools/fuzz/corpus Tools/fuzz/crashes
flags=(-sanitize=fuzzer,address -parse-as-library -g -Onone -swift-version 6)
# The messages module on its own (Foundation only), instrumented for coverage.
swiftc "${flags[@]}" -module-name ODOPMessages -emit-module -emit-module-path "$build/ODOPMessages.swiftmodule" \
    -emit-library -static -o "$build/libODOPMessages.a" $(find Shared/Messages -name '*.swift' | sort) 2> >(grep -v "Cannot export local symbol" >&2)
swiftc "${flags[@]}" -I "$build" -L "$build" -lODOPMessages -o "$build/odop-fuzz" \
    Tools/fuzz/Harness.swift Tests/ReliabilityTests/FuzzInput.swift Tests/ReliabilityTests/FuzzTargets.swift \
    2> >(grep -v "Cannot export local symbol" >&2)
# A scratch copy of the corpus takes the run's new inputs; they are merged back at the end.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
"$build/odop-fuzz" "$work" Tools/fuzz/corpus -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=Tools/fuzz/crashes/ -print_final_stats=1 > "$build/last-run.log" 2>&1 || status=$?
"$build/odop-fuzz" -merge=1 Tools/fuzz/corpus "$work" > /dev/null 2>&1 || true
runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$build/last-run.log" | grep -Eo '[0-9]+$' || echo 0)
echo "$runs" > "$build/last-run.txt"
tail -n 12 "$build/last-run.log"
echo "fuzz executions: $runs (corpus: $(ls Tools/fuzz/corpus | wc -l) inputs)"
if [ "$status" -ne 0 ]; then
    echo "the fuzzer found a crash: its input is in Tools/fuzz/crashes/ (keep it; FuzzRegressionTests replays it)" >&2
fi
exit "$status"
