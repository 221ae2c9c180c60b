#!/usr/bin/env bash
# Regenerates docs/CONFIGURATION.md from the executables' own --experimental-dump-help (every
# executable product of Package.swift but odop-bench), through the same code that the test
# ConfigurationReferenceTests compares the document with. Run after changing an option, and
# commit the result.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build
ODOP_WRITE_CONFIGURATION_REFERENCE=1 swift test --filter "ConfigurationReferenceTests/documentMatchesTheExecutables"
git --no-pager diff --stat -- docs/CONFIGURATION.md || true
