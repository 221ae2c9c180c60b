import ArgumentParser
import Foundation
import Logging

/// `odop-bench`: prints the design's performance figures beside a raw libzmq baseline measured
/// in the same run.
struct OdopBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "odop-bench",
        abstract: "Measures the ODOP runtime against the design's performance targets, beside raw libzmq.",
        discussion: """
            Each scenario prints its figures with the target, the raw baseline measured in the same run \
            where one applies, the ratio, and PASS or MISS. PASS/MISS is information: the exit code is 0 \
            unless a scenario could not run (then 1). Raw, round-trip, load and events figures give \
            `cpu µs/op` among their details: the CPU this process used over the timed window (all its \
            threads, plus the odop-catalogue child's for product.get) per operation. Everything runs on loopback (free ports, scratch \
            data directories that are removed), in bounded loops. Scenarios 3 (product.get), 7 and 8 \
            start the odop-catalogue built beside odop-bench and talk to it over the wire. Build and \
            run in release:

              swift build -c release
              $(swift build -c release --show-bin-path)/odop-bench all
            """,
        subcommands: [
            All.self, Raw.self, RoundTrip.self, Reads.self, Writes.self, Delay.self, EventsScenario.self,
            Memory.self, Import.self, TrainingScale.self, NotificationsFanOut.self, MetricsCost.self, CurveCost.self,
            Floors.self,
        ])
}

// MARK: Option groups

struct CommonOptions: ParsableArguments {
    @Flag(help: "Print one JSON document on standard output (progress goes to standard error).")
    var json = false

    @Flag(help: "Shorter runs (fewer round trips, events and seconds): a smoke test, not a measurement.")
    var quick = false

    @Option(help: "Log level of the services run in this process (info logs every command).")
    var serviceLogLevel: String = "warning"

    @Option(help: "on or off: whether the services run in this process count metrics (see metrics-cost).")
    var metrics: String = "on"

