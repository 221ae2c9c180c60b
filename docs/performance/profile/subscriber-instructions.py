#!/usr/bin/env python3
"""Instructions per event of a follower's subscriber thread, from a callgrind dump of
`odop-bench events` (see subscriber-instructions.sh): the live path (DurableSubscriber.readLive
and receiveLive, per envelope read) and catch-up (DurableSubscriber.catchUp and CatchUp.page, per
event applied from replay pages), and the parts of each, whichever thread runs them. Instruction counts do not depend on the machine's load."""
import re
import subprocess
import sys

dump = sys.argv[1]
text = subprocess.run(["callgrind_annotate", "--tree=calling", "--inclusive=yes", dump],
                      capture_output=True, text=True, check=True).stdout

# Blocks: a "*" line (the function, inclusive) followed by "<" callers and ">" callees.
blocks = {}
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


live = find(r"DurableSubscriberC11receiveLive")
# Since the read-ahead (ReadAhead), live messages are received and parsed in readLive, on the
# subscriber thread for the first read of a burst and on the read-ahead thread while a batch is
# applied; CatchUp.page runs on the read-ahead thread, not inside catchUp.
live_read = find(r"DurableSubscriberC8readLive")
catch_up = find(r"DurableSubscriberC7catchUp")
handler = find(r"FollowerHandlerV5apply_2in")
read_ir, live_events = callee(live_read, r"EventEnvelopeV4read")
receive_ir, _ = callee(live_read, r"receiveMultipart")
live_reads_inline_ir, _ = callee(live, r"DurableSubscriberC8readLive")
page = find(r"CatchUpV4page")
page_ir = blocks[page]["ir"]
pages = sum(v[1] for b in blocks.values() for k, v in b["callees"].items() if k == page)
source = find(r"RuntimeCommandHandlers.*EventsReplayO9Arguments")
source_ir = blocks[source]["ir"]
handler_calls = sum(v[1] for b in blocks.values() for k, v in b["callees"].items() if k == handler)
catch_up_events = max(1, handler_calls - live_events)
live_apply_ir, _ = callee(live, r"DurableSubscriberC5apply")
catch_apply_ir, _ = callee(catch_up, r"DurableSubscriberC5apply")
decode_ir, _ = callee(handler, r"decodeData")
execute_ir, _ = callee(handler, r"StatementC7execute|StatementArguments")
handler_ir = blocks[handler]["ir"]


def row(name, ir, n):
    print(f"  {name:<50} {ir / max(1, n):>9,.0f}")


print(f"live: {live_events:,} envelopes read by readLive; catch-up: {catch_up_events:,} events applied from {pages} pages")
print("instructions per event")
row("live, read (readLive, either thread)", blocks[live_read]["ir"], live_events)
row("  receive the frames (receiveMultipart)", receive_ir, live_events)
row("  read the envelope (EventEnvelope.read)", read_ir, live_events)
row("live, decide and apply (receiveLive less readLive)", blocks[live]["ir"] - live_reads_inline_ir, live_events)
row("  apply (transaction, handler, cursor)", live_apply_ir, live_events)
row("catch-up, subscriber thread (catchUp)", blocks[catch_up]["ir"], catch_up_events)
row("  apply (transaction, handler, cursor)", catch_apply_ir, catch_up_events)
row("catch-up, fetch and read the page (CatchUp.page)", page_ir, catch_up_events)
row("source: serve the page (events.replay handler)", source_ir, catch_up_events)
row("handler (both): FollowerHandler.apply", handler_ir, handler_calls)
row("  decode the payload (decodeData)", decode_ir, handler_calls)
row("  insert the row (GRDB execute, arguments)", execute_ir, handler_calls)
