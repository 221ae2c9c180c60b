"""Instructions spent in each function itself (self cost, Ir) in a callgrind dump, or in the
difference of two dumps (AFTER - BEFORE, e.g. the 2N and the N phase of instructions.py),
divided by COUNT; prints the TOP largest with their share, names demangled by `swift demangle`.

    callgrind-self.py AFTER [BEFORE COUNT [TOP]]"""
import collections, re, subprocess, sys

COST = re.compile(r"^[0-9+\-*]")


def self_costs(path):
    names = {"fn": {}, "ob": {}}
    costs = collections.Counter()
    function, obj, after_call = "?", "?", False
    for line in open(path):
        line = line.rstrip("\n")
        key, _, value = line.partition("=")
        if key in ("fn", "cfn", "ob", "cob"):
            kind = "fn" if key in ("fn", "cfn") else "ob"
            match = re.match(r"\((\d+)\)(?: (.*))?", value)
            if match:
                if match.group(2) is not None:
                    names[kind][match.group(1)] = match.group(2)
                value = names[kind].get(match.group(1), value)
            if key == "fn":
                function = value
            elif key == "ob":
                obj = value.rsplit("/", 1)[-1]
        elif key == "calls":
            after_call = True
        elif COST.match(line):
            if not after_call:
                costs[(function, obj)] += int(line.split()[-1])
            after_call = False
    return costs


after = self_costs(sys.argv[1])
before = self_costs(sys.argv[2]) if len(sys.argv) > 2 else collections.Counter()
count = int(sys.argv[3]) if len(sys.argv) > 3 else 1
top = int(sys.argv[4]) if len(sys.argv) > 4 else 20
difference = collections.Counter({key: after[key] - before.get(key, 0) for key in after})
total = sum(difference.values())
rows = difference.most_common(top)
demangled = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(name for (name, _), _ in rows),
                           capture_output=True, text=True).stdout.splitlines()
print(f"{total / count:>10,.0f}  100.0%  all (self Ir per command)")
for ((_, obj), cost), name in zip(rows, demangled):
    print(f"{cost / count:>10,.0f}  {100 * cost / total:5.1f}%  {name[:110]}  [{obj}]")
