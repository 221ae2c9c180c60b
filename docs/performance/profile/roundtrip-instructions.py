#!/usr/bin/env python3
"""Instructions per command round trip, from a callgrind dump of `odop-bench roundtrip` (see
roundtrip-instructions.sh): the client's side of a typed call (`CommandClient.call`, health and
bench.read alike) and its parts, and the service's side of each command (`CommandServer.serve`)
and its parts, with the `health` handler alone. The bench hosts the service in its own process,
so one dump holds both sides. Instruction counts do not depend on the machine's load."""
import re
import subprocess
import sys

dump = sys.argv[1]
text = subprocess.run(["callgrind_annotate", "--tree=calling", "--inclusive=yes", "--threshold=100", dump],
                      capture_output=True, text=True, check=True).stdout

# Blocks: a "*" line (the function, inclusive) followed by "<" callers and ">" callees.
blocks = {}
calls_to = {}
current = None
line_re = re.compile(r"^\s*([\d,]+) \([\s\d.]+%\)\s+([*<>])\s+\?\?\?:(\S+)(?: \((\d[\d,]*)x\))?")
for line in text.splitlines():
    m = line_re.match(line)
    if not m:
        if not line.strip():
            current = None
        continue
    ir, kind, sym, calls = int(m.group(1).replace(",", "")), m.group(2), m.group(3), m.group(4)
    calls = int(calls.replace(",", "")) if calls else 0
    if kind == "*":
        current = blocks.setdefault(sym, {"ir": ir, "callees": {}})
    elif kind == ">" and current is not None:
        c = current["callees"].setdefault(sym, [0, 0])
        c[0] += ir
        c[1] += calls
        calls_to[sym] = calls_to.get(sym, 0) + calls


def find(pattern):
    hits = [(v["ir"], k) for k, v in blocks.items() if re.search(pattern, k)]
    if not hits:
        sys.exit(f"no function matches {pattern}")
    return max(hits)[1]


def callee(parent, pattern):
    total = [0, 0]
    for sym, (ir, calls) in blocks[parent]["callees"].items():
        if re.search(pattern, sym):
            total[0] += ir
            total[1] += calls
    return total


def row(name, ir, n):
    print(f"  {name:<58} {ir / max(1, n):>9,.0f}")


call = find(r"CommandClientC4call__2id11traceparent6ResultQzxm_9ArgumentsQz")
calls = calls_to.get(call, 0)
call_ir = blocks[call]["ir"]
exchange_ir, _ = callee(call, r"CommandClientC8exchange")
frame_ir, _ = callee(call, r"CommandClientC9makeFrame")
parse_ir, _ = callee(call, r"CommandReplyO5parse")
result_ir, _ = callee(call, r"CommandReplyO6result2as")
uuid = find(r"RandomUUIDO6string")
uuid_calls = calls_to.get(uuid, 0)

serve = find(r"CommandServerC5serve")
served = calls_to.get(serve, 0)
serve_ir = blocks[serve]["ir"]
request_ir, _ = callee(serve, r"CommandRequestV5parse")
handling_ir, handled = callee(serve, r"CommandHandlingV3run")
deliver_ir, _ = callee(serve, r"CommandServerC7deliver")
health = find(r"CommandRegistryV5plain.*HealthO_Tg5$")
health_calls = calls_to.get(health, 0)
health_encode_ir, _ = callee(health, r"WireFormatO6encode")

print(f"client: {calls:,} typed calls (health and bench.read); service: {served:,} commands served, {health_calls:,} of them health")
print("instructions per typed call, client side")
row("the call, less the exchange (CommandClient.call)", call_ir - exchange_ir, calls)
row("  build the request frame (makeFrame)", frame_ir, calls)
row("  read the reply frame (CommandReply.parse)", parse_ir, calls)
row("  decode the result (CommandReply.result(as:))", result_ir, calls)
row("  the exchange: send, wait, receive (exchange)", exchange_ir, calls)
row("a new request id (RandomUUID.string)", blocks[uuid]["ir"], uuid_calls)
print("instructions per command, service side")
row("serve a command (CommandServer.serve)", serve_ir, served)
row("  parse the request (CommandRequest.parse)", request_ir, served)
row("  answer it (CommandHandling.run)", handling_ir, handled)
row("  send, remember, count and log the reply (deliver)", deliver_ir, served)
row("  the rest (span, checks, routing)", serve_ir - request_ir - handling_ir - deliver_ir, served)
row("the health handler (result encoded)", blocks[health]["ir"], health_calls)
row("  encode the HealthReport (WireFormat.encode)", health_encode_ir, health_calls)
