import CoreMetrics
import Foundation
import ODOPMessages
import Prometheus
import Synchronization

/// The metrics of one service, through swift-metrics on a Prometheus registry of its own (given
/// to the host, never bootstrapped globally).
///
/// Counters and the latency histogram are updated as the work happens; gauges (lags, states,
/// sizes, memory, domain figures) are set when `/metrics` is rendered, from the same figures
/// `health` shows. Every name is in `MetricCatalog` or is a service's `DomainGauge`.
public final class ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let factory: DescribedMetricsFactory
    private let domainHelp = DomainHelp()
    /// Command names the service answers; any other name is counted as `unknown`.
    private let knownCommands: Mutex<Set<String>>
    /// Each answered command's counter and latency timer, made on first use: one locked lookup
    /// per command answered (three before: the name, the counter, the timer).
    private let commandMeters = Mutex(CommandMeters())

    let eventsAppended: CoreMetrics.Counter
    let eventsPublished: CoreMetrics.Counter
    let replayRequests: CoreMetrics.Counter
    let repliesFromMemory: CoreMetrics.Counter
    let repliesFromDatabase: CoreMetrics.Counter

    private struct CommandKey: Hashable {
        let command: String
        let outcome: String
    }

    /// The meters by command name and outcome. Only names the service answers are keys (any
    /// other is counted under `unknown`), so the table stays as small as the command list.
    private struct CommandMeters {
        var byCommand: [CommandKey: (counter: CoreMetrics.Counter, timer: CoreMetrics.Timer)] = [:]
        var timers: [String: CoreMetrics.Timer] = [:]
    }

    /// The label value for a command name the service does not answer.
    public static let unknownCommand = "unknown"

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        let domainHelp = self.domainHelp
        let factory = DescribedMetricsFactory(registry: registry, extraHelp: { name in domainHelp.text(name) })
        self.factory = factory
        knownCommands = Mutex([])
        eventsAppended = CoreMetrics.Counter(label: MetricCatalog.eventsAppended, factory: factory)
        eventsPublished = CoreMetrics.Counter(label: MetricCatalog.eventsPublished, factory: factory)
        replayRequests = CoreMetrics.Counter(label: MetricCatalog.replayRequests, factory: factory)
        repliesFromMemory = CoreMetrics.Counter(label: MetricCatalog.idempotentReplies, dimensions: [("store", "memory")], factory: factory)
        repliesFromDatabase = CoreMetrics.Counter(
            label: MetricCatalog.idempotentReplies, dimensions: [("store", "database")], factory: factory)
    }

    /// Sets the command names the service answers (the host calls it once its registry is built).
    func setKnownCommands(_ names: [String]) {
        knownCommands.withLock { $0 = Set(names) }
    }

    /// The bounded label value for `command`: itself when the service answers it, else `unknown`.
    func commandLabel(_ command: String) -> String {
        knownCommands.withLock { $0.contains(command) } ? command : Self.unknownCommand
    }

    /// Counts one answered request and records its latency.
    func commandAnswered(_ command: String, outcome: String, duration: Duration) {
        let key = CommandKey(command: command, outcome: outcome)
        let meters = commandMeters.withLock { $0.byCommand[key] } ?? newMeters(command, outcome: outcome)
        meters.counter.increment()
        meters.timer.recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// The meters of a command and outcome not counted before (or of a name the service does
    /// not answer, counted as `unknown`).
    private func newMeters(_ command: String, outcome: String) -> (counter: CoreMetrics.Counter, timer: CoreMetrics.Timer) {
        let label = commandLabel(command)
        let key = CommandKey(command: label, outcome: outcome)
        return commandMeters.withLock { meters in
            if let known = meters.byCommand[key] { return known }
            let counter = CoreMetrics.Counter(
                label: MetricCatalog.commands, dimensions: [("command", label), ("outcome", outcome)], factory: factory)
            let timer =
                meters.timers[label]
                ?? CoreMetrics.Timer(label: MetricCatalog.commandDuration, dimensions: [("command", label)], factory: factory)
            meters.timers[label] = timer
            meters.byCommand[key] = (counter, timer)
            return (counter, timer)
        }
    }

    /// What the gauges are set from when `/metrics` is rendered.
    struct Snapshot {
        var lastSeq: Int64
        var subscriptions: [SubscriptionStatus]
        var loops: [LoopHealth]
        var databasePath: String
        var domain: [DomainGauge]
    }

    /// Sets the gauges from `snapshot` and renders the registry in the Prometheus text format.
    func render(_ snapshot: Snapshot) -> [UInt8] {
        gauge(MetricCatalog.lastSeq).record(snapshot.lastSeq)
        for subscription in snapshot.subscriptions {
            let source = [("source", subscription.source)]
            gauge(MetricCatalog.subscriptionLag, source).record(subscription.lag ?? 0)
            gauge(MetricCatalog.subscriptionLastApplied, source).record(subscription.lastAppliedSeq)
            gauge(MetricCatalog.subscriptionStalled, source).record(subscription.state == .stalled ? 1 : 0)
            for state in SubscriptionState.allCases {
                gauge(MetricCatalog.subscriptionState, source + [("state", state.rawValue)]).record(subscription.state == state ? 1 : 0)
            }
        }
        for loop in snapshot.loops {
            gauge(MetricCatalog.loopBeatAge, [("loop", loop.loop)]).record(loop.secondsSinceBeat)
        }
        gauge(MetricCatalog.databaseSize).record(ProcessFigures.fileSize(snapshot.databasePath))
        gauge(MetricCatalog.walSize).record(ProcessFigures.fileSize(snapshot.databasePath + "-wal"))
        gauge(MetricCatalog.residentMemory).record(ProcessFigures.residentMemoryBytes)
        gauge(MetricCatalog.openFileDescriptors).record(ProcessFigures.openFileDescriptors)
        for domain in snapshot.domain {
            domainHelp.note(domain)
            gauge(domain.name, domain.labels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }).record(domain.value)
        }
        return registry.emitToBuffer()
    }

    private func gauge(_ name: String, _ dimensions: [(String, String)] = []) -> CoreMetrics.Gauge {
        CoreMetrics.Gauge(label: name, dimensions: dimensions, factory: factory)
    }
}

/// The help texts of the domain gauges seen so far (the first text given for a name stays: a
/// family has one).
private final class DomainHelp: Sendable {
    private let texts = Mutex<[String: String]>([:])

    func note(_ gauge: DomainGauge) {
        texts.withLock { $0[gauge.name] = $0[gauge.name] ?? gauge.help }
    }

    func text(_ name: String) -> String? {
        texts.withLock { $0[name] }
    }
}
