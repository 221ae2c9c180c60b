#!/usr/bin/env bash
# Writes Tests/ReliabilityTests/FuzzTargets.swift: every CommandSchema of Shared/Messages, so that
# the fuzz harness and the regression tests decode each command's arguments. Run it after adding
# a command (FuzzRegressionTests fails until then).
set -euo pipefail
cd "$(dirname "$0")/../.."
names=$(grep -rhoE "(enum|struct) [A-Za-z]+: CommandSchema" Shared/Messages | awk '{print $2}' | tr -d ':' | sort)
{
    cat <<'HEAD'
import ODOPMessages

/// Every command schema of Shared/Messages, in a fixed order: the fuzz harness picks one by the
/// input's first byte and the regression tests replay each kept input through all of them.
/// Written by `Tools/fuzz/list-schemas.sh`; `FuzzRegressionTests` checks it against the sources.
enum FuzzTargets {
    /// Decodes `args` as the arguments of every schema's command; throws nothing but `CommandError`.
    static let decoders: [(name: String, decode: @Sendable (JSONValue) throws(CommandError) -> Void)] = [
HEAD
    for n in $names; do echo "        ($n.name, { args throws(CommandError) in _ = try $n.decodeArguments(args) }),"; done
    printf '    ]\n}\n'
} > Tests/ReliabilityTests/FuzzTargets.swift
