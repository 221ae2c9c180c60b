#!/usr/bin/env python3
"""Instructions per event of a follower's subscriber thread, from a callgrind dump of
`odop-bench events` (see subscriber-instructions.sh): the live path (DurableSubscriber.readLive
and receiveLive, per envelope read) and catch-up (DurableSubscriber.catchUp and CatchUp.page, per
event applied from replay pages), and the parts of each, whichever thread runs them. Instruction counts do not depend on the machine's load."""
from callgrind_tree import CallTree, row
import sys

tree = CallTree(sys.argv[1])
find, callee, blocks = tree.find, tree.callee, tree.blocks

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
