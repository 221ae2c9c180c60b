import CoreMetrics
import Foundation
import Prometheus

/// A swift-metrics factory over one `PrometheusCollectorRegistry` that registers every family
/// with its help text (`MetricCatalog`, or the help a domain gauge brings), so that `/metrics`
/// has a `# HELP` line for each (promtool's lint asks for one). Timers become histograms in
/// seconds with buckets from 100 µs to 10 s. Not bootstrapped globally: each `ServiceHost` makes
/// its own, so several services in one process keep separate metrics.
struct DescribedMetricsFactory: MetricsFactory {
    let registry: PrometheusCollectorRegistry
    /// Help texts beyond the catalogue's (domain gauges), by name.
    let extraHelp: @Sendable (String) -> String?

    static let durationBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    /// The family `name` with its help text (the name is used whole: no unit is appended).
    private func descriptor(_ name: String) -> MetricNameDescriptor {
        MetricNameDescriptor(
            metricName: name, unitName: "", helpText: MetricCatalog.help[name] ?? extraHelp(name) ?? MetricCatalog.help(for: name))
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        registry.makeCounter(descriptor: descriptor(label), labels: dimensions)
    }

    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        registry.makeCounter(descriptor: descriptor(label), labels: dimensions)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        registry.makeGauge(descriptor: descriptor(label), labels: dimensions)
    }

    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        registry.makeGauge(descriptor: descriptor(label), labels: dimensions)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        registry.makeDurationHistogram(descriptor: descriptor(label), labels: dimensions, buckets: Self.durationBuckets)
    }

    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyMeter(_ handler: any MeterHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}
}
