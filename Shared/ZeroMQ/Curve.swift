import CZeroMQ

/// A CURVE key pair as 40-character Z85 text.
public struct CurveKeyPair: Sendable, Equatable {
    public let publicKey: String
    public let secretKey: String

    public init(publicKey: String, secretKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }
}

/// CURVE (elliptic-curve encryption and authentication built into libzmq).
public enum Curve {
    /// Whether this libzmq was built with CURVE (Debian's is).
    public static var isAvailable: Bool { zmq_has("curve") == 1 }

    /// Makes a new key pair.
    public static func generateKeyPair() throws(ZMQError) -> CurveKeyPair {
        var pub = [CChar](repeating: 0, count: 41)
        var sec = [CChar](repeating: 0, count: 41)
        try check(zmq_curve_keypair(&pub, &sec), "zmq_curve_keypair")
        return CurveKeyPair(publicKey: text(pub), secretKey: text(sec))
    }

    /// Derives the public key from a secret key (both Z85).
    public static func publicKey(forSecretKey secretKey: String) throws(ZMQError) -> String {
        var pub = [CChar](repeating: 0, count: 41)
        try check(zmq_curve_public(&pub, secretKey), "zmq_curve_public")
        return text(pub)
    }

    /// Whether `key` is 40 characters of Z85 that decode to 32 bytes.
    public static func isValidKey(_ key: String) -> Bool {
        key.utf8.count == 40 && Z85.decode(key)?.count == 32
    }

    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// ZeroMQ's Z85 encoding (RFC 32/Z85), as libzmq implements it.
public enum Z85 {
    /// Encodes bytes whose count is a multiple of 4; nil otherwise.
    public static func encode(_ bytes: [UInt8]) -> String? {
        guard bytes.count % 4 == 0 else { return nil }
        var out = [CChar](repeating: 0, count: bytes.count * 5 / 4 + 1)
        guard zmq_z85_encode(&out, bytes, bytes.count) != nil else { return nil }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Decodes text whose length is a multiple of 5; nil when it is not valid Z85.
    public static func decode(_ text: String) -> [UInt8]? {
        let count = text.utf8.count
        guard count % 5 == 0, text.utf8.allSatisfy({ $0 >= 0x21 && $0 <= 0x7e }) else { return nil }
        var out = [UInt8](repeating: 0, count: count * 4 / 5)
        guard zmq_z85_decode(&out, text) != nil else { return nil }
        return out
    }
}

/// Facts about the libzmq this process is linked with.
public enum ZMQLibrary {
    /// The library version, e.g. (4, 3, 4).
    public static var version: (major: Int, minor: Int, patch: Int) {
        var major: Int32 = 0
        var minor: Int32 = 0
        var patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return (Int(major), Int(minor), Int(patch))
    }

    /// Whether a capability (`"curve"`, `"ipc"`, `"draft"`) is built in.
    public static func has(_ capability: String) -> Bool { zmq_has(capability) == 1 }
}
