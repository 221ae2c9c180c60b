import Foundation

/// The real data files in `<package root>/../shared/data/` (override with `ODOP_SHARED_DATA`).
enum SharedData {
    static let odopListFile = "One District One Product.csv"
    static let giRegistryFile = "Total Registered GI details of GI Application in India.txt"

    static var directory: URL {
        if let override = ProcessInfo.processInfo.environment["ODOP_SHARED_DATA"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        // #filePath is <package root>/Tests/CatalogueTests/SharedData.swift.
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data", isDirectory: true)
    }

    /// The file's text. Throws (failing the test) when the file is missing: the data is
    /// expected beside the repository, as in CI.
    static func text(_ file: String) throws -> String {
        let url = directory.appendingPathComponent(file)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw MissingData(path: url.path, underlying: String(describing: error))
        }
    }

    struct MissingData: Error, CustomStringConvertible {
        let path: String
        let underlying: String
        var description: String {
            "cannot read \(path) (\(underlying)); set ODOP_SHARED_DATA to the shared/data folder"
        }
    }
}

/// The tests' own, deliberately simple CSV splitting and folding, independent of the code under
/// test, used to compute expected figures from the raw files.
enum RawCSV {
    /// Records as arrays of raw fields (quotes handled, `""` unescaped, CR dropped).
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if inQuotes {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(scalar)
                }
            } else if scalar == "\"" {
                inQuotes = true
            } else if scalar == "," {
                record.append(String(field))
                field = String.UnicodeScalarView()
            } else if scalar == "\n" {
                record.append(String(field))
                records.append(record)
                record = []
                field = String.UnicodeScalarView()
            } else if scalar != "\r" {
                field.append(scalar)
            }
            index += 1
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(String(field))
            records.append(record)
        }
        return records
    }

    /// Trimmed, inner white space runs (including newlines and no-break spaces) made one space.
    static func fold(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
