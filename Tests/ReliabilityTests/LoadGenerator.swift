import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Synchronization

/// A steady mix of writes to all four services, one worker thread per service, as real clients
/// send them: each request is sent again with the same id (Lazy Pirate: a new socket after a
/// timeout) until it gets a final reply, however long the service is down, cut off or out of
/// disk. Every acknowledged write goes to the `CommandLog` with where its effect must be.
///
/// - catalogue: `product.register` in the 40 districts made by `setUp`, and `product.retire` of
///   a third of the products it registered (which drive exports' plans, training's catalogue copy and
///   notifications' deliveries);
/// - exports: `figures.record` for products it registered a while ago;
/// - training: `scheme.define` of a new scheme;
/// - notifications: `subscription.create` (file channel; a filter that matches nothing sent), up
///   to 60, then `subscription.pause` and `.resume` of those.
final class LoadGenerator: @unchecked Sendable {
    let cluster: ReliabilityCluster
    let log: CommandLog
    /// Longest a request is retried before it is counted as unanswered.
    var patience: Duration = .seconds(180)
    /// The notifications subscriptions that must get one delivery per catalogue product event.
    private(set) var deliverySubscriptions: [String] = []

    private let stopping = Atomic<Bool>(false)
    private let products = Mutex<[String]>([])
    private var districts: [String] = []
    private var workers: [Thread] = []
    private let schemeParameters: JSONValue

    init(cluster: ReliabilityCluster, log: CommandLog) throws {
        self.cluster = cluster
        self.log = log
        let fixture = TestEnvironment.packageRoot.appendingPathComponent("Tests/MessagesTests/Fixtures/training-scheme-define-args.json")
        schemeParameters = try WireFormat.parse(Data(contentsOf: fixture))["parameters"] ?? [:]
    }

    /// Districts to register products in, and the notifications subscriptions that follow every
    /// product event (made before the first product, so each of its events must reach them).
    func setUp(districtCount: Int = 40) throws {
        for number in 0..<districtCount {
            let name = "Reliability District \(number)"
            guard
                let (id, result) = perform(
                    "catalogue", "district.register", ["state": "Karnataka", "name": .string(name)])
            else { throw ReliabilityFailure(description: "district.register \(name) was not acknowledged") }
            let districtId = result["id"]?.stringValue ?? ""
            log.acknowledged(
                .init(
                    service: "catalogue", command: "district.register", requestId: id,
                    effect: .init(table: "districts", match: ["id": districtId]), events: 1))
            districts.append(name)
        }
        for ordered in [true, false] {
            let subscription = try subscribe(types: ["catalogue.product."], ordered: ordered)
            deliverySubscriptions.append(subscription)
        }
    }

    /// Starts the workers.
    func start() {
        stopping.store(false, ordering: .releasing)
        for service in ReliabilityCluster.services {
            let thread = Thread { [self] in
                while !stopping.load(ordering: .acquiring) {
                    switch service {
                    case "catalogue": catalogueStep()
                    case "exports": exportsStep()
                    case "training": trainingStep()
                    default: notificationsStep()
                    }
                    Thread.sleep(forTimeInterval: 0.03)
                }
            }
            thread.name = "load-\(service)"
            thread.start()
            workers.append(thread)
        }
    }

    /// Stops the workers once their requests in flight are answered.
    func stop() throws {
        stopping.store(true, ordering: .releasing)
        try eventually("the load generator's requests in flight were answered", timeout: patience + .seconds(30), every: .milliseconds(50))
        {
            workers.allSatisfy(\.isFinished)
        }
        workers = []
    }

    /// `count` product registrations back to back on a thread of their own (a burst).
    func burst(_ count: Int) -> Thread {
        let thread = Thread { [self] in
            for _ in 0..<count { register() }
        }
        thread.start()
        return thread
    }

    // MARK: The steps

    private func catalogueStep() {
        let known = products.withLock { $0.count }
        // A third retired: plans (whose every event carries the whole plan) stay small.
        if known >= 8 && Int.random(in: 0..<3) == 0 { retire() } else { register() }
    }

    private func register() {
        let district = districts.randomElement()!
        let name = "Reliability product \(RandomUUID.string().prefix(8))"
        let args: JSONValue = ["state": "Karnataka", "district": .string(district), "name": .string(name), "sector": "handicraft"]
        guard let (id, result) = perform("catalogue", "product.register", args), let product = result["id"]?.stringValue else { return }
        log.acknowledged(
            .init(
                service: "catalogue", command: "product.register", requestId: id,
                effect: .init(table: "products", match: ["id": product]), events: 1))
        products.withLock { $0.append(product) }
    }

    private func retire() {
        let product: String? = products.withLock { list in
            guard list.count > 4 else { return nil }
            return list.remove(at: Int.random(in: 0..<(list.count - 4)))
        }
        guard let product else { return }
        guard let (id, _) = perform("catalogue", "product.retire", ["id": .string(product), "reason": "reliability test"]) else { return }
        log.acknowledged(
            .init(
                service: "catalogue", command: "product.retire", requestId: id,
                effect: .init(table: "products", match: ["id": product, "status": "retired"]), events: 1))
    }

