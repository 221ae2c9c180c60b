import Foundation
import Logging
import ODOPMessages
import ServiceLifecycle
import Synchronization
import UnixSignals
import ZeroMQ

/// Runs one service: its store, its command server, its event publisher and its subscriptions.
///
/// `init` does everything that can fail for a reason an operator must fix (data directory,
/// database, binding the endpoints) and throws `StartupError` with its exit code; nothing is
/// served yet. `run()` serves until a graceful shutdown (SIGTERM/SIGINT when given, the parent
/// group's, `shutdownGracefully()`) or cancellation, and then stops taking requests, finishes the
/// one in flight, stops the subscriptions after their current batch, publishes what was
/// committed, and closes every socket with a linger of 0.
///
/// Security (see `SecurityConfiguration`): given a key pair, the ROUTER and PUB sockets are CURVE
/// servers and a `ZAPHandler`, bound before either socket, admits only the allowlist's keys; the
/// allowlist is reread on SIGHUP (`reloadAllowlist()`). Without keys the service runs open, and
/// says so in its start line.
///
/// The command server, the publisher and each subscription are loops on threads of their own
/// (`ThreadWorker`), run as the services of one `ServiceGroup`: when one of them fails (a socket
/// or poll error, a subscriber that cannot open its sockets), the others are shut down and
/// `run()` throws that `WorkerFailure`, so that the process exits non-zero instead of living on
/// without it.
///
/// Observability: the host keeps the service's metrics (`ServiceMetrics`, a Prometheus registry
/// of its own unless metrics are off) and its loops' beats (`LoopBeats`), and when an ops bind is
/// configured it runs the ops HTTP endpoint (`OpsServer`: `/healthz`, `/readyz`, `/metrics`,
/// `/status`) as one more service of the same group, so it stops with the rest.
public final class ServiceHost: Service, Sendable {
    public let name: String
    public let store: ServiceStore
    /// The bound endpoints, with wildcard ports resolved.
    public let commandsEndpoint: String
    public let eventsEndpoint: String

    let context: ZMQContext
    private let publisher: EventPublisher
    private let commandServer: CommandServer
    private let subscribers: [DurableSubscriber]
    /// The allowlist in force, when the service uses CURVE.
    public let access: AccessControl?
    private let logger: Logger
    /// The service's metrics; nil when metrics are off.
    public let metrics: ServiceMetrics?
    /// The liveness of each loop, as `/healthz` reports it.
    public let beats: LoopBeats
    private let opsBind: OpsBind?
    private let boundOpsPort = OpsPort()
    private let ready = Atomic<Bool>(false)
    private let healthReport: @Sendable () -> HealthReport
    private let domainGauges: @Sendable (ServiceStore) -> [DomainGauge]
    private let group = Mutex<GroupState>(.notStarted)
    /// When a shutdown was asked for, to log how long it took.
    private let stopAsked = Mutex<ContinuousClock.Instant?>(nil)

    private enum GroupState {
        case notStarted
        case shutdownRequested
        case running(ServiceGroup)
    }

