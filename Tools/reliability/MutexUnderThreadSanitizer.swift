// A correct program that ThreadSanitizer on Linux reports as a "Swift access race": two threads
// append under one `Synchronization.Mutex` and the count is always exact (40000), yet TSan
// reports the access inside `withLock`. This is why Tools/reliability/sanitizers.sh treats reports
// inside `Mutex.withLock` closures as false positives (tsan-suppressions.txt names them). Reproduce:
//
//   swiftc -sanitize=thread -g Tools/reliability/MutexUnderThreadSanitizer.swift -o /tmp/mutex-tsan
//   /tmp/mutex-tsan    # prints 40000 and one "WARNING: ThreadSanitizer: Swift access race"
import Foundation
import Synchronization

final class Box: Sendable {
    let state = Mutex<[Int]>([])
}
let box = Box()
let done = DispatchSemaphore(value: 0)
for t in 0..<2 {
    Thread {
        for i in 0..<20000 { box.state.withLock { $0.append(i + t) } }
        done.signal()
    }.start()
}
done.wait()
done.wait()
print(box.state.withLock { $0.count })
