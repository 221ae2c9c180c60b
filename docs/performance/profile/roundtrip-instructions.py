#!/usr/bin/env python3
"""Instructions per command round trip, from a callgrind dump of `odop-bench roundtrip` (see
roundtrip-instructions.sh): the client's side of a typed call (`CommandClient.call`, health and
bench.read alike) and its parts, and the service's side of each command (`CommandServer.serve`)
and its parts, with the `health` handler alone. The bench hosts the service in its own process,
so one dump holds both sides. Instruction counts do not depend on the machine's load."""
import sys

from callgrind_tree import CallTree
from callgrind_tree import row as table_row

tree = CallTree(sys.argv[1])
find, callee, blocks = tree.find, tree.callee, tree.blocks
calls_to = {symbol: tree.calls(symbol) for symbol in blocks}


def row(name, ir, n):
    table_row(name, ir, n, width=58)


call = find(r"CommandClientC4call__2id11traceparent6ResultQzxm_9ArgumentsQz")
calls = calls_to.get(call, 0)
call_ir = blocks[call]["ir"]
exchange_ir, _ = callee(call, r"CommandClientC8exchange")
frame_ir, _ = callee(call, r"CommandClientC9makeFrame")
# Since the sixth pass the typed call reads its reply in CommandReply.result(ofFrame:answering:as:):
# HealthReport straight from the bytes (WireReadable.readResult), any other result by parse, then
# result(as:). Before it, the call ran parse and result(as:) itself.
reply_ir, _ = callee(call, r"CommandReplyO6result7ofFrame")
reply = next((s for s in blocks[call]["callees"] if "CommandReplyO6result7ofFrame" in s), None)
parent = reply or call
parse_ir, parses = callee(parent, r"CommandReplyO5parse")
result_ir, _ = callee(parent, r"CommandReplyO6result2as")
direct_ir, direct_calls = callee(reply, r"readResult") if reply else (0, 0)
if not reply:
    reply_ir = parse_ir + result_ir
# The request id: a TimeOrderedUUID since the ninth pass, a RandomUUID before it.
uuid = find(r"TimeOrderedUUIDO6string|RandomUUIDO6string")
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
row("  read the reply and its result", reply_ir, calls)
row("    health: straight from the bytes (HealthReport.readResult)", direct_ir, direct_calls)
row("    otherwise: read the reply frame (CommandReply.parse)", parse_ir, parses)
row("    otherwise: decode the result (CommandReply.result(as:))", result_ir, parses)
row("  the exchange: send, wait, receive (exchange)", exchange_ir, calls)
row("a new request id (TimeOrderedUUID.string; RandomUUID before)", blocks[uuid]["ir"], uuid_calls)
print("instructions per command, service side")
row("serve a command (CommandServer.serve)", serve_ir, served)
row("  parse the request (CommandRequest.parse)", request_ir, served)
row("  answer it (CommandHandling.run)", handling_ir, handled)
row("  send, remember, count and log the reply (deliver)", deliver_ir, served)
row("  the rest (span, checks, routing)", serve_ir - request_ir - handling_ir - deliver_ir, served)
row("the health handler (result encoded)", blocks[health]["ir"], health_calls)
row("  encode the HealthReport (WireFormat.encode)", health_encode_ir, health_calls)