    public init(_ definition: some ServiceDefinition, configuration: ServiceConfiguration, logger: Logger) throws(StartupError) {
        let started = ContinuousClock.now
        name = definition.name
        self.logger = logger
        let store = try ServiceStore(directory: configuration.dataDirectory, definition: definition)
        self.store = store
        do {
            context = try ZMQContext()
        } catch {
            throw .internalFailure("cannot create the ZeroMQ context: \(error)")
        }

        let pub: ZMQSocket
        let router: ZMQSocket
        do {
            pub = try context.socket(.pub)
            try pub.set(.linger(milliseconds: 0), .sendHighWaterMark(100_000))
            router = try context.socket(.router)
            try router.set(.linger(milliseconds: 0), .routerMandatory(true), .maxMessageSize(configuration.hardMessageLimit))
        } catch {
            throw .internalFailure("cannot create sockets: \(error)")
        }
        let security = configuration.security
        var zap: ZAPHandler?
        if let keys = security.serverKeys, let path = security.authorizedKeysPath {
            let access: AccessControl
            do { access = try AccessControl(path: path, logger: logger) } catch { throw .configuration("allowlist \(error.message)") }
            self.access = access
            do {
                // The ZAP handler is bound first: a CURVE server without one admits any client.
                zap = try ZAPHandler(context: context, access: access, watching: [("commands", router), ("events", pub)], logger: logger)
                for socket in [router, pub] {
                    try socket.set(.curveServer(true), .curveSecretKey(keys.secretKey), .zapDomain("odop"))
                }
            } catch {
                throw .internalFailure("cannot set up CURVE: \(error)")
            }
        } else {
            access = nil
        }
        (commandsEndpoint, eventsEndpoint) = try Self.bind(router, configuration.commandsBind, pub, configuration.eventsBind)
        try configuration.opsBind?.checkAvailable()

        let metrics = configuration.metricsEnabled ? ServiceMetrics() : nil
        self.metrics = metrics
        let beats = LoopBeats()
        self.beats = beats
        opsBind = configuration.opsBind
        store.eventLog.setMetrics(metrics)

        let lastSeq: Int64
        do { lastSeq = try store.lastSeq() } catch { throw .storage(store.path, "\(error)") }
        let publisher = EventPublisher(
            socket: pub, source: definition.name, epoch: store.epoch, heartbeatInterval: configuration.heartbeatInterval, lastSeq: lastSeq,
            logger: logger, metrics: metrics, beat: beats.register("publisher", staleAfter: configuration.livenessTimeout))
        self.publisher = publisher
        store.eventLog.setSink { events in publisher.enqueue(events) }

        let context = self.context
        do {
            subscribers = try definition.follows.map {
                try DurableSubscriber(follow: $0, endpoints: configuration.peer($0.source), store: store, context: context, logger: logger)
            }
        } catch {
            throw .storage(store.path, "cannot read subscription cursors: \(error)")
        }
        for subscriber in subscribers {
            subscriber.setBeat(
                beats.register("follows-\(subscriber.source)", staleAfter: configuration.livenessTimeout + subscriber.follow.replayTimeout))
        }

        var registry = CommandRegistry()
        RuntimeCommandHandlers.register(
            in: &registry, service: definition.name, version: definition.version, store: store, publisher: publisher,
            subscribers: subscribers, hooks: configuration.hooks, metrics: metrics)
        AuditCommandHandlers.register(in: &registry)
        definition.registerCommands(in: &registry)
        metrics?.setKnownCommands(registry.names)
        commandServer = CommandServer(
            socket: router, registry: registry, store: store,
            settings: .init(
                maxCommandBytes: configuration.maxCommandBytes, replyRetention: configuration.replyRetention,
                rateLimit: security.rateLimit, auditRetention: security.auditRetention),
            logger: logger, access: access, metrics: metrics,
            beat: beats.register("commands", staleAfter: configuration.livenessTimeout, busyLimit: configuration.commandTimeLimit),
            writerBeat: beats.register(
                "commands-write", staleAfter: configuration.livenessTimeout, busyLimit: configuration.commandTimeLimit),
            hooks: configuration.hooks)
        healthReport = RuntimeCommandHandlers.healthReport(
            service: definition.name, version: definition.version, store: store, publisher: publisher, subscribers: subscribers)
        domainGauges = { [logger] store in
            do {
                return try store.read { try definition.gauges($0) }
            } catch {
                logger.warning("cannot read the domain gauges", metadata: ["error": "\(error)"])
                return []
            }
        }
        workers =
            (zap.map { zap in
                [
                    ThreadWorker(
                        name: "\(definition.name)-zap", threadName: "zap", loop: { try zap.run() }, requestStop: { zap.requestStop() })
                ]
            }
                ?? [])
            + Self.workers(name: name, publisher: publisher, subscribers: subscribers, commandServer: commandServer)
        serviceWorkers = definition.workers(store: store, logger: logger)
        let securityNote: String
        if let access {
            securityNote = "curve: \(access.allowlist.entries.count) client keys admitted from \(access.path)"
        } else if security.allowInsecure && ![commandsEndpoint, eventsEndpoint].allSatisfy(SecurityConfiguration.isLoopback) {
            securityNote = "none: open on a non-loopback address (--allow-insecure)"
            logger.warning(
                "running WITHOUT CURVE on a non-loopback address: anyone who reaches it can read and change data",
                metadata: [
                    "commands": "\(commandsEndpoint)", "events": "\(eventsEndpoint)",
                ])
        } else {
            securityNote = "none: open on loopback, for local development only"
        }
        logger.info(
            "started",
            metadata: [
                "commands": "\(commandsEndpoint)", "events": "\(eventsEndpoint)", "database": "\(store.path)",
                "lastSeq": "\(lastSeq)", "follows": "\(definition.follows.map(\.source).joined(separator: ","))",
                "http": "\(configuration.opsBind.map(\.description) ?? "none")", "metrics": "\(metrics == nil ? "off" : "on")",
                "security": "\(securityNote)",
                "rateLimit": "\(security.rateLimit.map { "\($0.perSecond)/s burst \($0.burst)" } ?? "off")",
                "startupMs": "\((ContinuousClock.now - started).milliseconds)",
            ])
    }

