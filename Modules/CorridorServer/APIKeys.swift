public import CorridorModel
public import Foundation
import Crypto

/// Issues and verifies API keys.
///
/// A key reads `cor_<id>_<secret>`: a 12-hex-digit public identifier and 256 random bits in
/// base64url. Only the SHA-256 of the whole key is stored; the key is shown once, when issued.
/// Because the secret is uniformly random, a single SHA-256 is the right hash (no password
/// stretching is needed), and the comparison is constant-time.
public enum APIKeys {
    /// A freshly issued key: the text to hand over once, and the record to store.
    public struct Issued: Sendable {
        /// The full key text. Never stored.
        public let key: String
        /// What is stored.
        public let record: APIKeyRecord
    }

    /// Issues a key for `enterprise` with `role`.
    public static func issue(enterprise: EnterpriseID, role: Role, label: String, at date: Date) -> Issued {
        let idBytes = SymmetricKey(size: SymmetricKeySize(bitCount: 48)).withUnsafeBytes { Array($0) }
        let id = "k" + idBytes.map { String(format: "%02x", $0) }.joined()
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
            .base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let key = "cor_\(id)_\(secret)"
        return Issued(key: key, record: APIKeyRecord(id: id, enterprise: enterprise, role: role, secretHash: hash(key),
                                                      label: label, createdAt: date))
    }

    /// The public identifier inside a key, or nil when the text is not shaped like a Corridor key.
    public static func keyID(of key: String) -> String? {
        let parts = key.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "cor", parts[1].count == 13, parts[2].count >= 32 else { return nil }
        return String(parts[1])
    }

    /// Lower-case hex SHA-256 of the key text.
    public static func hash(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `key` matches the stored record, compared in constant time.
    public static func matches(_ key: String, _ record: APIKeyRecord) -> Bool {
        let a = Array(hash(key).utf8), b = Array(record.secretHash.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        return difference == 0
    }
}
