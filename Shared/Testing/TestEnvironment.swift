import Foundation

/// Where the tests find things: the package root, the built executables, and `shared/` beside
/// the clone (the data files and the conformance checker).
public enum TestEnvironment {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        // This file is Shared/Testing/TestEnvironment.swift.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// `shared/` beside the clone, or `$ODOP_SHARED_DIR`.
    public static var sharedDirectory: URL {
        if let dir = ProcessInfo.processInfo.environment["ODOP_SHARED_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// A file in `shared/data/` (or `$ODOP_SHARED_DATA`).
    public static func dataFile(_ name: String) -> URL {
        if let dir = ProcessInfo.processInfo.environment["ODOP_SHARED_DATA"], !dir.isEmpty {
            return URL(fileURLWithPath: dir).appendingPathComponent(name)
        }
        return sharedDirectory.appendingPathComponent("data").appendingPathComponent(name)
    }

    /// The real ODOP list shipped in `shared/data`.
    public static var odopCSV: URL { dataFile("One District One Product.csv") }

    /// The folder holding the built executables: `$ODOP_BIN_DIR`, else the folder of the running
    /// test bundle (SwiftPM builds products beside it), else `.build/debug`.
    public static var binaryDirectory: URL {
        if let dir = ProcessInfo.processInfo.environment["ODOP_BIN_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        var candidate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On macOS the bundle's binary sits in X.xctest/Contents/MacOS.
        while candidate.path.contains(".xctest") { candidate.deleteLastPathComponent() }
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("odopctl").path) {
            return candidate
        }
        return packageRoot.appendingPathComponent(".build/debug")
    }

    /// The path of a built executable, e.g. `odop-catalogue`.
    public static func executable(_ name: String) -> URL {
        binaryDirectory.appendingPathComponent(name)
    }
}
