import Foundation
import ZeroMQ

/// What a client needs to talk to a CURVE server: its own key pair and the server's public key,
/// all Z85 text.
public struct CurveClientKeys: Sendable, Equatable {
    public var publicKey: String
    public var secretKey: String
    public var serverPublicKey: String

    public init(publicKey: String, secretKey: String, serverPublicKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
        self.serverPublicKey = serverPublicKey
    }

    /// Sets the CURVE client options on a socket, before it connects.
    public func apply(to socket: ZMQSocket) throws(ZMQError) {
        try socket.set(.curveServerKey(serverPublicKey), .curvePublicKey(publicKey), .curveSecretKey(secretKey))
    }
}

/// A new CURVE key pair for a client or a service, as Z85 text (for `odopctl keys generate`).
public enum CurveKeyGenerator {
    /// Makes a key pair; throws when this libzmq has no CURVE.
    public static func generate() throws -> (publicKey: String, secretKey: String) {
        let pair = try Curve.generateKeyPair()
        return (pair.publicKey, pair.secretKey)
    }
}
