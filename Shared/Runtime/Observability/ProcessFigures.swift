import Foundation

/// Figures of the running process and its files, read when `/metrics` is scraped (Linux
/// `/proc`; zero where unavailable).
enum ProcessFigures {
    /// Resident set size in bytes (`/proc/self/statm`, second field, in pages).
    static var residentMemoryBytes: Int64 {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int64(fields[1]) else { return 0 }
        return pages * Int64(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Open file descriptors (entries of `/proc/self/fd`, less the one used to list it).
    static var openFileDescriptors: Int {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return 0 }
        return max(0, entries.count - 1)
    }

    /// The size of the file at `path`, 0 when it does not exist.
    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
