import Foundation
import ServiceLifecycle

/// A task executor on one thread of its own, for the ops HTTP endpoint: `/healthz` and
/// `/metrics` keep answering while the concurrency pool is busy (in production a liveness probe
/// must not wait for it; in a test process, other tests may block the pool's threads). One per
/// process, shared by every host's endpoint; its thread lives as long as the process.
final class OpsExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = OpsExecutor()

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init() {
        NamedThread.start("ops-http") { [unowned self] in self.serve() }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func serve() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}

/// Runs `base` (and every child task it starts) on `OpsExecutor`.
struct OpsExecutorService: Service {
    let base: any Service

    func run() async throws {
        try await withTaskExecutorPreference(OpsExecutor.shared) {
            try await base.run()
        }
    }
}
