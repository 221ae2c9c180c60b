import ArgumentParser
import ODOPMessages

/// `odopctl status`: the health of every service and the lag of every subscription.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the health of every service and how far each subscriber is behind its source.",
        discussion: """
            Calls health on every service at once and prints one line per service: its command \
            endpoint, status (up, degraded or DOWN), version, uptime and the seq of the last \
            event it published. Below, one line per subscription: the subscribing service, its \
            source, the last seq it applied, the source's last seq, the lag between them, and \
            its state (running, catching_up, disconnected, or stalled with the event's seq and \
            error). A service that is not running shows as DOWN with the endpoint odopctl tried. \
            Unless --timeout, --retries or their settings say otherwise, each service gets 1 s \
            and one retry, so a DOWN line comes within about 2 s.

            Exits 0 when every service asked is up and ok; otherwise stderr says which is not \
            and why, and the exit code is 3 when any is down, 5 when all answered but some is \
            degraded (see odopctl --help for the others).

            With --json: a JSON array with each service's health report plus its "endpoint"; a \
            service that did not answer is {"service", "endpoint", "error": {"code", "message"}}.

            Examples:
              odopctl status
              odopctl status --service catalogue --service exports
              odopctl status --json --timeout 1 --retries 0 | jq '.[] | select(.error)'
            """
    )

    @Option(
        help: ArgumentHelp(
            "Only this service; repeat for several. (default: all)", valueName: "service"))
    var service: [ServiceName] = []

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let settings = try global.resolve(defaults: .probe)
        let services = service.isEmpty ? ServiceName.allCases : Array(Set(service)).sorted()
        var connections: [ServiceConnection] = []
        for service in services {
            connections.append(try settings.connection(to: service))
        }
        let probes = HealthProbe.probe(connections)
        let report = StatusReport(probes: probes)
        if global.json {
            StandardStream.output.writeLine(JSONText.compact(.array(probes.map(\.json))))
        } else {
            var text = report.servicesTable.rendered
            let subscriptions = report.subscriptionsTable
            if !subscriptions.isEmpty { text += "\n" + subscriptions.rendered }
            StandardStream.output.write(text)
        }
        let worst = probes.map(\.status).max { $0.severity < $1.severity } ?? .success
        guard worst == .success else { throw OdopctlFailure(worst, report.problemLines) }
    }
}
