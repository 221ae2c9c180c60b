"""Drives odop-catalogue for profile.sh: per command, N requests from one REQ client; prints the
service's CPU time per command (all threads) and keeps a perf cpu-clock profile of each phase."""
import os, signal, subprocess, sys
from catalogue_commands import cases, connect

endpoint, pid, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
ticks = os.sysconf("SC_CLK_TCK")
call = connect(endpoint, 30_000)


def cpu_seconds():
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks  # utime, stime


measured = cases(call)
print(f"command           service CPU µs per command (N={n}, one REQ client, all threads)")
for command, args in measured:
    for _ in range(500):
        call(command, args())
    data = os.path.join(out, f"perf.{command}.data")
    perf = subprocess.Popen(["perf", "record", "-q", "-e", "cpu-clock", "-F", "4000", "-g", "-p", pid, "-o", data],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    before = cpu_seconds()
    for _ in range(n):
        call(command, args())
    used = cpu_seconds() - before
    perf.send_signal(signal.SIGINT)
    perf.wait()
    with open(os.path.join(out, f"perf.{command}.txt"), "w") as report:
        text = subprocess.run(["perf", "report", "-i", data, "--no-children", "--stdio", "-g", "none", "--percent-limit", "1"],
                              capture_output=True, text=True).stdout
        report.write(text)
    print(f"{command:<17} {used / n * 1e6:,.1f}")