    func apply(to settings: inout BenchSettings) throws {
        settings.json = json
        guard let level = Logger.Level(rawValue: serviceLogLevel.lowercased()) else {
            throw ValidationError("--service-log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        settings.serviceLogLevel = level
        guard ["on", "off"].contains(metrics.lowercased()) else { throw ValidationError("--metrics must be on or off") }
        settings.metrics = metrics.lowercased() == "on"
        if quick {
            settings.roundTrips = 2_000
            settings.warmupRoundTrips = 200
            settings.messages = 200_000
            settings.duration = 1
            settings.warmup = 0.3
            settings.events = 20_000
            settings.runs = 2
            settings.idle = 0.5
        }
    }
}

struct LatencyOptions: ParsableArguments {
    @Option(help: "Timed round trips per latency figure (default 20000; --quick 2000).")
    var roundTrips: Int?

    @Option(help: "Bytes per raw libzmq message.")
    var messageSize: Int = 512

    func apply(to settings: inout BenchSettings) throws {
        if let roundTrips {
            guard roundTrips > 0 else { throw ValidationError("--round-trips must be positive") }
            settings.roundTrips = roundTrips
            settings.warmupRoundTrips = min(1_000, max(10, roundTrips / 10))
        }
        guard messageSize > 0 else { throw ValidationError("--message-size must be positive") }
        settings.messageSize = messageSize
    }
}

struct ThroughputOptions: ParsableArguments {
    @Option(help: "Messages sent one way for the raw PUSH/PULL throughput (default 1000000; --quick 200000).")
    var messages: Int?

    func apply(to settings: inout BenchSettings) throws {
        if let messages {
            guard messages > 1 else { throw ValidationError("--messages must be at least 2") }
            settings.messages = messages
        }
    }
}

struct LoadOptions: ParsableArguments {
    @Option(help: "Concurrent clients, each on its own thread (reads, writes, raw echo).")
    var clients: Int = 16

    @Option(help: "Seconds measured per timed scenario, after a warm-up (default 3; --quick 1).")
    var duration: Double?

    func apply(to settings: inout BenchSettings) throws {
        guard (1...256).contains(clients) else { throw ValidationError("--clients must be between 1 and 256") }
        settings.clients = clients
        if let duration {
            guard duration > 0 && duration <= 60 else { throw ValidationError("--duration must be in (0, 60] seconds") }
            settings.duration = duration
        }
    }
}

struct DelayOptions: ParsableArguments {
    @Option(help: "Writes per second for the commit-to-applied delay.")
    var rate: Int = 5_000

    @Option(help: "Paced writer threads sharing that rate.")
    var pacers: Int = 4

    func apply(to settings: inout BenchSettings) throws {
        guard (1...100_000).contains(rate) else { throw ValidationError("--rate must be between 1 and 100000") }
        guard (1...64).contains(pacers) else { throw ValidationError("--pacers must be between 1 and 64") }
        settings.rate = rate
        settings.pacers = pacers
    }
}

struct EventOptions: ParsableArguments {
    @Option(help: "Events the writer creates for the live and catch-up rates (default 200000; --quick 20000).")
    var events: Int?

    @Option(help: "Events emitted per writer transaction.")
    var eventsPerTransaction: Int = 1_000

    @Option(help: "The follower's events.replay page size (events per catch-up transaction; the runtime's default is 2000, at most 10000).")
    var pageSize: Int = 2_000

    func apply(to settings: inout BenchSettings) throws {
        if let events {
            guard events > 0 else { throw ValidationError("--events must be positive") }
            settings.events = events
        }
        guard (1...100_000).contains(eventsPerTransaction) else {
            throw ValidationError("--events-per-transaction must be between 1 and 100000")
        }
        guard (1...10_000).contains(pageSize) else { throw ValidationError("--page-size must be between 1 and 10000") }
        settings.eventsPerTransaction = eventsPerTransaction
        settings.pageSize = pageSize
    }
}

struct ProcessOptions: ParsableArguments {
    @Option(help: "Times odop-catalogue is started (the median is reported; default 5, --quick 2).")
    var runs: Int?

    @Option(help: "Seconds odop-catalogue idles after its first health reply before its RSS is read (default 2).")
    var idle: Double?

    func apply(to settings: inout BenchSettings) throws {
        if let runs {
            guard (1...50).contains(runs) else { throw ValidationError("--runs must be between 1 and 50") }
            settings.runs = runs
        }
        if let idle {
            guard idle >= 0 && idle <= 60 else { throw ValidationError("--idle must be between 0 and 60 seconds") }
            settings.idle = idle
        }
    }
}

struct CatalogueOptions: ParsableArguments {
    @Option(help: "The odop-catalogue to start (default: the one beside odop-bench).")
    var catalogueExecutable: String?

    func apply(to settings: inout BenchSettings) {
        settings.catalogueExecutable = catalogueExecutable
    }
}

struct ImportOptions: ParsableArguments {
    @Option(help: "The ODOP list CSV (default: ../shared/data/One District One Product.csv from the package root).")
    var csv: String?

    @Option(help: "A GI registry file for the started odop-catalogue to reconcile against (default: none, as odop-catalogue).")
    var giRegistry: String?

    func apply(to settings: inout BenchSettings) {
        settings.csv = csv
        settings.giRegistry = giRegistry
    }
}

/// Runs scenarios and turns a scenario that could not run into exit code 1.
func runScenarios(_ scenarios: [Scenario], _ settings: BenchSettings) throws {
    let session = BenchSession(settings: settings)
    if !session.run(scenarios) { throw ExitCode(1) }
}

// MARK: Subcommands

struct All: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Runs every scenario in order (about 1–2 minutes) and prints the summary.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var latency: LatencyOptions
    @OptionGroup var throughput: ThroughputOptions
    @OptionGroup var load: LoadOptions
    @OptionGroup var delay: DelayOptions
    @OptionGroup var events: EventOptions
    @OptionGroup var process: ProcessOptions
    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var importing: ImportOptions

    func run() throws {
        var settings = BenchSettings()
        try common.apply(to: &settings)
        try latency.apply(to: &settings)
        try throughput.apply(to: &settings)
        try load.apply(to: &settings)
        try delay.apply(to: &settings)
        try events.apply(to: &settings)
        try process.apply(to: &settings)
        catalogue.apply(to: &settings)
        importing.apply(to: &settings)
        try runScenarios(Scenario.standard, settings)
    }
}

struct Raw: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "1. Raw libzmq: REQ/REP round trip, PUSH/PULL throughput, many REQ against one ROUTER.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var latency: LatencyOptions
    @OptionGroup var throughput: ThroughputOptions
    @OptionGroup var load: LoadOptions

    func run() throws {
        var settings = BenchSettings()
        try common.apply(to: &settings)
        try latency.apply(to: &settings)
        try throughput.apply(to: &settings)
        try load.apply(to: &settings)
        try runScenarios([.raw], settings)
    }
}

struct RoundTrip: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roundtrip", abstract: "2. Command round trip (health, bench.read) through CommandClient; target ≤ 1.2× raw REQ/REP.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var latency: LatencyOptions

    func run() throws {
        var settings = BenchSettings()
        try common.apply(to: &settings)
        try latency.apply(to: &settings)
        try runScenarios([.roundtrip], settings)
    }
}

struct Reads: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "3. Reads/s with concurrent clients (bench.read in process, product.get of an odop-catalogue process); target ≥ 0.75× the raw 16×REQ→ROUTER echo."
    )
    @OptionGroup var common: CommonOptions
    @OptionGroup var load: LoadOptions
    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var importing: ImportOptions

    func run() throws {
        var settings = BenchSettings()
        try common.apply(to: &settings)
        try load.apply(to: &settings)
        catalogue.apply(to: &settings)
        importing.apply(to: &settings)
        try runScenarios([.reads], settings)
    }
}

