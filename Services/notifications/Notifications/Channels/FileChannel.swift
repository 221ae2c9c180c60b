import Foundation
import ODOPMessages

#if canImport(Glibc)
    import Glibc
#endif

/// Appends one JSON line per message to the subscription's file:
/// `{"webhookId": ..., "type": ..., "body": <the message body>}`. The line is written and
/// `fsync`ed before the attempt counts as delivered, so a sent file delivery is on disk.
public struct FileChannel: DeliveryChannel {
    public init() {}

    public func send(_ message: OutgoingMessage) async -> AttemptOutcome {
        var line = Data("{\"webhookId\":".utf8)
        line.append(Self.quoted(message.id))
        line.append(Data(",\"type\":".utf8))
        line.append(Self.quoted(message.type))
        line.append(Data(",\"body\":".utf8))
        line.append(message.body)
        line.append(Data("}\n".utf8))
        let path = message.target
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            return .failed(status: nil, error: "cannot open \(path): \(String(cString: strerror(errno)))", retryAfter: nil)
        }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else {
            return .failed(
                status: nil, error: "cannot write \(path): \(written < 0 ? String(cString: strerror(errno)) : "short write")",
                retryAfter: nil)
        }
        guard fsync(descriptor) == 0 else {
            return .failed(status: nil, error: "cannot flush \(path): \(String(cString: strerror(errno)))", retryAfter: nil)
        }
        return .delivered(status: nil)
    }

    private static func quoted(_ text: String) -> Data {
        (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
    }
}
