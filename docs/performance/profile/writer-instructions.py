#!/usr/bin/env python3
"""Instructions per write of a service's writer thread, from a callgrind dump of `odop-bench
writes` (see writer-instructions.sh): GroupWriter.run and its parts, per command applied
(CommandHandling.applyWrite calls). Instruction counts do not depend on the machine's load.

    writer-instructions.py DUMP"""
from callgrind_tree import CallTree, row
import sys

tree = CallTree(sys.argv[1])
find, callee, blocks = tree.find, tree.callee, tree.blocks

run = find(r"GroupWriterC3run33")
group = find(r"ServiceStoreC10writeGroup_12beforeCommit.*Tg5$")
apply_write = find(r"CommandHandlingV10applyWrite")
writes = tree.calls(apply_write)
groups = tree.calls(group)
handler_ir, _ = callee(apply_write, r"CommandRegistryV5write")
audit_ir, _ = callee(apply_write, r"AuditTrailO6append")
lookup_ir, _ = callee(apply_write, r"StoredRepliesO5reply9requestID")
insert_ir, _ = callee(apply_write, r"GRDB9StatementC7execute")
append = find(r"EventLogC6append_13correlationId")
step = find(r"^sqlite3_step$")

print(f"{writes:,} writes in {groups:,} groups ({writes / max(1, groups):.1f} writes per group)")
print("instructions per write")
row("writer thread (GroupWriter.run)", blocks[run]["ir"], writes)
row("  the group's transaction (writeGroup)", blocks[group]["ir"], writes)
row("    the command (CommandHandling.applyWrite)", blocks[apply_write]["ir"], writes)
row("      the handler (decode, domain, emit, result)", handler_ir, writes)
row("        the event (EventLog.append)", blocks[append]["ir"], writes)
row("      the audit entry (AuditTrail.append)", audit_ir, writes)
row("      the stored reply: look up", lookup_ir, writes)
row("      the stored reply: insert", insert_ir, writes)
# Each command's savepoint (GRDB's inSavepoint before the ninth pass; CommandSavepoint since,
# inlined into writeGroup), BEGIN and COMMIT: the transaction less the commands.
row("    savepoints, begin, commit (the rest)", blocks[group]["ir"] - blocks[apply_write]["ir"], writes)
row("SQLite's statements, all (sqlite3_step)", blocks[step]["ir"], writes)