    private static func bind(_ router: ZMQSocket, _ commands: String, _ pub: ZMQSocket, _ events: String) throws(StartupError) -> (
        String, String
    ) {
        do {
            try router.bind(commands)
        } catch {
            throw .bind(
                endpoint: commands,
                reason: error.isAddressInUse ? "address already in use (is the service already running?)" : error.message)
        }
        do {
            try pub.bind(events)
        } catch {
            throw .bind(
                endpoint: events, reason: error.isAddressInUse ? "address already in use (is the service already running?)" : error.message)
        }
        return ((try? router.lastEndpoint) ?? commands, (try? pub.lastEndpoint) ?? events)
    }

    /// The loops, in start order; a graceful shutdown stops them in reverse: first the command
    /// server (no new work), then the subscriptions, last the publisher (which sends what was
    /// committed).
    private let workers: [ThreadWorker]
    /// The service's own workers (`ServiceDefinition.workers`).
    private let serviceWorkers: [any ServiceWorker]

    private static func workers(name: String, publisher: EventPublisher, subscribers: [DurableSubscriber], commandServer: CommandServer)
        -> [ThreadWorker]
    {
        [
            ThreadWorker(
                name: "\(name)-publisher", threadName: "publisher", loop: { try publisher.run() }, requestStop: { publisher.requestStop() })
        ]
            + subscribers.map { subscriber in
                ThreadWorker(
                    name: "\(name)-follows-\(subscriber.source)", threadName: "sub-\(subscriber.source)", loop: { try subscriber.run() },
                    requestStop: { subscriber.requestStop() })
            }
            + [
                ThreadWorker(
                    name: "\(name)-commands", threadName: "commands", loop: { try commandServer.run() },
                    requestStop: { commandServer.requestStop() })
            ]
    }

    /// Starts serving on threads of its own, at once, without needing the caller's executor (the
    /// worker threads must not wait for a task to be scheduled). `run()` calls it; idempotent.
    public func start() {
        for worker in workers { worker.start() }
        for worker in serviceWorkers { worker.start() }
    }

    /// The port the ops HTTP endpoint listens on, once it does (nil with no ops endpoint).
    public var opsPort: Int? { boundOpsPort.value }

    /// Whether the host takes commands (`/readyz`): from `run()` until a shutdown starts.
    public var isReady: Bool { ready.load(ordering: .acquiring) }

    /// `/metrics`: the registry rendered in the Prometheus text format, gauges set now; nil when
    /// metrics are off.
    public func renderMetrics() -> [UInt8]? {
        guard let metrics else { return nil }
        return metrics.render(
            .init(
                lastSeq: publisher.lastSeq, subscriptions: subscribers.map(\.status), loops: beats.report(),
                databasePath: store.path, domain: domainGauges(store)))
    }

