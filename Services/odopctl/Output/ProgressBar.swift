/// A one-line progress bar for long work (`events replay`, `catalogue import`), redrawn in
/// place on stderr:
///
/// ```
/// replay catalogue [##########..........]  52%  5,200/10,000  3,100/s  ETA 2s
/// ```
///
/// Drawn only when the stream is a terminal: `start` returns nil otherwise, so scripts and
/// logs never see carriage returns. Output to the same terminal goes through `printing(_:)`,
/// which takes the bar away while the text is written and draws it again below.
final class ProgressBar {
    let label: String
    let total: Int64
    private let stream: StandardStream
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant?
    private(set) var completed: Int64 = 0
    private var isVisible = false

    /// Redraws at most this often.
    static let interval = Duration.milliseconds(100)

    private init(label: String, total: Int64, stream: StandardStream) {
        self.label = label
        self.total = max(total, 1)
        self.stream = stream
        started = clock.now
    }

    /// A bar for `total` units of work, or nil when `stream` is not a terminal or the work is
    /// below `threshold` (too short to be worth a bar).
    static func start(label: String, total: Int64, threshold: Int64 = 0, stream: StandardStream = .error) -> ProgressBar? {
        guard total >= threshold, total > 0, stream.isTerminal else { return nil }
        let bar = ProgressBar(label: label, total: total, stream: stream)
        bar.draw()
        return bar
    }

    /// Records progress; redraws when the last drawing is old enough.
    func update(completed: Int64) {
        self.completed = min(max(completed, 0), total)
        if let lastDrawn, clock.now - lastDrawn < Self.interval { return }
        draw()
    }

    /// Takes the bar away, runs `body` (which writes to the terminal), and draws the bar again,
    /// at `completed` when given.
    func printing(completed: Int64? = nil, _ body: () -> Void) {
        if let completed { self.completed = min(max(completed, 0), total) }
        erase()
        body()
        draw()
    }

    /// Draws the final state and ends the line.
    func finish() {
        completed = total
        draw()
        stream.write("\n")
        isVisible = false
    }

    /// Takes the bar away for good (on failure or interruption).
    func erase() {
        guard isVisible else { return }
        stream.write("\r\u{1B}[K")
        isVisible = false
    }

    private func draw() {
        lastDrawn = clock.now
        stream.write(
            "\r"
                + Self.render(
                    label: label, completed: completed, total: total, elapsed: clock.now - started, width: stream.columns - 1)
                + "\u{1B}[K")
        isVisible = true
    }

    /// The bar's text for `width` columns.
    static func render(label: String, completed: Int64, total: Int64, elapsed: Duration, width: Int) -> String {
        let fraction = total > 0 ? Double(completed) / Double(total) : 1
        let percent = "\(Int((fraction * 100).rounded(.down)))%"
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var details = "  \(percent.leftPadded(to: 4))  \(grouped(completed))/\(grouped(total))"
        if seconds >= 0.5, completed > 0 {
            let rate = Double(completed) / seconds
            details += "  \(grouped(Int64(rate)))/s"
            if completed < total {
                details += "  ETA \(HumanDuration.format(seconds: Double(total - completed) / rate))"
            }
        }
        let barWidth = min(40, width - label.count - details.count - 3)
        guard barWidth >= 10 else { return String((label + details).prefix(max(width, 1))) }
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
        return "\(label) [\(bar)]\(details)"
    }

    /// `12,345`.
    static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
