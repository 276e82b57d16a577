public import Foundation
import Crypto

/// An Ed25519 key for C2SP signed notes (https://c2sp.org/signed-note).
///
/// The key ID is the first 4 bytes of `SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)`, where 0x01 names
/// the Ed25519 signature type. Keys are written as the Go `note` package writes them:
/// a verifier key `name+hexid+base64(0x01 ‖ public key)`, and a signer key
/// `PRIVATE+KEY+name+hexid+base64(0x01 ‖ seed)`.
public struct NoteKey: Sendable {
    /// The key name, e.g. the log's origin `corridor.example/evidence`.
    public let name: String
    /// The 32-byte Ed25519 public key.
    public let publicKey: [UInt8]
    /// The 32-byte seed, nil for a verifier-only key.
    private let seed: [UInt8]?

    /// A new random signing key.
    public static func generate(name: String) throws(LedgerError) -> NoteKey {
        let key = Curve25519.Signing.PrivateKey()
        return try NoteKey(name: name, publicKey: Array(key.publicKey.rawRepresentation), seed: Array(key.rawRepresentation))
    }

    private init(name: String, publicKey: [UInt8], seed: [UInt8]?) throws(LedgerError) {
        guard !name.isEmpty, !name.contains(where: { $0 == "+" || $0.isWhitespace }) else {
            throw .badKey("the key name '\(name)' must be non-empty, without spaces or '+'")
        }
        self.name = name
        self.publicKey = publicKey
        self.seed = seed
    }

    /// Parses a signer key (`PRIVATE+KEY+…`) or a verifier key (`name+hexid+base64`).
    public init(parsing text: String) throws(LedgerError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let isPrivate = trimmed.hasPrefix("PRIVATE+KEY+")
        let parts = (isPrivate ? String(trimmed.dropFirst("PRIVATE+KEY+".count)) : trimmed).split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let body = Base64.decode(String(parts[2])), body.count == 33, body.first == 0x01 else {
            throw .badKey("expected name+hexid+base64 key material with the Ed25519 type byte")
        }
        let material = Array(body.dropFirst())
        let publicKey: [UInt8]
        if isPrivate {
            do {
                publicKey = Array(try Curve25519.Signing.PrivateKey(rawRepresentation: material).publicKey.rawRepresentation)
            } catch {
                throw .badKey("the private key material is not an Ed25519 seed")
            }
        } else {
            publicKey = material
        }
        try self.init(name: String(parts[0]), publicKey: publicKey, seed: isPrivate ? material : nil)
        guard String(parts[1]) == keyIDHex else { throw .badKey("key ID \(parts[1]) does not match the key (expected \(keyIDHex))") }
    }

    /// The 4-byte key ID.
    public var keyID: [UInt8] {
        var h = SHA256()
        h.update(data: Array(name.utf8) + [0x0A, 0x01] + publicKey)
        return Array(h.finalize().prefix(4))
    }

    var keyIDHex: String { keyID.map { String(format: "%02x", $0) }.joined() }

    /// The verifier key text, safe to publish.
    public var verifierKey: String { "\(name)+\(keyIDHex)+\(Data([0x01] + publicKey).base64EncodedString())" }

    /// The signer key text, to keep secret; nil for a verifier-only key.
    public var signerKey: String? {
        seed.map { "PRIVATE+KEY+\(name)+\(keyIDHex)+\(Data([0x01] + $0).base64EncodedString())" }
    }

    /// Whether this key can sign.
    public var canSign: Bool { seed != nil }

    /// An Ed25519 signature of `message`.
    public func sign(_ message: [UInt8]) throws(LedgerError) -> [UInt8] {
        guard let seed else { throw .badKey("\(name) is a verifier key and cannot sign") }
        do {
            return Array(try Curve25519.Signing.PrivateKey(rawRepresentation: seed).signature(for: message))
        } catch {
            throw .badKey("signing failed: \(error)")
        }
    }

    /// Whether `signature` is this key's signature of `message`.
    public func verify(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey) else { return false }
        return key.isValidSignature(signature, for: message)
    }
}
