"""Drives an odop-catalogue running under callgrind for instructions.sh: per command, a warm-up,
then N and 2N requests from one REQ client, each phase between a `callgrind_control --zero` and
a `--dump`; prints the instructions (Ir, all threads of the service) per command as
(Ir(2N) - Ir(N)) / N, which removes what a phase costs whatever its length (the dump itself, the
first requests), and the service's idle instructions per second for comparison; then, per
command, the functions with the most instructions of their own (callgrind-self.py, same
difference).

    instructions.py ENDPOINT PID N OUT [TOP]"""
import glob, os, subprocess, sys, time
from catalogue_commands import cases, connect

endpoint, pid, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
top = sys.argv[5] if len(sys.argv) > 5 else "15"
call = connect(endpoint, 120_000)


def callgrind(*options):
    subprocess.run(["callgrind_control", *options, pid], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def dumped_instructions(label):
    """Dumps the counters collected since the last zeroing; returns their total Ir and the dump."""
    before = set(glob.glob(os.path.join(out, f"callgrind.out.{pid}.*")))
    callgrind("--dump=" + label)
    for _ in range(600):
        new = set(glob.glob(os.path.join(out, f"callgrind.out.{pid}.*"))) - before
        if new:
            path = new.pop()
            for _ in range(100):
                with open(path) as dump:
                    for line in dump:
                        if line.startswith("totals:") or line.startswith("summary:"):
                            return int(line.split()[1]), path
                time.sleep(0.1)
        time.sleep(0.1)
    raise SystemExit(f"no callgrind dump for {label}")


measured = cases(call)
callgrind("--zero")
time.sleep(5)
idle = dumped_instructions("idle-5s")[0] / 5

dumps = {}
print(f"command            instructions per command (Ir, all threads; N={n} and 2N, one REQ client)")
for command, args in measured:
    for _ in range(max(50, n // 4)):
        call(command, args())
    totals = {}
    for count in (n, 2 * n):
        callgrind("--zero")
        started = time.monotonic()
        for _ in range(count):
            call(command, args())
        totals[count] = (*dumped_instructions(f"{command}-{count}"), time.monotonic() - started)
    per_command = (totals[2 * n][0] - totals[n][0]) / n
    dumps[command] = (totals[2 * n][1], totals[n][1])
    print(f"{command:<18} {per_command:>12,.0f}   (Ir {totals[n][0]:,} for N in {totals[n][2]:.1f} s, "
          f"{totals[2 * n][0]:,} for 2N in {totals[2 * n][2]:.1f} s)")
print(f"{'idle, per second':<18} {idle:>12,.0f}")
for command, (after, before) in dumps.items():
    print(f"\n{command}: instructions per command in the functions themselves (2N dump - N dump)")
    sys.stdout.flush()
    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "callgrind-self.py"), after, before, str(n), top],
                   check=True)
