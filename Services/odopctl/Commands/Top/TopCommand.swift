import ArgumentParser
import Foundation
import ODOPClient

#if canImport(Glibc)
    import Glibc
#endif

/// `odopctl top`: a refreshing view of every service.
struct TopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "top",
        abstract: "A refreshing view of every service: event and command rates, lags, stalls.",
        discussion: """
            Every --interval seconds (default 2) asks every service for its health (over its \
            command socket) and its /metrics (over its ops HTTP endpoint: ODOP_<SERVICE>_HTTP, \
            default http://127.0.0.1:9101, 9201, 9301, 9401), and redraws: per service its \
            status, last seq, events and commands per second, error replies per second and \
            uptime; per subscription its state, applied seq, source seq and lag, and the event \
            it is stalled at. Rates need two samples: the first screen shows "-". A service \
            whose ops endpoint is off still shows its health and event rate.

            Press q or Ctrl-C to quit. --once takes two samples --interval apart, prints one \
            screen without clearing the terminal, and exits (for scripts and tests).

            Examples:
              odopctl top
              odopctl top --once --interval 0.5
            """
    )

    @Flag(help: "Print one screen (two samples --interval apart) and exit.")
    var once = false

    @Option(help: ArgumentHelp("Seconds between samples, 0.1 to 60.", valueName: "seconds"))
    var interval: Double = 2

    @Option(help: ArgumentHelp("Only this service; repeat for several. (default: all)", valueName: "service"))
    var service: [ServiceName] = []

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (0.1...60).contains(interval) else { throw ValidationError("--interval must be between 0.1 and 60 seconds") }
    }

    func run() throws {
        let settings = try global.resolve(defaults: .probe)
        let services = service.isEmpty ? ServiceName.allCases : Array(Set(service)).sorted()
        var connections: [ServiceConnection] = []
        for service in services {
            connections.append(try settings.connection(to: service))
        }
        let urls = services.map { ServiceDirectory.opsURL($0.rawValue) }
        func sample() -> [TopSample] {
            zip(connections, urls).map { TopSample.take($0, opsURL: $1) }
        }
        var previous = sample()
        let wait = Duration.milliseconds(Int(interval * 1000))
        if once {
            Thread.sleep(forTimeInterval: interval)
            let current = sample()
            StandardStream.output.write(TopFrame(samples: zip(previous, current).map { ($0, $1) }).rendered)
            return
        }
        let keys = TerminalKeys()
        defer { keys.restore() }
        StandardStream.output.write("\u{1B}[2J\u{1B}[H" + TopFrame(samples: previous.map { (nil, $0) }).rendered)
        while true {
            let deadline = ContinuousClock.now + wait
            while ContinuousClock.now < deadline {
                if keys.quitPressed(within: .milliseconds(100)) { return }
            }
            let current = sample()
            StandardStream.output.write("\u{1B}[2J\u{1B}[H" + TopFrame(samples: zip(previous, current).map { ($0, $1) }).rendered)
            previous = current
        }
    }
}

/// Standard input in non-canonical mode without echo, to see `q` or Ctrl-C (read as a byte: the
/// terminal's signal keys are off while it runs) as they are typed; restored on `restore()`.
final class TerminalKeys {
    private var original = termios()
    private let isTerminal: Bool

    init() {
        isTerminal = isatty(STDIN_FILENO) == 1
        guard isTerminal else { return }
        tcgetattr(STDIN_FILENO, &original)
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
    }

    func restore() {
        guard isTerminal else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &original)
    }

    /// Whether q, Q or Ctrl-C was typed within `timeout`.
    func quitPressed(within timeout: Duration) -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)) > 0
        else {
            return false
        }
        var byte: UInt8 = 0
        guard read(STDIN_FILENO, &byte, 1) == 1 else {
            // End of input (not a terminal, closed): nothing more will come; keep refreshing.
            Thread.sleep(forTimeInterval: 0.1)
            return false
        }
        return byte == UInt8(ascii: "q") || byte == UInt8(ascii: "Q") || byte == 3
    }
}
