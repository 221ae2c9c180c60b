import Foundation
import ODOPMessages

/// Files the training commands read: a CSV to import, a scheme's parameters.
enum TrainingFile {
    /// The file's text (UTF-8); a missing or unreadable file is a usage error.
    static func text(_ path: String) throws(OdopctlFailure) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OdopctlFailure(.usage, ["error: cannot read \(path)"])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw OdopctlFailure(.usage, ["error: \(path) is not UTF-8 text"])
        }
        return text
    }
}

/// A scheme's parameters from a JSON file, read by the wire's strict rules (a missing or
/// mistyped member is named).
enum SchemeParametersFile {
    static func read(_ path: String) throws(OdopctlFailure) -> SchemeParameters {
        let text = try TrainingFile.text(path)
        do {
            return try WireFormat.decode(SchemeParameters.self, from: Data(text.utf8))
        } catch {
            throw OdopctlFailure(.usage, ["error: \(path): \(error)"])
        }
    }
}
