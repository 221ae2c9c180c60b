import Foundation
import Synchronization

/// Nanoseconds on the monotonic clock (`CLOCK_MONOTONIC`), shared by every thread of the
/// process: a timestamp taken on one thread can be compared with one taken on another.
@inline(__always)
func nowNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}

func seconds(_ nanos: UInt64) -> Double { Double(nanos) / 1e9 }

func nanos(seconds: Double) -> UInt64 { UInt64(max(0, seconds) * 1e9) }

/// Sleeps until the monotonic clock reaches `deadline` (returns at once when it has).
func sleep(untilNanos deadline: UInt64) {
    let now = nowNanos()
    guard deadline > now else { return }
    var request = timespec(tv_sec: Int(deadline - now) / 1_000_000_000, tv_nsec: Int(deadline - now) % 1_000_000_000)
    var remaining = timespec()
    while nanosleep(&request, &remaining) == -1 && errno == EINTR { request = remaining }
}

/// Runs `body` on a detached task and blocks the calling thread until it has returned: the
/// scenarios are synchronous, the harness's `stop()`s are async.
func waitFor(_ body: @escaping @Sendable () async -> Void) {
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        await body()
        done.signal()
    }
    done.wait()
}

/// Why a scenario could not run (as opposed to running and missing its target).
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Latency figures from individual samples (nanoseconds).
struct LatencySummary: Codable, Sendable {
    var count: Int
    var p50: Double
    var p99: Double
    var mean: Double
    var max: Double

    /// Summarises `samples`; values are reported in microseconds.
    init(nanos samples: [UInt64]) {
        let sorted = samples.sorted()
        count = sorted.count
        func rank(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = Swift.min(sorted.count - 1, Swift.max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
            return Double(sorted[index]) / 1000
        }
        p50 = rank(50)
        p99 = rank(99)
        mean = sorted.isEmpty ? 0 : Double(sorted.reduce(0, &+)) / Double(sorted.count) / 1000
        max = Double(sorted.last ?? 0) / 1000
    }
}

/// A thread that runs `body` once; `join()` waits for it to end.
final class WorkerThread: Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(name: String, _ body: @escaping @Sendable () -> Void) {
        let done = self.done
        let thread = Thread {
            body()
            done.signal()
        }
        thread.name = name
        thread.start()
    }

    func join() { done.wait() }

    /// Waits at most `seconds`; returns whether the thread ended.
    func join(timeout seconds: Double) -> Bool {
        done.wait(timeout: .now() + seconds) == .success
    }
}

/// What a closed-loop load (N threads, each waiting for its reply before the next request)
/// achieved in its measuring window.
struct LoadOutcome: Sendable {
    var operations: Int
    var errors: Int
    var firstError: String?
    var windowSeconds: Double
    var latencies: [UInt64]
    var failedThreads: [String]
    /// Operations completed in each whole second of the window (a trend over the run).
    var perSecond: [Int]
    /// CPU seconds used over the measuring window by this process (every thread: the clients, a
    /// service run in this process, libzmq's I/O threads) plus the process given as `alsoProcess`.
    var cpuSeconds: Double = 0
    /// Bytes this process wrote to files over the window (`processWrittenBytes`), if readable.
    var writtenBytes: Double?

    var rate: Double { windowSeconds > 0 ? Double(operations) / windowSeconds : 0 }

    /// CPU microseconds per counted operation over the window.
    var cpuMicrosPerOperation: Double { operations > 0 ? cpuSeconds * 1e6 / Double(operations) : 0 }
}

/// Runs `threads` workers for `warmup + duration` seconds. Each worker makes its state with
/// `setup` (on its own thread: sockets belong to the thread that uses them), then repeats the
/// operation it returns until the end. Only operations that start and finish inside the
/// measuring window (after the warm-up) are counted. An operation that throws counts as an
/// error; the worker carries on. The CPU used over the window is read at its start and end by a
/// thread of its own (`cpuSeconds`), for this process and `alsoProcess` (a child service) if given.
func runClosedLoop(
    threads: Int, warmup: Double, duration: Double, name: String, alsoProcess: Int32? = nil,
    setup: @escaping @Sendable (Int) throws -> (() throws -> Void)
) -> LoadOutcome {
    struct Partial {
        var operations = 0
        var errors = 0
        var firstError: String?
        var latencies: [UInt64] = []
        var failedThreads: [String] = []
        var perSecond: [Int] = []
    }
    let collected = Mutex(Partial())
    let start = nowNanos()
    let windowStart = start + nanos(seconds: warmup)
    let deadline = windowStart + nanos(seconds: duration)
    let window = Mutex<(cpu: Double, written: Double?)>((0, nil))
    let cpuSampler = WorkerThread(name: "\(name)-cpu") {
        sleep(untilNanos: windowStart)
        let meter = CPUMeter(alsoProcess: alsoProcess)
        let writtenAtStart = processWrittenBytes()
        sleep(untilNanos: deadline)
        let used = meter.elapsed()
        let written = writtenAtStart.flatMap { start in processWrittenBytes().map { $0 - start } }
        window.withLock { $0 = (used, written) }
    }
    let workers = (0..<threads).map { index in
        WorkerThread(name: "\(name)-\(index)") {
            let operation: () throws -> Void
            do {
                operation = try setup(index)
            } catch {
                collected.withLock { $0.failedThreads.append("worker \(index): \(error)") }
                return
            }
            var local = Partial()
            local.latencies.reserveCapacity(65_536)
            local.perSecond = Array(repeating: 0, count: max(1, Int(duration.rounded(.up))))
            while true {
                let t0 = nowNanos()
                if t0 >= deadline { break }
                do {
                    try operation()
                } catch {
                    local.errors += 1
                    if local.firstError == nil { local.firstError = "\(error)" }
                    continue
                }
                let t1 = nowNanos()
                if t0 >= windowStart && t1 <= deadline {
                    local.operations += 1
                    local.latencies.append(t1 - t0)
                    local.perSecond[min(local.perSecond.count - 1, Int((t1 - windowStart) / 1_000_000_000))] += 1
                }
            }
            collected.withLock { total in
                total.operations += local.operations
                total.errors += local.errors
                if total.firstError == nil { total.firstError = local.firstError }
                total.latencies.append(contentsOf: local.latencies)
                if total.perSecond.isEmpty {
                    total.perSecond = local.perSecond
                } else {
                    for i in total.perSecond.indices { total.perSecond[i] += local.perSecond[i] }
                }
            }
        }
    }
    for worker in workers { worker.join() }
    cpuSampler.join()
    let (cpuSeconds, writtenBytes) = window.withLock { $0 }
    return collected.withLock { p in
        LoadOutcome(
            operations: p.operations, errors: p.errors, firstError: p.firstError, windowSeconds: duration,
            latencies: p.latencies, failedThreads: p.failedThreads, perSecond: p.perSecond, cpuSeconds: cpuSeconds,
            writtenBytes: writtenBytes)
    }
}

/// A cheap per-thread pseudo-random sequence (xorshift64*), so that picking a key costs nothing
/// next to the operation measured.
struct CheapRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    mutating func next(below bound: Int) -> Int {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return Int((state &* 0x2545_F491_4F6C_DD1D) % UInt64(bound))
    }
}
