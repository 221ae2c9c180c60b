import ODOPMessages

/// How `status` shows the probes to people: a table of services, a table of subscriptions, and
/// on stderr one line per service that is not ok.
struct StatusReport {
    let probes: [HealthProbe]

    static let maximumErrorLength = 60

    var servicesTable: Table {
        var table = Table([
            .text("SERVICE"), .text("ENDPOINT"), .text("STATUS"), .text("VERSION"), .number("UPTIME"),
            .number("LAST SEQ"),
        ])
        for probe in probes {
            switch probe.outcome {
            case .answered(let report, _):
                let status = report.status == HealthReport.statusOK ? "up" : report.status
                table.append([
                    probe.service.rawValue, probe.endpoint, status, report.version,
                    HumanDuration.format(seconds: report.uptimeSeconds), String(report.lastSeq),
                ])
            case .refused(let error):
                table.append([probe.service.rawValue, probe.endpoint, "ERROR (\(error.code.rawValue))", "-", "-", "-"])
            case .unreachable(let error):
                let status = error.code == .unavailable ? "DOWN" : "ERROR (\(error.code.rawValue))"
                table.append([probe.service.rawValue, probe.endpoint, status, "-", "-", "-"])
            }
        }
        return table
    }

    /// One row per subscription of every service that answered (empty when none has any).
    var subscriptionsTable: Table {
        var table = Table([
            .text("SUBSCRIBER"), .text("SOURCE"), .number("APPLIED"), .number("SOURCE SEQ"), .number("LAG"),
            .text("STATE"),
        ])
        for probe in probes {
            guard case .answered(let report, _) = probe.outcome else { continue }
            for subscription in report.subscriptions {
                table.append(Self.subscriptionRow(subscription, subscriber: probe.service.rawValue))
            }
        }
        return table
    }

    static func subscriptionRow(_ subscription: SubscriptionStatus, subscriber: String? = nil) -> [String] {
        var row = subscriber.map { [$0] } ?? []
        row += [
            subscription.source, String(subscription.lastAppliedSeq), subscription.sourceLastSeq.map(String.init) ?? "-",
            subscription.lag.map(String.init) ?? "-", stateText(subscription),
        ]
        return row
    }

    /// `running`, `stalled at #1201: <error>` or `disconnected: <why>`, shortened for a table.
    static func stateText(_ subscription: SubscriptionStatus) -> String {
        func shortened(_ text: String) -> String {
            let text = text.replacingNewlines()
            return text.count > maximumErrorLength ? String(text.prefix(maximumErrorLength - 1)) + "…" : text
        }
        if subscription.state == .disconnected, let why = subscription.lastError { return "disconnected: \(shortened(why))" }
        guard subscription.state == .stalled, let stalled = subscription.stalled else { return subscription.state.rawValue }
        return "stalled at #\(stalled.seq): \(shortened(stalled.error))"
    }

    /// The stderr lines: why each service is not ok, then a hint when some is down.
    var problemLines: [String] {
        var lines: [String] = []
        var anyDown = false
        for probe in probes {
            let name = probe.service.rawValue
            switch probe.outcome {
            case .answered(let report, _):
                guard report.status != HealthReport.statusOK else { continue }
                let reasons = report.subscriptions.compactMap(Self.reason)
                if reasons.isEmpty {
                    lines.append("warning: \(name) is \(report.status)")
                } else {
                    lines += reasons.map { "warning: \(name) is \(report.status): \($0)" }
                }
            case .refused(let error):
                lines.append("error: \(name) at \(probe.endpoint) refused health: \(error)")
            case .unreachable(let error) where error.code == .unavailable:
                anyDown = true
                lines.append("error: \(name) is down: \(error.message)")
            case .unreachable(let error):
                lines.append("error: \(name) at \(probe.endpoint): \(error)")
            }
        }
        if anyDown {
            lines.append(
                "hint: start the services that are down, or point odopctl at them with --<service>-commands, "
                    + "ODOP_<SERVICE>_COMMANDS or the config file")
        }
        return lines
    }

    /// Why a subscription makes its service degraded, or nil when it does not.
    static func reason(_ subscription: SubscriptionStatus) -> String? {
        switch subscription.state {
        case .stalled:
            guard let stalled = subscription.stalled else { return "its subscription to \(subscription.source) is stalled" }
            return "its subscription to \(subscription.source) is stalled at seq \(stalled.seq) (\(stalled.type)) "
                + "after \(stalled.attempts) attempt(s) since \(stalled.since): \(stalled.error.replacingNewlines())"
        case .disconnected:
            guard let why = subscription.lastError else {
                return "its subscription to \(subscription.source) is disconnected (is \(subscription.source) running?)"
            }
            return "its subscription to \(subscription.source) is disconnected: \(why.replacingNewlines())"
        case .running, .catchingUp:
            return nil
        }
    }
}

extension String {
    func replacingNewlines() -> String {
        split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
