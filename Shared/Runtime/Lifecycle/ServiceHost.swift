import Foundation
import Logging
import ODOPMessages
import ServiceLifecycle
import Synchronization
import ZeroMQ

/// Runs one service: its store, its command server, its event publisher and its subscriptions.
///
/// `init` does everything that can fail for a reason an operator must fix (data directory,
/// database, binding the endpoints) and throws `StartupError` with its exit code; nothing is
/// served yet. `run()` starts serving and returns after a graceful shutdown (SIGTERM/SIGINT
/// through a `ServiceGroup`, or cancellation): it stops taking requests, finishes the one in
/// flight, stops the subscriptions after their current batch, publishes what was committed,
/// and closes every socket with a linger of 0.
public final class ServiceHost: Service, Sendable {
    public let name: String
    public let store: ServiceStore
    /// The bound endpoints, with wildcard ports resolved.
    public let commandsEndpoint: String
    public let eventsEndpoint: String

    private let context: ZMQContext
    private let publisher: EventPublisher
    private let commandServer: CommandServer
    private let subscribers: [DurableSubscriber]
    private let logger: Logger
    private let started = Atomic<Bool>(false)

    public init(_ definition: some ServiceDefinition, configuration: ServiceConfiguration, logger: Logger) throws(StartupError) {
        let started = ContinuousClock.now
        name = definition.name
        self.logger = logger
        let store = try ServiceStore(directory: configuration.dataDirectory, service: definition.name, migrations: definition.migrations)
        self.store = store
        do {
            context = try ZMQContext()
        } catch {
            throw .internalFailure("cannot create the ZeroMQ context: \(error)")
        }

        let pub: ZMQSocket, router: ZMQSocket
        do {
            pub = try context.socket(.pub)
            try pub.set(.linger(milliseconds: 0), .sendHighWaterMark(100_000))
            router = try context.socket(.router)
            try router.set(.linger(milliseconds: 0), .routerMandatory(true), .maxMessageSize(configuration.hardMessageLimit))
        } catch {
            throw .internalFailure("cannot create sockets: \(error)")
        }
        (commandsEndpoint, eventsEndpoint) = try Self.bind(router, configuration.commandsBind, pub, configuration.eventsBind)

        let lastSeq: Int64
        do { lastSeq = try store.lastSeq() } catch { throw .storage(store.path, "\(error)") }
        let publisher = EventPublisher(socket: pub, source: definition.name, heartbeatInterval: configuration.heartbeatInterval, lastSeq: lastSeq, logger: logger)
        self.publisher = publisher
        store.eventLog.setSink { events in publisher.enqueue(events) }

        let context = self.context
        do {
            subscribers = try definition.subscriptions.map {
                try DurableSubscriber(definition: $0, store: store, context: context, logger: logger)
            }
        } catch {
            throw .storage(store.path, "cannot read subscription cursors: \(error)")
        }

        var registry = CommandRegistry()
        RuntimeCommands.register(
            in: &registry, service: definition.name, version: definition.version, startedAt: Date(),
            store: store, publisher: publisher, subscribers: subscribers)
        definition.registerCommands(in: &registry)
        commandServer = CommandServer(
            socket: router, registry: registry, store: store,
            settings: .init(maxCommandBytes: configuration.maxCommandBytes, replyRetention: configuration.replyRetention),
            logger: logger, authorizer: nil)
        logger.info("started", metadata: [
            "commands": "\(commandsEndpoint)", "events": "\(eventsEndpoint)", "database": "\(store.path)",
            "lastSeq": "\(lastSeq)", "security": "none: open on its endpoints, for local development only",
            "startupMs": "\((ContinuousClock.now - started).components.attoseconds / 1_000_000_000_000_000)",
        ])
    }

    private static func bind(_ router: ZMQSocket, _ commands: String, _ pub: ZMQSocket, _ events: String) throws(StartupError) -> (String, String) {
        do {
            try router.bind(commands)
        } catch {
            throw .bind(endpoint: commands, reason: error.isAddressInUse ? "address already in use (is the service already running?)" : error.message)
        }
        do {
            try pub.bind(events)
        } catch {
            throw .bind(endpoint: events, reason: error.isAddressInUse ? "address already in use (is the service already running?)" : error.message)
        }
        return ((try? router.lastEndpoint) ?? commands, (try? pub.lastEndpoint) ?? events)
    }

    /// Starts serving on threads of its own, without needing the caller's executor. Idempotent;
    /// `run()` calls it.
    public func start() {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { return }
        publisher.start()
        commandServer.start(name: name)
        for subscriber in subscribers { subscriber.start(serviceName: name) }
        logger.info("ready")
    }

    /// Serves until a graceful shutdown is requested (or the task is cancelled), then shuts down.
    public func run() async throws {
        start()
        try? await gracefulShutdown()
        await shutdown()
    }

    private func shutdown() async {
        logger.info("shutting down")
        let started = ContinuousClock.now
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            // The stops block until their threads end: keep them off the cooperative pool.
            let thread = Thread { [self] in
                commandServer.stop()
                for subscriber in subscribers { subscriber.stop() }
                publisher.stop()
                context.terminate()
                continuation.resume()
            }
            thread.start()
        }
        let elapsed = ContinuousClock.now - started
        logger.info("stopped", metadata: ["shutdownMs": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)"])
    }
}
