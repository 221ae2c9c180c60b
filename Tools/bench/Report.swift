import Foundation

/// What a figure is judged against (as information: a MISS never fails the command).
enum Target: Sendable {
    /// The value must be at least this.
    case atLeast(Double)
    /// The value must be below this.
    case below(Double)
    /// value / baseline must be at most this.
    case ratioAtMost(Double)
    /// value / baseline must be at least this (the design brief's ratio targets).
    case ratioAtLeast(Double)

    func describe(unit: String) -> String {
        switch self {
        case .atLeast(let v): "≥ \(formatNumber(v)) \(unit)"
        case .below(let v): "< \(formatNumber(v)) \(unit)"
        case .ratioAtMost(let r): "≤ \(formatNumber(r))× raw"
        case .ratioAtLeast(let r): "≥ \(formatNumber(r))× raw"
        }
    }
}

enum Verdict: String, Codable, Sendable {
    case pass = "PASS"
    case miss = "MISS"
    case info = "-"
}

/// One measured figure, as printed in the summary table and in `--json`.
struct Figure: Codable, Sendable {
    var scenario: String
    var name: String
    var value: Double
    var unit: String
    var target: String?
    var baseline: Double?
    var baselineName: String?
    var ratio: Double?
    var verdict: Verdict
    /// Extra numbers behind the figure (percentiles, counts, rates of the other side).
    var details: [String: Double]
    var note: String?

    init(
        scenario: String, name: String, value: Double, unit: String, target: Target? = nil,
        baseline: (name: String, value: Double)? = nil, details: [String: Double] = [:], note: String? = nil
    ) {
        self.scenario = scenario
        self.name = name
        self.value = value
        self.unit = unit
        self.target = target?.describe(unit: unit)
        self.baseline = baseline?.value
        self.baselineName = baseline?.name
        if let baseline, baseline.value > 0 { ratio = value / baseline.value } else { ratio = nil }
        self.details = details
        self.note = note
        switch target {
        case nil: verdict = .info
        case .atLeast(let v)?: verdict = value >= v ? .pass : .miss
        case .below(let v)?: verdict = value < v ? .pass : .miss
        case .ratioAtMost(let r)?: verdict = (ratio.map { $0 <= r } ?? false) ? .pass : .miss
        case .ratioAtLeast(let r)?: verdict = (ratio.map { $0 >= r } ?? false) ? .pass : .miss
        }
    }
}

/// A scenario that could not run.
struct Failure: Codable, Sendable {
    var scenario: String
    var error: String
}

/// Collects figures, prints them as they come (unless the output is JSON) and at the end as a
/// table or one JSON document.
final class Report {
    let json: Bool
    private(set) var figures: [Figure] = []
    private(set) var failures: [Failure] = []
    /// Figures and failures in the order they came: (isFailure, index).
    private var order: [(Bool, Int)] = []
    private let started = Date()

    init(json: Bool) { self.json = json }

    /// Progress and per-scenario lines: standard output for people, standard error under `--json`.
    func say(_ line: String) {
        if json {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } else {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }

    func add(_ figure: Figure) {
        order.append((false, figures.count))
        figures.append(figure)
        var parts = ["  \(figure.name): \(formatNumber(figure.value)) \(figure.unit)"]
        if !figure.details.isEmpty {
            parts.append(
                "(" + figure.details.sorted { $0.key < $1.key }.map { "\($0.key) \(formatNumber($0.value))" }.joined(separator: ", ") + ")")
        }
        if let name = figure.baselineName, let value = figure.baseline {
            parts.append("| baseline \(name) \(formatNumber(value))")
        }
        if let ratio = figure.ratio { parts.append("| ratio \(formatRatio(ratio))") }
        if let target = figure.target { parts.append("| target \(target) | \(figure.verdict.rawValue)") }
        say(parts.joined(separator: " "))
        if let note = figure.note { say("    note: \(note)") }
    }

    func fail(_ scenario: String, _ error: any Error) {
        order.append((true, failures.count))
        failures.append(Failure(scenario: scenario, error: "\(error)"))
        say("  FAILED: \(error)")
    }

    /// The final output: the summary table, or the JSON document.
    func finish(machine: [String: String]) {
        let elapsed = Date().timeIntervalSince(started)
        if json {
            struct Document: Encodable {
                var machine: [String: String]
                var elapsedSeconds: Double
                var figures: [Figure]
                var failures: [Failure]
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let document = Document(machine: machine, elapsedSeconds: elapsed, figures: figures, failures: failures)
            if let data = try? encoder.encode(document) {
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            }
            return
        }
        func print(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        print("")
        print(
            "Summary (\(machine.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); \(String(format: "%.0f", elapsed)) s)"
        )
        let header = ["scenario", "figure", "value", "target", "baseline", "ratio", "result"]
        let rows: [[String]] = order.map { isFailure, index in
            if isFailure {
                let failure = failures[index]
                return [failure.scenario, "FAILED: \(failure.error)", "", "", "", "", "FAILED"]
            }
            let f = figures[index]
            return [
                f.scenario, f.name, "\(formatNumber(f.value)) \(f.unit)", f.target ?? "-",
                f.baseline.map { "\(formatNumber($0)) (\(f.baselineName ?? "raw"))" } ?? "-",
                f.ratio.map(formatRatio) ?? "-", f.verdict.rawValue,
            ]
        }
        let widths = header.indices.map { column in
            min(60, ([header] + rows).map { $0[column].count }.max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let clipped = cell.count > widths[index] ? String(cell.prefix(widths[index] - 1)) + "…" : cell
                return clipped.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        print(line(header))
        print(line(widths.map { String(repeating: "-", count: $0) }))
        for row in rows { print(line(row)) }
        let judged = figures.filter { $0.verdict != .info }
        print("")
        print(
            "\(judged.filter { $0.verdict == .pass }.count) PASS, \(judged.filter { $0.verdict == .miss }.count) MISS, \(failures.count) failed to run (PASS/MISS is information: the exit code reflects only failures to run)"
        )
    }
}

/// A number for people: thousands separated, sensible decimals.
func formatNumber(_ value: Double) -> String {
    if value.isNaN || value.isInfinite { return "\(value)" }
    let magnitude = abs(value)
    let decimals =
        magnitude >= 1000 || (value.rounded() == value && magnitude < 1e15)
        ? 0 : magnitude >= 100 ? 1 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.usesGroupingSeparator = true
    formatter.groupingSeparator = ","
    formatter.decimalSeparator = "."
    formatter.minimumFractionDigits = decimals
    formatter.maximumFractionDigits = decimals
    return formatter.string(from: NSNumber(value: value)) ?? String(value)
}

func formatRatio(_ ratio: Double) -> String {
    String(format: ratio >= 10 ? "%.0f×" : ratio >= 1 ? "%.2f×" : "%.3f×", ratio)
}