struct MetricsCost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics-cost",
        abstract: "The cost of observability: the round trip (2) and writes/s (4) with metrics on, then off, in one run.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var latency: LatencyOptions
    @OptionGroup var load: LoadOptions

    func run() throws {
        var settings = BenchSettings()
        try common.apply(to: &settings)
        try latency.apply(to: &settings)
        try load.apply(to: &settings)
        for metrics in [true, false] {
            settings.metrics = metrics
            try runScenarios([.roundtrip, .writes], settings)
        }
    }
}

struct CurveCost: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curve",
        abstract: "10. The cost of CURVE: the health round trip (mean, p50, p99) and durable writes/s, open and with CURVE, in one run.",
        discussion: """
            Runs the bench service twice in this process, open and as a CURVE server with a ZAP allowlist \
            admitting the bench's own admin key (made fresh, removed afterwards). Each CURVE figure has the \
            open one as its baseline: its ratio is CURVE ÷ open. Not part of `all`.
            """)
    @OptionGroup var common: CommonOptions
    @OptionGroup var latency: LatencyOptions
    @OptionGroup var load: LoadOptions

    func run() throws {
        var settings = BenchSettings()
        try common.apply(to: &settings)
        try latency.apply(to: &settings)
        try load.apply(to: &settings)
        try runScenarios([.curve], settings)
    }
}

struct Writes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "4. Durable writes/s, each acknowledged after its change and event commit (group commit); target ≥ 0.5× the raw echo.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var load: LoadOptions

    func run() throws {
        var settings = BenchSettings()
        try common.apply(to: &settings)
        try load.apply(to: &settings)
        try runScenarios([.writes], settings)
    }
}

struct Delay: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "5. Commit-to-applied delay in a subscriber at a paced write rate; target p99 < 10 ms.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var load: LoadOptions
    @OptionGroup var delay: DelayOptions
    @OptionGroup var events: EventOptions

    func run() throws {
        var settings = BenchSettings()
        try common.apply(to: &settings)
        try load.apply(to: &settings)
        try delay.apply(to: &settings)
        try events.apply(to: &settings)
        try runScenarios([.delay], settings)
    }
}

struct EventsScenario: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "6. Events/s applied by a live subscriber (≥ 0.15× raw PUSH/PULL) and by one catching up (≥ 0.3×)."
    )
    @OptionGroup var common: CommonOptions
    @OptionGroup var throughput: ThroughputOptions
    @OptionGroup var events: EventOptions

    func run() throws {
        var settings = BenchSettings()
        try common.apply(to: &settings)
        try throughput.apply(to: &settings)
        try events.apply(to: &settings)
        try runScenarios([.events], settings)
    }
}

struct Memory: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "7. odop-catalogue as a child: idle RSS (< 20 MB) and start to first health reply (< 300 ms).")
    @OptionGroup var common: CommonOptions
    @OptionGroup var process: ProcessOptions
    @OptionGroup var catalogue: CatalogueOptions

    func run() throws {
        var settings = BenchSettings()
        try common.apply(to: &settings)
        try process.apply(to: &settings)
        catalogue.apply(to: &settings)
        try runScenarios([.memory], settings)
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "8. products.import of the real ODOP list into a fresh odop-catalogue process, then the no-op re-import.")
    @OptionGroup var common: CommonOptions
    @OptionGroup var catalogue: CatalogueOptions
    @OptionGroup var importing: ImportOptions

    func run() throws {
        var settings = BenchSettings()
        try common.apply(to: &settings)
        catalogue.apply(to: &settings)
        importing.apply(to: &settings)
        try runScenarios([.import], settings)
    }
}

struct TrainingScale: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training",
        abstract: "9. Training reports and lists over N applications generated in bulk (default a crore, 10,000,000); target < 100 ms.",
        discussion: """
            Not part of `all`. Checks free disk first (about 1.2 KB per application), generates the \
            applications straight into a training database in large transactions (with the report \
            aggregates), starts odop-training's service on it in this process, and times report.funnel, \
            report.ageing, report.coverage and the first and a late page of application.list over the \
            wire; then applications.import of 1,000 CSV rows. The data is removed afterwards.
            """)
    @OptionGroup var common: CommonOptions

    @Option(help: "Applications to generate (default 10000000; --quick 100000).")
    var applications: Int?

    func run() throws {
        var settings = BenchSettings()
        try common.apply(to: &settings)
        settings.applications = applications ?? (common.quick ? 100_000 : 10_000_000)
        guard settings.applications > 0 else { throw ValidationError("--applications must be positive") }
        try runScenarios([.training], settings)
    }
}
