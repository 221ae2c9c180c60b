import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts the runtime's threads under names the operating system shows.
///
/// Foundation's `Thread.name` set before `start()` does not reach the kernel on Linux: every
/// thread kept the name of the thread that started it, which in a service is a concurrency
/// pool's (`com.apple.root.default-qos`, cut to `oot.default-qos`), so `top -H`, `ps -L`, `perf`
/// and `/proc/<pid>/task/*/comm` could not tell the command loop from the publisher or a read
/// thread.
///
/// Contract: `start(_:_:)` runs `body` on a new thread named `name` cut to the kernel's 15 bytes
/// (at a character boundary), in Foundation and in the kernel, set by the thread itself before
/// `body` runs. The kernel's name is written to `/proc/thread-self/comm`: Foundation passes a
/// name to the kernel only when the thread sets it after its parent has recorded the thread's
/// handle, a race the new thread sometimes wins (a catalogue's command thread came out unnamed), and the
/// kernel refuses a longer name whole. The process's name already says which service it is, so
/// the runtime names its threads by role (`commands`, `cmd-read-1`, `publisher`, `sub-catalogue`)
/// to keep them whole within 15 bytes.
public enum NamedThread {
    /// The longest name Linux keeps, in bytes (16 with the terminating zero).
    public static let kernelNameLimit = 15

    /// Starts `body` on a new thread named `name`.
    public static func start(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let kernelName = kernelName(name)
        let thread = Thread {
            Thread.current.name = kernelName
            nameForTheKernel(kernelName)
            body()
        }
        thread.start()
    }

    /// Names the calling thread for the kernel (Linux: `/proc/thread-self/comm`); `name` must
    /// already fit in `kernelNameLimit` bytes.
    private static func nameForTheKernel(_ name: String) {
        #if canImport(Glibc)
            let file = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
            guard file >= 0 else { return }
            defer { close(file) }
            var bytes = Array(name.utf8)
            _ = write(file, &bytes, bytes.count)
        #endif
    }

    /// `name` cut to at most `kernelNameLimit` UTF-8 bytes without splitting a character.
    public static func kernelName(_ name: String) -> String {
        var bytes = 0
        var end = name.startIndex
        for index in name.indices {
            let next = name.index(after: index)
            bytes += name[index..<next].utf8.count
            if bytes > kernelNameLimit { break }
            end = next
        }
        return String(name[..<end])
    }
}
