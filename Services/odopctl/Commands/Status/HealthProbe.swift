import Dispatch
import ODOPMessages
import Synchronization

/// The answer of one service to `health`, or why there was none.
struct HealthProbe: Sendable {
    enum Outcome: Sendable {
        /// It answered; `json` is the report as sent (members this build does not know included).
        case answered(HealthReport, json: JSONValue)
        /// It answered with an error.
        case refused(CommandError)
        /// No usable answer: down, or an unreadable reply.
        case unreachable(CommandError)
    }

    let service: ServiceName
    let endpoint: String
    let outcome: Outcome

    /// Asks every connection at once, so that the wait is one timeout cycle however many
    /// services are down; the probes come back in the order given.
    static func probe(_ connections: [ServiceConnection]) -> [HealthProbe] {
        let results = Mutex<[Int: HealthProbe]>([:])
        DispatchQueue.concurrentPerform(iterations: connections.count) { index in
            let probe = probe(connections[index])
            results.withLock { $0[index] = probe }
        }
        return results.withLock { results in connections.indices.map { results[$0]! } }
    }

    static func probe(_ connection: ServiceConnection) -> HealthProbe {
        let outcome: Outcome
        switch connection.request(Health.name) {
        case .result(let json):
            do {
                outcome = .answered(try json.decode(HealthReport.self, as: .internal), json: json)
            } catch {
                outcome = .unreachable(
                    CommandError(code: .internal, message: "unreadable health report: \(error.message)", field: error.field))
            }
        case .refused(let error):
            outcome = .refused(error)
        case .unreachable(let error):
            outcome = .unreachable(error)
        }
        return HealthProbe(service: connection.service, endpoint: connection.endpoint, outcome: outcome)
    }

    /// What this probe means for the exit status.
    var status: ExitStatus {
        switch outcome {
        case .answered(let report, _): report.status == HealthReport.statusOK ? .success : .degraded
        case .refused(let error), .unreachable(let error): ExitStatus(for: error.code)
        }
    }

    /// The `--json` form: the report plus `endpoint`, or `{service, endpoint, error}`.
    var json: JSONValue {
        switch outcome {
        case .answered(_, let json):
            var members = json.objectValue ?? [:]
            members["endpoint"] = .string(endpoint)
            return .object(members)
        case .refused(let error), .unreachable(let error):
            var details: [String: JSONValue] = ["code": .string(error.code.rawValue), "message": .string(error.message)]
            if let field = error.field { details["field"] = .string(field) }
            return ["service": .string(service.rawValue), "endpoint": .string(endpoint), "error": .object(details)]
        }
    }
}
