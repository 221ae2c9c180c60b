#!/usr/bin/env bash
# Where a running process's resident memory lies: VmRSS split into private (RssAnon) and
# file-backed pages (RssFile: code and read-only data of the executable and the shared libraries,
# shared with every process that maps them), then Rss and Anonymous per mapped file, largest first.
#
#   docs/performance/profile/memory.sh PID [TOP]
set -euo pipefail
pid="$1"
top="${2:-20}"
grep -E "^(VmRSS|RssAnon|RssFile|RssShmem|Threads):" "/proc/$pid/status"
echo
printf "%8s %8s  %s\n" "Rss kB" "Anon kB" "mapping"
awk '
    /^[0-9a-f]+-[0-9a-f]+ / { name = ($6 == "" ? "[anonymous]" : $6) }
    /^Rss:/ { rss[name] += $2 }
    /^Anonymous:/ { anon[name] += $2 }
    END { for (n in rss) printf "%8d %8d  %s\n", rss[n], anon[n], n }
' "/proc/$pid/smaps" | sort -rn | head -n "$top"
