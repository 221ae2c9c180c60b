import Foundation
import ODOPTesting

/// A small tmpfs mounted as a service's data directory, which the test can fill to the last byte
/// (a filler file) and empty again: the service's disk is full, then has space again. Needs root
/// and mount(8); unmounted by `close()` (lazily: a service may still hold files in it).
final class DiskFullVolume: @unchecked Sendable {
    let path: String
    private var mounted = false

    /// Why a volume cannot be made here, or nil when it can.
    static var unavailableReason: String? {
        guard getuid() == 0 else { return "mounting a tmpfs needs root" }
        guard FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return "no /bin/mount" }
        return nil
    }

    init(at path: String, megabytes: Int) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try TestNetwork.run(["/bin/mount", "-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0700", "odop-reliability", path])
        mounted = true
    }

    deinit { close() }

    private var fillers: [String] { ["filler-1", "filler-2"].map { (path as NSString).appendingPathComponent($0) } }

    /// Fills the volume: writes zeros until the kernel says ENOSPC (large blocks, then small ones
    /// for the rest).
    func fill() {
        for (filler, block) in zip(fillers, [1 << 20, 512]) {
            guard let handle = fopen(filler, "w") else { continue }
            setvbuf(handle, nil, _IONBF, 0)
            let zeros = [UInt8](repeating: 0, count: block)
            while fwrite(zeros, 1, block, handle) == block {}
            fclose(handle)
        }
    }

    /// Free bytes on the volume.
    var available: Int {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return -1 }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }

    /// Gives the space back.
    func free() {
        for filler in fillers { try? FileManager.default.removeItem(atPath: filler) }
    }

    func close() {
        guard mounted else { return }
        mounted = false
        _ = try? TestNetwork.run(["/bin/umount", "-l", path])
    }
}
