import Foundation

/// stdout or stderr, written without buffering (each call is whole lines handed to the kernel,
/// so a pipe reader sees every event line as it is printed).
enum StandardStream: Sendable {
    case output
    case error

    var fileDescriptor: Int32 {
        switch self {
        case .output: STDOUT_FILENO
        case .error: STDERR_FILENO
        }
    }

    /// Whether the stream is a terminal (people are watching, not a script).
    var isTerminal: Bool { isatty(fileDescriptor) == 1 }

    /// The terminal's width in columns: `$COLUMNS`, else 80.
    var columns: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text), columns > 20 {
            return columns
        }
        var size = winsize()
        if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 {
            return Int(size.ws_col)
        }
        return 80
    }

    func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(fileDescriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return  // stdout closed: nothing more to say
            }
            bytes = bytes.dropFirst(written)
        }
    }

    func writeLine(_ line: String) { write(line + "\n") }

    /// Writes `lines`, each followed by a newline, in one go.
    func writeLines(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        write(lines.joined(separator: "\n") + "\n")
    }
}