    private var opsSource: OpsSource {
        OpsSource(
            loops: { [beats] in beats.report() }, isReady: { [self] in isReady }, health: healthReport,
            metrics: { [self] in renderMetrics() })
    }

    /// Serves until a graceful shutdown of the parent group, `shutdownGracefully()`, or
    /// cancellation, then shuts down. Throws the `WorkerFailure` of a loop that failed.
    public func run() async throws {
        try await run(gracefulShutdownSignals: [])
    }

    /// Serves, turning `gracefulShutdownSignals` (SIGTERM, SIGINT) into a graceful shutdown.
    public func run(gracefulShutdownSignals: [UnixSignal]) async throws {
        // Start order (a graceful shutdown goes in reverse): the ops endpoint (it answers, not
        // ready, until the loops have stopped), the publisher, the subscriptions, the service's
        // own workers, the command server.
        let ops: [any Service] =
            opsBind.map {
                [OpsExecutorService(base: OpsServer.application(bind: $0, source: opsSource, boundPort: boundOpsPort, logger: logger))]
            } ?? []
        let loops: [any Service] = ops + Array(workers.dropLast()) + serviceWorkers + [workers.last!]
        let group = ServiceGroup(
            configuration: .init(
                services: loops.map {
                    .init(service: $0, successTerminationBehavior: .cancelGroup, failureTerminationBehavior: .gracefullyShutdownGroup)
                } + (access.map { [.init(service: AllowlistReloader(access: $0, store: store, service: name, logger: logger))] } ?? []),
                gracefulShutdownSignals: gracefulShutdownSignals, logger: logger))
        let shutdownRequested = self.group.withLock { state in
            defer { state = .running(group) }
            if case .shutdownRequested = state { return true }
            return false
        }
        if shutdownRequested { await group.triggerGracefulShutdown() }
        ready.store(!shutdownRequested, ordering: .releasing)
        logger.info("ready")
        defer {
            ready.store(false, ordering: .releasing)
            context.terminate()
            let asked = stopAsked.withLock { $0 } ?? ContinuousClock.now
            logger.info("stopped", metadata: ["shutdownMs": "\((ContinuousClock.now - asked).milliseconds)"])
        }
        do {
            try await withTaskCancellationOrGracefulShutdownHandler {
                try await group.run()
            } onCancelOrGracefulShutdown: { [self] in
                self.ready.store(false, ordering: .releasing)
                self.stopAsked.withLock { $0 = $0 ?? ContinuousClock.now }
                Task { await group.triggerGracefulShutdown() }
            }
        } catch let failure as WorkerFailure {
            logger.critical(
                "a worker failed; stopping the service", metadata: ["worker": "\(failure.worker)", "error": "\(failure.reason)"])
            throw failure
        } catch {
            logger.critical("a worker stopped unexpectedly; stopping the service", metadata: ["error": "\(error)"])
            throw WorkerFailure(worker: "service group", reason: "\(error)")
        }
    }

    /// Rereads the allowlist now, as SIGHUP does, and records the outcome in the audit trail;
    /// nil when the service runs without CURVE.
    @discardableResult
    public func reloadAllowlist() -> AccessControl.Reload? {
        access.map { reload(access: $0, store: store, service: name, logger: logger) }
    }

    /// Asks `run()` to shut down gracefully (as SIGTERM does); returns at once.
    public func shutdownGracefully() async {
        ready.store(false, ordering: .releasing)
        stopAsked.withLock { $0 = $0 ?? ContinuousClock.now }
        let running: ServiceGroup? = group.withLock { state in
            switch state {
            case .running(let group): return group
            case .notStarted, .shutdownRequested:
                state = .shutdownRequested
                return nil
            }
        }
        await running?.triggerGracefulShutdown()
    }
}
