import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting

/// The four services on test hosts, CURVE on: each binds its host's own address, has its own key
/// pair, admits the allowlist's keys, and follows its sources at their hosts' addresses with its
/// own key (`ODOP_<SOURCE>_PUBLIC_KEY_FILE`). The test talks to each as the admin key `tester`.
struct HostedServices {
    let keys: HostKeys

    /// Service `name` on `host`, following `sources`, started and answering `health` over CURVE.
    func start(
        _ name: String, on host: TestNetwork.Host, following sources: [ServiceProcess] = [], environment extra: [String: String] = [:]
    ) throws -> ServiceProcess {
        var environment = keys.serverEnvironment(name)
        // The test's admin client sends as fast as it can; the per-client rate limit (on by default
        // off loopback) is not what is under test.
        environment["ODOP_RATE_LIMIT"] = "0"
        for source in sources {
            let prefix = "ODOP_\(source.service.uppercased())"
            environment["\(prefix)_COMMANDS"] = source.commandsEndpoint
            environment["\(prefix)_EVENTS"] = source.eventsEndpoint
            environment["\(prefix)_PUBLIC_KEY_FILE"] = keys.publicPath(source.service)
        }
        environment.merge(extra) { $1 }
        let service = ServiceProcess(
            name, commandsEndpoint: host.endpoint(FreePort.next()), eventsEndpoint: host.endpoint(FreePort.next()),
            environment: environment)
        service.launcher = host.launcher
        service.curve = try keys.clientKeys("tester", server: name)
        try service.start()
        return service
    }
}

/// Reads a service's whole event log through `events.replay`, page by page.
enum EventLog {
    static func all(of service: ServiceProcess) throws -> [EventEnvelope] {
        let client = try service.client()
        var events: [EventEnvelope] = []
        while true {
            let page = try client.call(EventsReplay.self, .init(after: events.last?.seq ?? 0, limit: EventsReplay.maximumLimit))
            events += page.events
            if page.events.isEmpty || (events.last?.seq ?? 0) >= page.lastSeq { return events }
        }
    }
}

extension ServiceProcess {
    /// Its health report, over CURVE when `curve` is set.
    func secureHealth() throws -> HealthReport {
        try client(timeout: .seconds(2), retries: 1).call(Health.self, NoArguments())
    }
}
