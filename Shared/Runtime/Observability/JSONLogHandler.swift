import Foundation
import Logging
import ODOPMessages
import Synchronization

/// A swift-log handler writing one JSON object per line to standard error, for log shippers
/// (`ODOP_LOG_FORMAT=json`): `{"time","level","label","message",...metadata}`, metadata values as
/// strings (nested ones as JSON), the message and `traceId` (when the work was traced) at the top
/// level. A metadata key that clashes with a fixed key is written with a `meta.` prefix.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let write: @Sendable (Data) -> Void

    private static let fixedKeys: Set<String> = ["time", "level", "label", "message", "error"]
    private static let lock = Mutex<Void>(())

    public init(label: String, write: @escaping @Sendable (Data) -> Void = JSONLogHandler.standardError) {
        self.label = label
        self.write = write
    }

    /// Writes whole lines to standard error, one writer at a time.
    public static let standardError: @Sendable (Data) -> Void = { data in
        lock.withLock { _ in FileHandle.standardError.write(data) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var object: [String: JSONValue] = [
            "time": .string(RFC3339.string(from: Date())),
            "level": .string(event.level.rawValue),
            "label": .string(label),
            "message": .string(event.message.description),
        ]
        if let error = event.error { object["error"] = .string("\(error)") }
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for (key, value) in merged {
            object[Self.fixedKeys.contains(key) ? "meta.\(key)" : key] = Self.json(value)
        }
        guard var line = try? WireFormat.encode(JSONValue.object(object)) else { return }
        line.append(UInt8(ascii: "\n"))
        write(line)
    }

    private static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .stringConvertible(let convertible): .string(convertible.description)
        case .array(let values): .array(values.map(json))
        case .dictionary(let values): .object(values.mapValues(json))
        }
    }
}
