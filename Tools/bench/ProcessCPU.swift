import Foundation

/// CPU time, for figures of CPU per operation: on a 2-core machine shared by everything the bench
/// runs, the CPU an operation costs says more about how far its rate can go than the rate itself.

/// User + system CPU seconds used so far by this process, all its threads together (the client
/// threads, the services run in this process, libzmq's I/O threads): `getrusage(RUSAGE_SELF)`.
func processCPUSeconds() -> Double {
    var usage = rusage()
    guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

private func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }

/// User + system CPU seconds used so far by process `pid` (all its threads), from fields 14 and 15
/// of `/proc/<pid>/stat` (clock ticks); nil when unreadable (the process has gone).
func childCPUSeconds(pid: Int32) -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = text.lastIndex(of: ")")
    else { return nil }
    // After "pid (comm)": state is field 3, utime field 14, stime field 15.
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// CPU seconds spent between `start()` and `elapsed()`, by this process and, when given, by
/// another one it measures against (a child service).
struct CPUMeter {
    private let other: Int32?
    private let selfAtStart: Double
    private let otherAtStart: Double

    init(alsoProcess other: Int32? = nil) {
        self.other = other
        selfAtStart = processCPUSeconds()
        otherAtStart = other.flatMap(childCPUSeconds(pid:)) ?? 0
    }

    /// CPU seconds since `init`, this process plus the other one.
    func elapsed() -> Double {
        let mine = processCPUSeconds() - selfAtStart
        guard let other else { return mine }
        return mine + max(0, (childCPUSeconds(pid: other) ?? otherAtStart) - otherAtStart)
    }

    /// CPU microseconds per operation since `init` (0 when there was none).
    func microsPerOperation(_ operations: Int) -> Double {
        operations > 0 ? elapsed() * 1e6 / Double(operations) : 0
    }
}

/// Bytes this process has passed to write(2) and pwrite(2) so far (`wchar` of `/proc/self/io`):
/// for a service run in the bench, its SQLite files (the WAL's frames, the checkpoints' pages
/// and journals); libzmq sends with send(2), which is not counted. Nil when unreadable.
func processWrittenBytes() -> Double? {
    guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("wchar:") {
        return Double(line.dropFirst("wchar:".count).trimmingCharacters(in: .whitespaces))
    }
    return nil
}

/// The detail key under which a figure gives its CPU per operation.
let cpuPerOperationKey = "cpu µs/op"
