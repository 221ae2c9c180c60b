import Crypto
import Foundation
import ODOPRuntime

/// The deployment secret that turns identity numbers into reference tokens: HMAC-SHA256 keyed
/// with the contents of a file (`--identity-key-file`, `ODOP_IDENTITY_KEY_FILE`), which must be
/// readable by its owner only (mode 0600, like the CURVE secret key).
///
/// The service keeps only these hashes (Aadhaar and family reference), never the numbers, so the
/// key cannot be rotated without every artisan's number again: a new key makes every stored hash
/// unmatchable, and the duplicate and one-per-family rules would stop working. Keep it in the
/// deployment's secret store and back it up with the database.
public struct IdentityKey: Sendable {
    private let bytes: [UInt8]

    /// A key from bytes (tests).
    public init(bytes: some Sequence<UInt8>) {
        self.bytes = Array(bytes)
    }

    /// Reads the key file. Missing or unreadable, or shorter than 32 bytes → `configuration`
    /// (exit 78); readable by group or others → `insecureKeyFile` (exit 77).
    public init(file path: String) throws(StartupError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .configuration(
                "identity key file \(path) does not exist; give --identity-key-file or ODOP_IDENTITY_KEY_FILE (32+ random bytes, mode 0600)"
            )
        }
        guard info.st_mode & 0o077 == 0 else { throw .insecureKeyFile(path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .configuration("identity key file \(path) cannot be read")
        }
        var bytes = Array(data)
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        guard bytes.count >= 32 else {
            throw .configuration(
                "identity key file \(path) holds \(bytes.count) bytes; it needs at least 32 (e.g. head -c 32 /dev/urandom | base64)")
        }
        self.init(bytes: bytes)
    }

    /// The reference token of an Aadhaar number (hex).
    func token(for aadhaar: AadhaarNumber) -> String {
        hash("aadhaar:" + aadhaar.digits)
    }

    /// The reference token of a family reference (ration card or family id), compared without
    /// case, spaces or punctuation.
    func token(forFamily reference: String) -> String {
        let folded = reference.uppercased().filter { $0.isLetter || $0.isNumber }
        return hash("family:" + folded)
    }

    private func hash(_ text: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: bytes))
        return code.map { String(format: "%02x", $0) }.joined()
    }
}
