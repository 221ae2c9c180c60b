import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import ZeroMQ

/// The harm done to a running `ReliabilityCluster` while the `LoadGenerator` writes, one kind
/// per method; each returns once the cluster is whole again (every service answering health).
final class ChaosEpisodes: @unchecked Sendable {
    let cluster: ReliabilityCluster
    let load: LoadGenerator
    private(set) var kills = 0
    private(set) var subscriberStops = 0
    private(set) var publisherRestarts = 0
    private(set) var partitions = 0
    private(set) var diskFullEpisodes = 0
    private(set) var badInputs = BadInputSender.Outcome()
    private let context: ZMQContext
    private lazy var genericBadInputs = BadInputCorpus.generic()

    init(cluster: ReliabilityCluster, load: LoadGenerator) throws {
        self.cluster = cluster
        self.load = load
        context = try ZMQContext()
    }

    private func pause(_ seconds: ClosedRange<Double>) { Thread.sleep(forTimeInterval: Double.random(in: seconds)) }

    /// SIGKILL of a random service at a random moment, then a restart on the same data; `rounds` times.
    func kills(rounds: Int) throws {
        for _ in 0..<rounds {
            pause(0.2...1.5)
            let service = ReliabilityCluster.services.randomElement()!
            if cluster.kill(service) { kills += 1 }
            pause(0...0.5)
            try cluster.start(service)
        }
    }

    /// A subscriber stopped (SIGTERM) for a few seconds while its sources change, then restarted.
    func subscriberStop() throws {
        let service = ["exports", "training", "notifications"].randomElement()!
        cluster.stop(service)
        pause(2...4)
        try cluster.start(service)
        subscriberStops += 1
    }

    /// The catalogue restarted (SIGTERM, then started again) in the middle of a burst of writes.
    func publisherRestartMidBurst() throws {
        let burst = load.burst(150)
        pause(0.3...1.0)
        cluster.stop("catalogue")
        try cluster.start("catalogue")
        try eventually("the burst was acknowledged", timeout: load.patience + .seconds(30), every: .milliseconds(50)) { burst.isFinished }
        publisherRestarts += 1
    }

    /// Exports' host cut off (its link down: no traffic to or from the catalogue, nor the test)
    /// for a few seconds, then the link restored.
    func partition() throws {
        guard cluster.network != nil else { return }
        try cluster.setLink(of: "exports", up: false)
        let probe = try cluster.client("exports", timeout: .milliseconds(500))
        let cut = (try? probe.call(Health.self, NoArguments())) == nil
        probe.close()
        pause(3...5)
        try cluster.setLink(of: "exports", up: true)
        guard cut else { throw ReliabilityFailure(description: "exports still answered with its link down") }
        _ = try cluster.client("exports", timeout: .seconds(30)).call(Health.self, NoArguments())
        partitions += 1
    }

    /// Exports' disk filled: its writes are refused with `unavailable` (the same request again is
    /// refused again or applied once, never answered otherwise), its reads still answer; once
    /// space returns, the refused request goes through. Returns the violations seen (none expected).
    func diskFull() throws -> [String] {
        guard let volume = cluster.volume else { return [] }
        var problems: [String] = []
        let client = try cluster.client("exports", timeout: .seconds(5))
        defer { client.close() }
        // A product exports has applied: one of its figures recorded before the disk fills (a
        // product the subscriber has not reached yet is rightly refused `invalid_argument`).
        var known: String?
        try eventually("exports records a figure for a product it has learned", timeout: .seconds(60), every: .milliseconds(200)) {
            guard let product = load.knownProduct() else { return false }
            let request = load.figuresRequest(product)
            load.log.sent()
            switch try client.send(request) {
            case .success(_, let result):
                load.logFigures(request, result)
                known = product
                return true
            case .failure(_, let error):
                load.log.refused(error, request: "exports figures.record \(request.id) before the disk fills")
                return false
            }
        }
        guard let product = known else { return problems }
        volume.fill()
        defer { volume.free() }
        // Writes that fit in space SQLite already holds may still succeed: write until one is refused.
        var refused: CommandRequest?
        try eventually("a write to exports is refused with unavailable on a full disk", timeout: .seconds(60), every: .milliseconds(1)) {
            let request = load.figuresRequest(product)
            load.log.sent()
            switch try client.send(request) {
            case .success(_, let result):
                load.logFigures(request, result)
                return false
            case .failure(_, let error) where error.code == .unavailable:
                refused = request
                return true
            case .failure(_, let error):
                load.log.refused(error, request: "exports figures.record \(request.id) on a full disk")
                problems.append("a write on a full disk was answered \(error.code.rawValue): \(error.message)")
                return true
            }
        }
        guard var refused else { return problems }
        // The same request again while the disk is still full: refused again, or applied once
        // when SQLite found room meanwhile (a checkpoint lets the WAL be written from its start
        // again without growing); never anything else. Then a new one waits for the space.
        switch try client.send(refused) {
        case .success(_, let result):
            load.logFigures(refused, result)
            refused = load.figuresRequest(product)
            load.log.sent()
        case .failure(_, let error) where error.code == .unavailable:
            break
        case .failure(_, let error):
            problems.append("the refused request was answered \(error.code.rawValue) on a full disk: \(error.message)")
        }
        // Reads keep working.
        _ = try client.call(Health.self, NoArguments())
        _ = try client.call("plan.list", args: ["limit": 5])
        _ = try client.call("figures.list", args: ["limit": 5])
        pause(1...2)
        volume.free()
        try eventually("the refused write goes through once space returned", timeout: .seconds(60), every: .milliseconds(100)) {
            switch try client.send(refused) {
            case .success(_, let result):
                load.logFigures(refused, result)
                return true
            case .failure(_, let error) where error.code == .unavailable: return false
            case .failure(_, let error):
                problems.append("the refused write was answered \(error.code.rawValue) after space returned: \(error.message)")
                return true
            }
        }
        diskFullEpisodes += 1
        return problems
    }

    /// The bad-input corpus to every service's command socket; each service must still answer
    /// health afterwards.
    func sendBadInputs() throws {
        for service in ReliabilityCluster.services {
            let sender = BadInputSender(context: context, endpoint: cluster.commandsEndpoint(service), service: service)
            let inputs = genericBadInputs + (try CommandCatalogue.commands(of: service)).flatMap(BadInputCorpus.swappedArguments)
            let outcome = sender.send(inputs)
            badInputs.tried += outcome.tried
            badInputs.refused += outcome.refused
            badInputs.accepted += outcome.accepted.map { "\(service): \($0)" }
            badInputs.violations += outcome.violations
            _ = try cluster.client(service, timeout: .seconds(10)).call(Health.self, NoArguments())
        }
    }
}
