import Foundation
import ODOPClient
import ODOPMessages

/// What `odopctl top` knows of one service at one moment: its health (over its command socket)
/// and its metrics (from its ops endpoint, when reachable).
struct TopSample {
    let service: ServiceName
    let time: ContinuousClock.Instant
    let health: HealthReport?
    let problem: String?
    let metrics: [PrometheusSample]?

    static func take(_ connection: ServiceConnection, opsURL: String) -> TopSample {
        let probe = HealthProbe.probe(connection)
        var health: HealthReport?
        var problem: String?
        switch probe.outcome {
        case .answered(let report, _): health = report
        case .refused(let error), .unreachable(let error): problem = error.message
        }
        let metrics = try? OpsHTTPClient.get(opsURL + "/metrics", timeout: .seconds(1))
        return TopSample(
            service: connection.service, time: .now, health: health, problem: problem,
            metrics: metrics.flatMap { $0.status == 200 ? PrometheusSample.parse($0.body) : nil })
    }

    var commandsServed: Double? { metrics.flatMap { PrometheusSample.total($0, "odop_commands_total") } }
    var commandErrors: Double? {
        metrics.map {
            $0.filter { $0.name == "odop_commands_total" && !["ok", "replayed"].contains($0.labels["outcome"] ?? "") }.reduce(0) {
                $0 + $1.value
            }
        }
    }
}

/// One screen of `odopctl top`, from two samples of each service (rates need two).
struct TopFrame {
    let samples: [(previous: TopSample?, current: TopSample)]

    var rendered: String {
        var lines = [
            "odopctl top — \(RFC3339.string(from: Date()))   q or Ctrl-C to quit",
            "",
            pad(["SERVICE", "STATUS", "LAST SEQ", "EVENTS/S", "COMMANDS/S", "ERRORS/S", "UPTIME"]),
        ]
        var subscriptions: [String] = []
        for (previous, current) in samples {
            guard let health = current.health else {
                lines.append(pad([current.service.rawValue, "DOWN", "-", "-", "-", "-", "-"]) + "  " + (current.problem ?? ""))
                continue
            }
            let seconds = previous.map { (current.time - $0.time).seconds } ?? 0
            func rate(_ now: Double?, _ before: Double?) -> String {
                guard let now, let before, seconds > 0 else { return "-" }
                return String(format: "%.1f", max(0, now - before) / seconds)
            }
            lines.append(
                pad([
                    current.service.rawValue, health.status, "\(health.lastSeq)",
                    rate(Double(health.lastSeq), previous?.health.map { Double($0.lastSeq) }),
                    rate(current.commandsServed, previous?.commandsServed), rate(current.commandErrors, previous?.commandErrors),
                    "\(Int(health.uptimeSeconds)) s",
                ]))
            for subscription in health.subscriptions {
                let stalled = subscription.stalled.map { "at seq \($0.seq) \($0.type): \($0.error)" } ?? ""
                subscriptions.append(
                    pad([
                        current.service.rawValue, subscription.source, subscription.state.rawValue, "\(subscription.lastAppliedSeq)",
                        subscription.sourceLastSeq.map(String.init) ?? "-", subscription.lag.map(String.init) ?? "-",
                    ]) + (stalled.isEmpty ? "" : "  " + stalled))
            }
        }
        if !subscriptions.isEmpty {
            lines += ["", pad(["FOLLOWER", "SOURCE", "STATE", "APPLIED", "SOURCE SEQ", "LAG"])] + subscriptions
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func pad(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
            cell.padding(toLength: max(index == 0 ? 15 : 12, cell.count + 1), withPad: " ", startingAt: 0)
        }.joined().trimmingCharacters(in: .whitespaces)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
