import Foundation

/// A SHA-256 node or leaf hash of an RFC 6962 Merkle tree: exactly 32 bytes.
///
/// Encoded as base64, as the transparency-dev probes and C2SP checkpoints write hashes.
public struct MerkleHash: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The size of every hash in the tree.
    public static let size = 32

    /// The 32 bytes.
    public let bytes: [UInt8]

    /// Wraps 32 bytes; any other length is refused.
    public init(_ bytes: [UInt8]) throws(LedgerError) {
        guard bytes.count == MerkleHash.size else { throw .badHashLength(bytes.count) }
        self.bytes = bytes
    }

    /// Decodes base64; the result must be 32 bytes.
    public init(base64 text: String) throws(LedgerError) {
        guard let bytes = Base64.decode(text) else { throw .badBase64(text) }
        try self.init(bytes)
    }

    /// Decodes lower- or upper-case hex; the result must be 32 bytes.
    public init(hex text: String) throws(LedgerError) {
        guard text.count % 2 == 0 else { throw .badHex(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count / 2)
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { throw .badHex(text) }
            bytes.append(byte)
            index = next
        }
        try self.init(bytes)
    }

    /// Used by the hasher, whose output is 32 bytes by construction.
    init(digest bytes: [UInt8]) {
        self.bytes = bytes
    }

    public init(from decoder: any Decoder) throws {
        self = try MerkleHash(base64: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(base64)
    }

    /// The standard base64 text.
    public var base64: String { Data(bytes).base64EncodedString() }

    /// Lower-case hex.
    public var hex: String { bytes.map { String(format: "%02x", $0) }.joined() }

    public var description: String { base64 }
}
