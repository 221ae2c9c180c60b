import Foundation
import Logging
import ODOPRuntime
import ServiceLifecycle
import Synchronization

/// The delivery worker as a unit that starts and stops with the service: give it the host's
/// store, run it beside the host (a `ServiceLifecycle.Service`, so one `ServiceGroup` stops both
/// on SIGTERM), or `start()`/`stop()` it by hand in tests.
///
/// The worker runs on a thread of its own (`WorkerThreadExecutor`), like the runtime's loops. The
/// runtime has no hook for a service's own workers yet; when it gets one, this is the type to
/// hand to it.
public final class NotificationsRunner: Service, Sendable {
    let worker: DeliveryWorker
    let webhook: WebhookChannel
    private let task = Mutex<Task<Void, Never>?>(nil)

    public init(store: ServiceStore, context: NotificationsContext, logger: Logger) {
        context.attach(store)
        webhook = WebhookChannel(
            policy: context.settings.addressPolicy, timeout: context.settings.webhookTimeout,
            connectTimeout: context.settings.connectTimeout)
        worker = DeliveryWorker(
            store: store, context: context,
            channels: ChannelSet(webhook: webhook, file: FileChannel(), log: LogChannel(logger: logger)), logger: logger)
    }

    /// For tests: a runner over given channels (e.g. a webhook channel with a stub resolver).
    public init(store: ServiceStore, context: NotificationsContext, webhook: WebhookChannel, logger: Logger) {
        context.attach(store)
        self.webhook = webhook
        worker = DeliveryWorker(
            store: store, context: context,
            channels: ChannelSet(webhook: webhook, file: FileChannel(), log: LogChannel(logger: logger)), logger: logger)
    }

    /// Starts the worker on a task of its own. Idempotent.
    public func start() {
        let worker = self.worker
        task.withLock { task in
            guard task == nil else { return }
            task = Task(executorPreference: worker.executor) { await worker.run() }
        }
    }

    /// Stops the worker after the attempts in flight, and closes the HTTP connections.
    public func stop() async {
        let task = self.task.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        worker.context.wake()
        await task?.value
        await webhook.shutdown()
        worker.executor.shutdown()
    }

    public func run() async throws {
        start()
        try? await gracefulShutdown()
        await stop()
    }
}
