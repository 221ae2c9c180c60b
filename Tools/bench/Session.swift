import Foundation
import Logging
import ZeroMQ

/// Every knob of every scenario, resolved from the command line (see `Commands.swift`).
struct BenchSettings: Sendable {
    var json = false
    var serviceLogLevel: Logger.Level = .warning
    var roundTrips = 20_000
    var warmupRoundTrips = 1_000
    var messageSize = 512
    var messages = 1_000_000
    var clients = 16
    var duration = 3.0
    var warmup = 0.5
    var rate = 5_000
    var pacers = 4
    var events = 200_000
    var eventsPerTransaction = 1_000
    var pageSize = 2_000
    var runs = 5
    var idle = 2.0
    var catalogueExecutable: String?
    var csv: String?
    var giRegistry: String?
    var applications = 10_000_000
    /// Whether the services the bench runs count metrics (`ODOP_METRICS` for a process).
    var metrics = true
    /// Timed runs of each floor (`floors`).
    var floorRepeats = 5
    /// Writes per run of the write floor; the other floors run small multiples of it.
    var floorOperations = 20_000
}

/// The scenarios, in the order `all` runs them.
enum Scenario: String, CaseIterable, Sendable {
    case raw, roundtrip, reads, writes, delay, events, memory, `import`, training, curve, floors

    /// What `all` runs: every scenario but the training data set (minutes and gigabytes), the
    /// cost of CURVE and the floors (their own commands).
    static var standard: [Scenario] { allCases.filter { ![.training, .curve, .floors].contains($0) } }

    var title: String {
        switch self {
        case .raw: "1 raw libzmq"
        case .roundtrip: "2 command round trip"
        case .reads: "3 reads/s"
        case .writes: "4 durable writes/s"
        case .delay: "5 commit-to-applied"
        case .events: "6 subscriber events/s"
        case .memory: "7 idle memory, startup"
        case .import: "8 catalogue import"
        case .training: "9 training at scale"
        case .curve: "10 CURVE on and off"
        case .floors: "11 floors"
        }
    }
}

/// One run of the command: settings, the report, and the raw baselines (each measured once,
/// when first needed, in this run).
final class BenchSession {
    let settings: BenchSettings
    let report: Report
    private var reqRep: LatencySummary?
    private var pushPull: Double?
    private var routerEcho: Double?
    /// CPU microseconds per message or round trip of each baseline (this process, every thread).
    private(set) var rawCPU = RawCPU()

    /// CPU microseconds per operation of the raw baselines, once measured.
    struct RawCPU {
        var requestReply: Double?
        var pushPull: Double?
        var routerEcho: Double?
    }

    init(settings: BenchSettings) {
        self.settings = settings
        report = Report(json: settings.json)
    }

    /// Runs the scenarios in order; returns whether all of them ran (MISSes included).
    func run(_ scenarios: [Scenario]) -> Bool {
        report.say(
            "odop-bench: \(scenarios.map(\.rawValue).joined(separator: ", ")) — metrics \(settings.metrics ? "on" : "off") — \(machineLine())"
        )
        let loadAtStart = loadAverage()
        if loadAtStart > 0.5 {
            report.say(
                "warning: load average \(String(format: "%.2f", loadAtStart)) before the run: other work on this machine disturbs the figures (the raw baseline as much as the rest)"
            )
        }
        #if DEBUG
            report.say("warning: this is a debug build; measure a release build (swift build -c release)")
        #endif
        for scenario in scenarios {
            report.say("")
            report.say("[\(scenario.title)]")
            let started = nowNanos()
            do {
                switch scenario {
                case .raw: try runRaw()
                case .roundtrip: try runRoundTrip()
                case .reads: try runReads()
                case .writes: try runWrites()
                case .delay: try runDelay()
                case .events: try runEvents()
                case .memory: try runMemory()
                case .import: try runImport()
                case .training: try runTraining()
                case .curve: try runCurveCost()
                case .floors: try runFloors()
                }
            } catch {
                report.fail(scenario.title, error)
            }
            report.say(String(format: "  (%.1f s)", seconds(nowNanos() - started)))
        }
        var info = machine()
        info["load before"] = String(format: "%.2f", loadAtStart)
        report.finish(machine: info)
        return report.failures.isEmpty
    }

    func machine() -> [String: String] {
        let v = ZMQLibrary.version
        var info = [
            "cores": "\(ProcessInfo.processInfo.activeProcessorCount)",
            "libzmq": "\(v.major).\(v.minor).\(v.patch)",
        ]
        #if DEBUG
            info["build"] = "debug"
        #else
            info["build"] = "release"
        #endif
        return info
    }

    /// The one-minute load average (/proc/loadavg), 0 when unreadable.
    func loadAverage() -> Double {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.flatMap { Double($0) } ?? 0
    }

    private func machineLine() -> String {
        machine().sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    // MARK: Baselines (measured once per run)

    /// Raw libzmq REQ/REP round trip of `messageSize` bytes.
    func rawRequestReply() throws -> LatencySummary {
        if let reqRep { return reqRep }
        let meter = CPUMeter()
        let samples = try RawBaseline.requestReplyLatency(
            roundTrips: settings.roundTrips, warmup: settings.warmupRoundTrips, size: settings.messageSize)
        rawCPU.requestReply = meter.microsPerOperation(settings.roundTrips + settings.warmupRoundTrips)
        let summary = LatencySummary(nanos: samples)
        reqRep = summary
        return summary
    }

    /// Raw libzmq PUSH/PULL messages per second, `messageSize` bytes.
    func rawPushPull() throws -> Double {
        if let pushPull { return pushPull }
        let meter = CPUMeter()
        let rate = try RawBaseline.pushPullThroughput(count: settings.messages, size: settings.messageSize)
        rawCPU.pushPull = meter.microsPerOperation(settings.messages)
        pushPull = rate
        return rate
    }

    /// Raw libzmq round trips per second, `clients` REQ threads against one echoing ROUTER thread.
    func rawRouterEcho() throws -> Double {
        if let routerEcho { return routerEcho }
        let outcome = try RawBaseline.routerEchoThroughput(
            clients: settings.clients, warmup: settings.warmup, duration: min(settings.duration, 2), size: settings.messageSize)
        guard outcome.operations > 0 else {
            throw BenchFailure("raw ROUTER echo made no round trip: \(outcome.firstError ?? outcome.failedThreads.first ?? "?")")
        }
        routerEcho = outcome.rate
        rawCPU.routerEcho = outcome.cpuMicrosPerOperation
        return outcome.rate
    }

    var rawReqRepName: String { "raw REQ/REP \(settings.messageSize) B mean" }
    var rawEchoName: String { "raw \(settings.clients)×REQ→ROUTER echo" }
    var rawPushPullName: String { "raw PUSH/PULL \(settings.messageSize) B" }
}
