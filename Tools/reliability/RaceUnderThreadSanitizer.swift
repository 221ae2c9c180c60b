// A real data race (two threads increment one global without a lock) that ThreadSanitizer must
// still report with tsan-suppressions.txt in use: the suppression hides `Mutex.withLock` bodies,
// not races. Reproduce:
//
//   swiftc -sanitize=thread -g Tools/reliability/RaceUnderThreadSanitizer.swift -o /tmp/race-tsan
//   TSAN_OPTIONS=suppressions=$PWD/Tools/reliability/tsan-suppressions.txt /tmp/race-tsan
//   # prints "WARNING: ThreadSanitizer: data race" (and a count, usually below 40000)
import Foundation

nonisolated(unsafe) var counter = 0
let done = DispatchSemaphore(value: 0)
for _ in 0..<2 {
    Thread {
        for _ in 0..<20000 { counter += 1 }
        done.signal()
    }.start()
}
done.wait()
done.wait()
print(counter)
