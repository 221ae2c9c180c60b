"""CPU time per thread of a command's process, over the process's life (issue 15): runs the
command, reads every thread's name (/proc/<pid>/task/<tid>/comm, as NamedThread sets it) and
CPU time (.../schedstat: user and kernel, nanoseconds) every 10 ms, and prints, per thread
that used at least 0.05 s, its CPU seconds and when it was first and last seen (seconds from
the start). A thread busy through its life is the bound of what it does. Lines of the command's
own output that contain any of the --grep texts are printed first.

    python3 docs/performance/profile/thread-cpu.py [--grep TEXT ...] -- COMMAND [ARG ...]
    python3 docs/performance/profile/thread-cpu.py --grep "catch-up events/s" -- \\
        $(swift build -c release --show-bin-path)/odop-bench events

In `odop-bench events` the late follower (the catch-up) is the last `sub-bench` thread; its
read-ahead runs on a Dispatch thread (`-qos.overcommit`)."""
import argparse
import os
import subprocess
import tempfile
import time

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--grep", action="append", default=[])
parser.add_argument("command", nargs=argparse.REMAINDER)
options = parser.parse_args()
command = options.command[1:] if options.command[:1] == ["--"] else options.command

# The command's output goes to a file, not a pipe: a pipe read only at the end would stop a
# command that writes more than the pipe holds, and this loop would wait for it for ever.
output_file = tempfile.TemporaryFile(mode="w+")
process = subprocess.Popen(command, stdout=output_file, stderr=subprocess.STDOUT, text=True)
first, last = {}, {}
started = time.monotonic()
while process.poll() is None:
    now = time.monotonic() - started
    try:
        tids = os.listdir(f"/proc/{process.pid}/task")
    except FileNotFoundError:
        break
    for tid in tids:
        try:
            with open(f"/proc/{process.pid}/task/{tid}/comm") as comm, open(f"/proc/{process.pid}/task/{tid}/schedstat") as stat:
                sample = (now, int(stat.read().split()[0]), comm.read().strip())
        except (OSError, ValueError, IndexError):
            continue
        first.setdefault(tid, sample)
        last[tid] = sample
    time.sleep(0.01)
process.wait()
output_file.seek(0)
for line in output_file.read().splitlines():
    if any(text in line for text in options.grep):
        print(line)
for tid in sorted(last, key=lambda t: first[t][0]):
    (seen_first, cpu_first, _), (seen_last, cpu_last, name) = first[tid], last[tid]
    cpu = (cpu_last - cpu_first) / 1e9
    if cpu >= 0.05:
        print(f"{name:18s} tid {tid:>7s}  cpu {cpu:6.3f} s  seen {seen_first:6.2f}-{seen_last:6.2f} s")
raise SystemExit(process.returncode)