    /// A product registered a while ago (exports has most likely applied its event), if any.
    func knownProduct() -> String? {
        products.withLock { $0.count > 20 ? $0[Int.random(in: 0..<($0.count - 20))] : nil }
    }

    private func exportsStep() {
        guard let product = knownProduct() else { return }
        let request = figuresRequest(product)
        guard let (_, result) = perform(request, service: "exports") else { return }
        logFigures(request, result)
    }

    /// A new `figures.record` for `product`.
    func figuresRequest(_ product: String) -> CommandRequest {
        let args: JSONValue = [
            "productId": .string(product), "financialYear": "2023-24", "valueINRCrore": .double(Double(Int.random(in: 1...90_000)) / 10),
            "source": "DGCI&S",
        ]
        return CommandRequest(id: CommandClient.newRequestID(), command: "figures.record", args: args)
    }

    /// Logs an acknowledged `figures.record`.
    func logFigures(_ request: CommandRequest, _ result: JSONValue) {
        let product = request.args["productId"]?.stringValue ?? ""
        let revision = result["revision"]?.intValue ?? -1
        log.acknowledged(
            .init(
                service: "exports", command: "figures.record", requestId: request.id,
                effect: .init(
                    table: "export_figures", match: ["product_id": product, "financial_year": "2023-24", "revision": String(revision)]),
                events: 1))
    }

    private func trainingStep() {
        let scheme = "reliability-\(RandomUUID.string().prefix(12).lowercased())"
        var parameters = schemeParameters.objectValue ?? [:]
        parameters["name"] = .string("Reliability scheme \(scheme)")
        guard let (id, _) = perform("training", "scheme.define", ["schemeId": .string(scheme), "parameters": .object(parameters)]) else {
            return
        }
        log.acknowledged(
            .init(
                service: "training", command: "scheme.define", requestId: id,
                effect: .init(table: "schemes", match: ["scheme_id": scheme, "version": "1"]), events: 0))
    }

    /// The subscriptions the notifications worker made (at most `subscriptionCap`; then it
    /// pauses and resumes them): notifications matches every event against every subscription,
    /// so their number must stay bounded however long the run.
    private var ownSubscriptions: [String] = []
    private let subscriptionCap = 60

    private func notificationsStep() {
        Thread.sleep(forTimeInterval: 0.2)
        guard ownSubscriptions.count >= subscriptionCap else {
            if let id = try? subscribe(types: ["training.certificate.issued"], ordered: true) { ownSubscriptions.append(id) }
            return
        }
        let id = ownSubscriptions.randomElement()!
        let command = Bool.random() ? "subscription.pause" : "subscription.resume"
        guard let (request, _) = perform("notifications", command, ["id": .string(id)]) else { return }
        log.acknowledged(
            .init(
                service: "notifications", command: command, requestId: request,
                effect: .init(table: "notification_subscriptions", match: ["id": id]), events: nil))
    }

    /// A file-channel subscription; returns its id once acknowledged.
    private func subscribe(types: [String], ordered: Bool) throws -> String {
        let args: JSONValue = [
            "recipient": ["name": "Reliability desk", "role": "district officer"], "channel": "file",
            "target": .string(cluster.file("deliveries.jsonl")), "filter": ["types": .array(types.map(JSONValue.string))],
            "ordered": .bool(ordered),
        ]
        guard let (id, result) = perform("notifications", "subscription.create", args),
            let subscription = result["subscription"]?["id"]?.stringValue
        else { throw ReliabilityFailure(description: "subscription.create was not acknowledged") }
        log.acknowledged(
            .init(
                service: "notifications", command: "subscription.create", requestId: id,
                effect: .init(table: "notification_subscriptions", match: ["id": subscription]), events: 0))
        return subscription
    }

    // MARK: Sending

    /// Sends one request until it gets a final reply: the request id and the result of a success,
    /// nil after a failure reply (counted by code) or when `patience` ran out.
    func perform(_ service: String, _ command: String, _ args: JSONValue) -> (String, JSONValue)? {
        perform(CommandRequest(id: CommandClient.newRequestID(), command: command, args: args), service: service)
    }

    func perform(_ request: CommandRequest, service: String) -> (String, JSONValue)? {
        let command = request.command
        log.sent()
        let deadline = ContinuousClock.now + patience
        var client: CommandClient?
        while ContinuousClock.now < deadline {
            do {
                let current = try client ?? cluster.client(service)
                client = current
                switch try current.send(request) {
                case .success(_, let result):
                    current.close()
                    return (request.id, result)
                case .failure(_, let error) where error.code == .unavailable:
                    log.retried()
                    Thread.sleep(forTimeInterval: 0.1)
                case .failure(_, let error):
                    current.close()
                    log.refused(error, request: "\(service) \(command) \(request.id)")
                    return nil
                }
            } catch {
                log.retried()
                client?.close()
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        client?.close()
        log.unanswered()
        print("reliability: \(service) \(command) \(request.id) got no final reply in \(patience)")
        return nil
    }
}
