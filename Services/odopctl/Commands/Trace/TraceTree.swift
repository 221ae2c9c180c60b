import ODOPMessages

/// The events of a trace as a tree: each event under its cause (the event whose id is its
/// `correlationId`), the events of the request under the request; events whose cause was not
/// found are roots.
struct TraceTree {
    let root: String?
    let traceIds: [String]
    let events: [EventEnvelope]

    var rendered: String {
        let ids = Set(events.map(\.id))
        var children: [String: [EventEnvelope]] = [:]
        var roots: [EventEnvelope] = []
        for event in events {
            if let cause = event.correlationId, ids.contains(cause) || cause == root {
                children[cause, default: []].append(event)
            } else {
                roots.append(event)
            }
        }
        var lines: [String] = []
        let traces = traceIds.isEmpty ? "no trace" : "trace \(traceIds.joined(separator: ", "))"
        if let root {
            lines.append("request \(root) (\(traces))")
            add(children[root] ?? [], prefix: "", children: children, into: &lines)
            if !roots.isEmpty { lines.append("other events of the trace:") }
        } else {
            lines.append(traces)
        }
        add(roots, prefix: "", children: children, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private func add(_ list: [EventEnvelope], prefix: String, children: [String: [EventEnvelope]], into lines: inout [String]) {
        for (index, event) in list.enumerated() {
            let last = index == list.count - 1
            lines.append(
                prefix + (last ? "└─ " : "├─ ") + "\(event.source) #\(event.seq.map(String.init) ?? "-") \(event.type)  \(event.time)")
            add(children[event.id] ?? [], prefix: prefix + (last ? "   " : "│  "), children: children, into: &lines)
        }
    }
}
