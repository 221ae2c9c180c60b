import Foundation
import Synchronization

/// A progress indicator for one long request whose progress cannot be measured (`catalogue
/// import` sends the whole file in one command): a spinner and the time waited so far, redrawn
/// in place on stderr while the caller waits for the reply.
///
/// ```
/// import One District One Product.csv (711 KiB) | waiting for catalogue  2.4s
/// ```
///
/// Drawn only when the stream is a terminal: `start` returns nil otherwise. A thread of its own
/// redraws it, so the caller may block; `stop()` takes it away for good.
final class Spinner: Sendable {
    let label: String
    private let stream: StandardStream
    private let stopped = Mutex(false)
    private let finished = DispatchSemaphore(value: 0)

    static let frames: [Character] = ["|", "/", "-", "\\"]

    private init(label: String, stream: StandardStream) {
        self.label = label
        self.stream = stream
    }

    /// A spinner labelled `label`, or nil when `stream` is not a terminal.
    static func start(label: String, stream: StandardStream = .error) -> Spinner? {
        guard stream.isTerminal else { return nil }
        let spinner = Spinner(label: label, stream: stream)
        Thread.detachNewThread { spinner.spin() }
        return spinner
    }

    /// Takes the spinner away and returns once it is gone.
    func stop() {
        let wasStopped = stopped.withLock { stopped in
            defer { stopped = true }
            return stopped
        }
        guard !wasStopped else { return }
        finished.wait()
        stream.write("\r\u{1B}[K")
    }

    private func spin() {
        let clock = ContinuousClock()
        let started = clock.now
        var frame = 0
        while !stopped.withLock({ $0 }) {
            let elapsed = clock.now - started
            stream.write("\r" + Self.render(label: label, frame: frame, elapsed: elapsed, width: stream.columns - 1) + "\u{1B}[K")
            frame += 1
            Thread.sleep(forTimeInterval: 0.1)  // redraws ten times a second
        }
        finished.signal()
    }

    /// The spinner's text for `width` columns.
    static func render(label: String, frame: Int, elapsed: Duration, width: Int) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let text = "\(label) \(frames[frame % frames.count])  \(String(format: "%.1f", seconds))s"
        return String(text.prefix(max(width, 1)))
    }
}
