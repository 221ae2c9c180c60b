"""The call tree of a callgrind dump, as `callgrind_annotate --tree=calling --inclusive=yes`
prints it, for the scripts that read instructions per operation out of a dump
(subscriber-instructions.py, roundtrip-instructions.py).

    tree = CallTree(dump)
    tree.find(pattern)            # the symbol matching `pattern` with the most instructions
    tree.ir(symbol)               # its instructions, inclusive
    tree.calls(symbol)            # how many times it was called, over all its callers
    tree.callee(parent, pattern)  # [instructions, calls] of parent's callees matching `pattern`
"""
import re
import subprocess
import sys

_LINE = re.compile(r"^\s*([\d,]+) \([\s\d.]+%\)\s+([*<>])\s+\?\?\?:(\S+)(?: \((\d[\d,]*)x\))?")


class CallTree:
    def __init__(self, dump):
        text = subprocess.run(["callgrind_annotate", "--tree=calling", "--inclusive=yes", "--threshold=100", dump],
                              capture_output=True, text=True, check=True).stdout
        # Blocks: a "*" line (the function, inclusive) followed by "<" callers and ">" callees.
        self.blocks = {}
        self._calls = {}
        current = None
        for line in text.splitlines():
            m = _LINE.match(line)
            if not m:
                if not line.strip():
                    current = None
                continue
            ir, kind, sym, calls = int(m.group(1).replace(",", "")), m.group(2), m.group(3), m.group(4)
            calls = int(calls.replace(",", "")) if calls else 0
            if kind == "*":
                current = self.blocks.setdefault(sym, {"ir": ir, "callees": {}})
            elif kind == ">" and current is not None:
                c = current["callees"].setdefault(sym, [0, 0])
                c[0] += ir
                c[1] += calls
                self._calls[sym] = self._calls.get(sym, 0) + calls

    def find(self, pattern):
        hits = [(v["ir"], k) for k, v in self.blocks.items() if re.search(pattern, k)]
        if not hits:
            sys.exit(f"no function matches {pattern}")
        return max(hits)[1]

    def ir(self, symbol):
        return self.blocks[symbol]["ir"]

    def calls(self, symbol):
        return self._calls.get(symbol, 0)

    def callee(self, parent, pattern):
        total = [0, 0]
        for sym, (ir, calls) in self.blocks[parent]["callees"].items():
            if re.search(pattern, sym):
                total[0] += ir
                total[1] += calls
        return total


def row(name, ir, n, width=50):
    """One line of a per-operation table: `ir` divided by `n`."""
    print(f"  {name:<{width}} {ir / max(1, n):>9,.0f}")
