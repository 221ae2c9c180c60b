#!/usr/bin/env bash
# The memory floor of an idle ODOP service (issue 15): builds minimal programs that only idle
# after a small setup, from the C parts alone up to Swift + Foundation + GRDB + libzmq + threads,
# each linked with the shared Swift runtime and with the static one (-static-stdlib), starts each,
# and after IDLE seconds of idle prints VmRSS, RssAnon and RssFile from /proc/PID/status, the
# resident pages of the executable file itself, and its size. Optionally the real service too.
#
#   swift build -c release --product odop-catalogue        # builds GRDB's modules, used here
#   Tools/memory-floor/run.sh [CATALOGUE_BINARY]
#
# With CATALOGUE_BINARY (the release odop-catalogue), the service is measured too (ops HTTP on,
# and with --http-bind none --metrics off), and, when .build/release.yaml holds its link command,
# linked again from the same object files in seven ways (see catalogue_links).
#
# Environment: OUT (scratch folder, default /tmp/odop-memory-floor), IDLE (seconds, default 2),
# REPEAT (runs of each program, the median by VmRSS is printed; default 3),
# BIN (the package's release bin path, default `swift build -c release --show-bin-path`).
# Needs gcc, libzmq3-dev, libsqlite3-dev, python3. Nothing in the package is changed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${OUT:-/tmp/odop-memory-floor}"
idle="${IDLE:-2}"
repeat="${REPEAT:-3}"
bin="${BIN:-$(cd "$root" && swift build -c release --show-bin-path)}"
mkdir -p "$out" && rm -f "$out"/*.smaps "$out"/*.out
build_log="$out/build.log"
: >"$build_log"

quiet() { "$@" >>"$build_log" 2>&1 || { echo "build failed: $*" >&2; tail -20 "$build_log" >&2; return 1; }; }

# --- build -------------------------------------------------------------------------------------
quiet gcc -O2 -o "$out/c-zmq-sqlite" "$here/floor-c.c" -lzmq -lsqlite3
for program in stdlib essentials foundation; do
    quiet swiftc -O -o "$out/$program" "$here/$program.swift"
    quiet swiftc -O -static-stdlib -o "$out/$program-static" "$here/$program.swift"
done

# GRDB as the package built it: its module and object files from the release build, linked into
# our two programs exactly as SwiftPM links them into a service (every object file of the target).
grdb_objects=("$bin"/GRDB.build/*.o)
[ -e "${grdb_objects[0]}" ] || { echo "no $bin/GRDB.build/*.o: run swift build -c release first" >&2; exit 1; }
grdb_sqlite="$(dirname "$(find "$root/.build/checkouts/GRDB.swift/Sources/GRDBSQLite" -name module.modulemap | head -1)")"
grdb_flags=(-O -I "$bin/Modules" -I "$grdb_sqlite" -lsqlite3)
zmq_flags=(-I "$root/Shared/CZeroMQ" -lzmq)
for variant in "" -static; do
    static=()
    [ -n "$variant" ] && static=(-static-stdlib)
    quiet swiftc "${grdb_flags[@]}" "${static[@]}" -o "$out/grdb$variant" "$here/grdb.swift" "${grdb_objects[@]}"
    quiet swiftc "${grdb_flags[@]}" "${zmq_flags[@]}" "${static[@]}" -o "$out/service$variant" "$here/service.swift" "${grdb_objects[@]}"
done
# The static service linked three more ways: unused sections dropped, symbols stripped, and no
# dynamic symbol table for the executable's own symbols (the static stdlib's link arguments ask
# for -export-dynamic).
link_variants=(
    "gc-sections:-Xlinker --gc-sections"
    "stripped:-Xlinker -s"
    "no-export-dynamic:-Xlinker --no-export-dynamic"
    "all-three:-Xlinker --gc-sections -Xlinker -s -Xlinker --no-export-dynamic"
)
for entry in "${link_variants[@]}"; do
    name="${entry%%:*}"
    read -r -a flags <<<"${entry#*:}"
    quiet swiftc "${grdb_flags[@]}" "${zmq_flags[@]}" -static-stdlib "${flags[@]}" \
        -o "$out/service-static-$name" "$here/service.swift" "${grdb_objects[@]}"
done

# The real service, if given: SwiftPM's release link command for it (from .build/release.yaml;
# it already passes --gc-sections) run again on the same object files, linked as
# `swift build --static-swift-stdlib` would (-static-stdlib; the objects were compiled against
# the shared runtime's modules, so the static Foundation's own archives are named below), then stripped,
# without exporting the executable's symbols, both; then with LLVM's lld instead of gold
# (swiftc's default on Linux), which can pack the relative relocations (-z pack-relative-relocs,
# DT_RELR: glibc >= 2.36 to run), also with the shared runtime (the "dynamic" entry).
catalogue_links=(
    "static:"
    "static, stripped:-Xlinker -s"
    "static, no-export-dynamic:-Xlinker --no-export-dynamic"
    "static, stripped + no-export-dynamic:-Xlinker -s -Xlinker --no-export-dynamic"
    "static, no-export-dynamic, lld:-use-ld=lld -Xlinker --no-export-dynamic"
    "static, no-export-dynamic, lld + packed relocations:-use-ld=lld -Xlinker --no-export-dynamic -Xlinker -z -Xlinker pack-relative-relocs"
    "dynamic, lld + packed relocations:-use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs"
)
if [ $# -ge 1 ] && [ -f "$root/.build/release.yaml" ]; then
    mapfile -t catalogue_args < <(python3 "$here/link-args.py" "$root/.build/release.yaml" odop-catalogue)
    # The objects were compiled against the shared runtime's modules, whose autolink entries do
    # not name the static Foundation's own dependencies (ICU, CoreFoundation, ...): name them here.
    static_lib="$(dirname "$(command -v swiftc)")/../lib/swift_static/linux"
    foundation_archives=(-Xlinker --start-group)
    for archive in libFoundation libFoundationInternationalization libFoundationEssentials libCoreFoundation \
        lib_FoundationICU lib_FoundationCollections lib_FoundationCShims libswiftSynchronization libswiftDispatch \
        libdispatch libBlocksRuntime; do
        foundation_archives+=(-Xlinker "$static_lib/$archive.a")
    done
    foundation_archives+=(-Xlinker --end-group)
    for entry in "${catalogue_links[@]}"; do
        name="${entry%%:*}"
        read -r -a flags <<<"${entry#*:}"
        runtime=(-static-stdlib "${foundation_archives[@]}")
        [ "${name#dynamic}" != "$name" ] && runtime=()
        quiet "${catalogue_args[@]}" ${runtime[@]+"${runtime[@]}"} ${flags[@]+"${flags[@]}"} \
            -o "$out/odop-catalogue-${name//[^A-Za-z0-9]/-}"
    done
fi

# --- measure -----------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

kb() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$2/status"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# The executable's own resident pages (all its mappings), in kB.
exe_rss() {
    local exe
    exe="$(readlink "/proc/$1/exe")"
    awk -v exe="$exe" '/^[0-9a-f]+-[0-9a-f]+ / { mine = ($6 == exe) } mine && /^Rss:/ { sum += $2 } END { print sum + 0 }' \
        "/proc/$1/smaps"
}

row() { printf "%-72s %7s %8s %8s %8s %8s %8s\n" "$@"; }
row "program (median of $repeat runs by VmRSS)" "VmRSS" "RssAnon" "RssFile" "exe Rss" "exe size" "threads"
row "" "MB" "MB" "MB" "MB" "MB" ""

# start_idle LOG READY_CHECK COMMAND...: starts COMMAND and returns (PID in $started) once it is
# ready: READY_CHECK is "stdout" (a line starting with "ready") or a ZeroMQ endpoint that must
# answer the `health` command.
start_idle() {
    local log="$1" ready="$2"
    shift 2
    : >"$log"
    "$@" >"$log" 2>&1 &
    started=$!
    local waited=0
    while true; do
        if [ "$ready" = stdout ]; then
            grep -q '^ready' "$log" && return 0
        else
            python3 "$here/health.py" "$ready" 2>/dev/null && return 0
        fi
        kill -0 "$started" 2>/dev/null || { echo "exited early: $*" >&2; cat "$log" >&2; return 1; }
        waited=$((waited + 1))
        [ "$waited" -lt 600 ] || { echo "not ready after 60 s: $*" >&2; kill "$started"; return 1; }
        sleep 0.1
    done
}

# measure NAME READY_CHECK COMMAND...: REPEAT runs, each idle IDLE seconds after it is ready;
# prints the run with the median VmRSS and keeps its smaps as $out/NAME.smaps.
measure() {
    local name="$1" ready="$2"
    shift 2
    local file="${name//[^A-Za-z0-9]/-}"
    local runs=() run
    for run in $(seq 1 "$repeat"); do
        start_idle "$out/$file.out" "$ready" "$@" || return 1
        sleep "$idle"
        local pid=$started size
        size="$(stat -c %s "$(readlink "/proc/$pid/exe")")"
        runs+=("$(kb VmRSS $pid) $(kb RssAnon $pid) $(kb RssFile $pid) $(exe_rss $pid) $((size / 1024)) $(kb Threads $pid) $run")
        cp "/proc/$pid/smaps" "$out/$file.$run.smaps"
        kill "$pid"
        wait "$pid" 2>/dev/null || true
    done
    local vmrss anon filebacked exe exe_size threads chosen
    read -r vmrss anon filebacked exe exe_size threads chosen \
        <<<"$(printf "%s\n" "${runs[@]}" | sort -n | sed -n "$(((repeat + 1) / 2))p")"
    mv "$out/$file.$chosen.smaps" "$out/$file.smaps"
    rm -f "$out/$file".[0-9]*.smaps
    row "$name" "$(mb "$vmrss")" "$(mb "$anon")" "$(mb "$filebacked")" "$(mb "$exe")" "$(mb "$exe_size")" "$threads"
}

data="$out/data"
rm -rf "$data" && mkdir -p "$data"
measure "1 C: libzmq REP + sqlite3 WAL" stdout "$out/c-zmq-sqlite" "$data/c.sqlite"
for variant in "" -static; do
    label="${variant:+ static}"
    label="${label:- dynamic}"
    measure "2 Swift stdlib,$label" stdout "$out/stdlib$variant"
    measure "3 + FoundationEssentials,$label" stdout "$out/essentials$variant"
    measure "4 + Foundation,$label" stdout "$out/foundation$variant"
    rm -f "$data"/grdb*.sqlite*
    measure "5 + GRDB DatabasePool,$label" stdout "$out/grdb$variant" "$data/grdb$variant.sqlite"
    measure "6 + libzmq REP + 2 Threads,$label" stdout "$out/service$variant" "$data/service$variant.sqlite"
done
for entry in "${link_variants[@]}"; do
    name="${entry%%:*}"
    measure "6 static, $name" stdout "$out/service-static-$name" "$data/service-static-$name.sqlite"
done

# catalogue NAME BINARY [OPTIONS...]: the real service on an empty scratch database, free ports.
catalogue() {
    local name="$1" binary="$2"
    shift 2
    local dir="$data/catalogue-${name// /-}"
    rm -rf "$dir" && mkdir -p "$dir"
    local commands="tcp://127.0.0.1:$(free_port)"
    measure "7 odop-catalogue, $name" "$commands" "$binary" --data-dir "$dir" --commands-bind "$commands" \
        --events-bind "tcp://127.0.0.1:$(free_port)" "$@"
}
if [ $# -ge 1 ]; then
    catalogue "dynamic" "$1" --http-bind "127.0.0.1:$(free_port)"
    catalogue "dynamic, no ops/metrics" "$1" --http-bind none --metrics off
    for entry in "${catalogue_links[@]}"; do
        name="${entry%%:*}"
        binary="$out/odop-catalogue-${name//[^A-Za-z0-9]/-}"
        [ -x "$binary" ] && catalogue "$name" "$binary" --http-bind "127.0.0.1:$(free_port)"
    done
    binary="$out/odop-catalogue-static"
    [ -x "$binary" ] && catalogue "static, no ops/metrics" "$binary" --http-bind none --metrics off
    binary="$out/odop-catalogue-static--no-export-dynamic"
    [ -x "$binary" ] && catalogue "static, no-export-dynamic, no ops/metrics" "$binary" --http-bind none --metrics off
    binary="$out/odop-catalogue-static--no-export-dynamic--lld---packed-relocations"
    [ -x "$binary" ] && catalogue "static, no-export-dynamic, lld + packed relocations, no ops/metrics" "$binary" \
        --http-bind none --metrics off
fi

# Where the resident pages of a few of them lie: Rss and Anonymous (private) per mapping.
mappings() {
    local file="${1//[^A-Za-z0-9]/-}"
    [ -f "$out/$file.smaps" ] || return 0
    echo
    echo "$1: resident kB per mapping (Rss, of it Anonymous), largest first"
    awk '
        /^[0-9a-f]+-[0-9a-f]+ / { name = ($6 == "" ? "[anonymous]" : $6); sub(/.*\//, "", name) }
        /^Rss:/ { rss[name] += $2 }
        /^Anonymous:/ { anon[name] += $2 }
        END { for (n in rss) if (rss[n] >= 100) printf "%8d %8d  %s\n", rss[n], anon[n], n }
    ' "$out/$file.smaps" | sort -rn
}
mappings "6 + libzmq REP + 2 Threads, dynamic"
mappings "6 + libzmq REP + 2 Threads, static"
mappings "7 odop-catalogue, dynamic"
mappings "7 odop-catalogue, static"

# Sizes of the loaded sections of the static executables (kB): code, relocations, unwind tables,
# read-only data (ICU's data is most of it), dynamic symbols.
sections() {
    [ -f "$1" ] || return 0
    printf "%-52s" "$(basename "$1")"
    for section in .text .rela.dyn .relr.dyn .eh_frame .rodata .data.rel.ro .dynsym .dynstr; do
        size="$(readelf -SW "$1" | awk -v s="$section" '{ sub(/^ *\[ *[0-9]+\] */, "") } $1 == s { print $5 }')"
        printf " %10s" "$(( 0x${size:-0} / 1024 ))"
    done
    echo
}
echo
printf "%-52s %10s %10s %10s %10s %10s %10s %10s %10s\n" "section sizes, kB" .text .rela.dyn .relr.dyn .eh_frame .rodata .data.rel.ro .dynsym .dynstr
for file in "$out"/service-static* "$out"/odop-catalogue-*; do sections "$file"; done
[ $# -ge 1 ] && sections "$1"
exit 0
