import CZeroMQ
import Foundation

/// One frame, owning a `zmq_msg_t`.
///
/// The `zmq_msg_t` lives at a stable heap address for the whole life of this object (libzmq may
/// store small messages inline, so it must never be copied or moved while initialised) and is
/// closed exactly once, in `deinit`. Not for concurrent use.
public final class ZMQMessage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<zmq_msg_t>

    /// An empty message, ready to receive into.
    public init() {
        pointer = .allocate(capacity: 1)
        zmq_msg_init(pointer)
    }

    /// A message of `count` bytes that `fill` writes in place: the bytes are sent without a
    /// further copy.
    public init(count: Int, fill: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        pointer = .allocate(capacity: 1)
        zmq_msg_init_size(pointer, count)
        try fill(UnsafeMutableRawBufferPointer(start: zmq_msg_data(pointer), count: count))
    }

    /// A message that copies `bytes`.
    public convenience init(copying bytes: some Sequence<UInt8>) {
        let array = Array(bytes)
        self.init(count: array.count) { buffer in
            array.withUnsafeBytes { source in
                if let base = source.baseAddress, source.count > 0 {
                    buffer.baseAddress!.copyMemory(from: base, byteCount: source.count)
                }
            }
        }
    }

    /// A message that refers to `data`'s bytes without copying them; `data` is kept alive until
    /// libzmq has sent the frame. Small values (which `Data` may store inline, at no stable
    /// address) are copied instead.
    public init(noCopy data: Data) {
        pointer = .allocate(capacity: 1)
        guard data.count >= ZMQMessage.zeroCopyThreshold else {
            zmq_msg_init_size(pointer, data.count)
            if !data.isEmpty {
                data.withUnsafeBytes { zmq_msg_data(pointer).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            }
            return
        }
        let box = Unmanaged.passRetained(DataBox(data))
        let base = box.takeUnretainedValue().data.withUnsafeBytes { UnsafeMutableRawPointer(mutating: $0.baseAddress!) }
        let rc = zmq_msg_init_data(pointer, base, data.count, releaseDataBox, box.toOpaque())
        if rc == -1 {
            box.release()
            zmq_msg_init(pointer)
        }
    }

    /// Frames at least this large are sent without copying their bytes.
    public static let zeroCopyThreshold = 64 * 1024

    deinit {
        zmq_msg_close(pointer)
        pointer.deallocate()
    }

    /// The frame's size in bytes.
    public var count: Int { zmq_msg_size(pointer) }

    /// Whether more frames of the same multipart message follow this one.
    public var hasMore: Bool { zmq_msg_more(pointer) == 1 }

    /// Calls `body` with the frame's bytes, valid only inside the call.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: zmq_msg_data(pointer), count: count))
    }

    /// A copy of the frame's bytes.
    public var bytes: Data { withUnsafeBytes { Data($0) } }

    /// The frame's bytes as `Data` without a copy: the returned value keeps this message alive.
    public var bytesNoCopy: Data {
        let size = count
        guard size > 0, let base = zmq_msg_data(pointer) else { return Data() }
        return Data(bytesNoCopy: base, count: size, deallocator: .custom { [self] _, _ in _ = self })
    }

    /// A metadata property of a received message, e.g. `"User-Id"` (set by a ZAP handler),
    /// `"Peer-Address"` or `"Socket-Type"`; nil when the message has none.
    public func property(_ name: String) -> String? {
        guard let value = zmq_msg_gets(pointer, name) else { return nil }
        return String(cString: value)
    }
}

final class DataBox: @unchecked Sendable {
    let data: Data
    init(_ data: Data) { self.data = data }
}

private func releaseDataBox(_: UnsafeMutableRawPointer?, _ hint: UnsafeMutableRawPointer?) {
    guard let hint else { return }
    Unmanaged<DataBox>.fromOpaque(hint).release()
}
