import ArgumentParser
import Dispatch
import ODOPMessages
import Synchronization

/// `odopctl trace REQUEST_ID|TRACE_ID`: one command and every event it caused, in every service.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Show a command and every event it caused in every service, as a tree.",
        discussion: """
            Give the id of a command request (the "id" a client sent) or a trace id (32 hex \
            digits, from a traceparent or a log line's traceId). odopctl asks every service for \
            its events of that request (events.trace by correlationId), takes their trace ids, \
            then asks every service for every event of those traces (events.trace by traceId, \
            an indexed lookup), and prints them as a tree: under the request, the events it \
            emitted; under each event, the events other services emitted while applying it \
            (their correlationId is the cause's event id). Each line shows the service, seq, \
            type and time.

            A service that does not answer is named on stderr and the rest is shown; the exit \
            code is then 3. Nothing found for the id exits 1.

            With --json: {"id", "traceIds", "events": [envelope...]} with every event found, \
            in time order.

            Examples:
              odopctl trace 6f1c2d3e-retire-1
              odopctl trace 4bf92f3577b34da6a3ce929d0e0e4736 --json
            """
    )

    @Argument(help: ArgumentHelp("A command request id, or a trace id (32 hex digits).", valueName: "id"))
    var id: String

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let settings = try global.resolve(defaults: .probe)
        var connections: [ServiceConnection] = []
        for service in ServiceName.allCases {
            connections.append(try settings.connection(to: service))
        }
        var lookup = TraceLookup(connections: connections)
        let isTraceId = TraceParentText.isTraceId(id)
        var traceIds: [String] = isTraceId ? [id] : []
        if !isTraceId {
            let caused = lookup.ask(EventsTrace.Arguments(correlationId: id))
            traceIds = Array(Set(caused.compactMap(\.traceId))).sorted()
        }
        for traceId in traceIds {
            _ = lookup.ask(EventsTrace.Arguments(traceId: traceId))
        }
        let events = lookup.events.values.sorted { ($0.time, $0.source, $0.seq ?? 0) < ($1.time, $1.source, $1.seq ?? 0) }
        if global.json {
            let json: JSONValue = [
                "id": .string(id), "traceIds": .array(traceIds.map { .string($0) }),
                "events": .array(events.compactMap { try? JSONValue(encoding: $0) }),
            ]
            StandardStream.output.writeLine(JSONText.compact(json))
        } else {
            let tree = TraceTree(root: isTraceId ? nil : id, traceIds: traceIds, events: events)
            StandardStream.output.write(tree.rendered)
        }
        if !lookup.problems.isEmpty {
            throw OdopctlFailure(.unavailable, lookup.problems)
        }
        if events.isEmpty {
            throw OdopctlFailure(.refused, ["error: no service has events of \(isTraceId ? "trace" : "request") \(id)"])
        }
    }
}

/// Asks every service at once, gathering events by id and noting who did not answer.
struct TraceLookup {
    let connections: [ServiceConnection]
    private(set) var events: [String: EventEnvelope] = [:]
    private(set) var problems: [String] = []

    init(connections: [ServiceConnection]) {
        self.connections = connections
    }

    private enum Answer: Sendable {
        case events([EventEnvelope])
        case problem(String)
    }

    /// The events every service has for `arguments` (also added to `events`).
    mutating func ask(_ arguments: EventsTrace.Arguments) -> [EventEnvelope] {
        let answers = Mutex<[Int: Answer]>([:])
        let connections = connections
        DispatchQueue.concurrentPerform(iterations: connections.count) { index in
            let connection = connections[index]
            let answer: Answer
            do throws(OdopctlFailure) {
                answer = .events(try connection.callKeepingJSON(EventsTrace.self, arguments).value.events)
            } catch {
                answer = .problem(
                    "warning: \(connection.service.rawValue) (\(connection.endpoint)) did not answer events.trace: \(error.lines.joined(separator: " "))"
                )
            }
            answers.withLock { $0[index] = answer }
        }
        var found: [EventEnvelope] = []
        for index in connections.indices {
            switch answers.withLock({ $0[index] })! {
            case .events(let list):
                found += list
                for event in list { events[event.id] = event }
            case .problem(let problem):
                if !problems.contains(problem) { problems.append(problem) }
            }
        }
        return found
    }
}
