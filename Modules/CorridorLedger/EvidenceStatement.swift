public import Foundation

/// What the log records about a trade document: its SHA-256 and metadata, never the document.
/// The leaf data is this statement as canonical JSON (sorted keys, no spaces), so anyone holding
/// the document can recompute the leaf.
public struct EvidenceStatement: Hashable, Sendable, Codable {
    /// Lower-case hex SHA-256 of the document.
    public let sha256: String
    /// Free metadata: document type, number, parties, dates.
    public let metadata: [String: String]

    /// Creates a statement; the hash must be 64 hex digits.
    public init(sha256: String, metadata: [String: String]) throws(LedgerError) {
        let hash = sha256.lowercased()
        guard hash.count == 64, hash.allSatisfy(\.isHexDigit) else { throw .badHex(sha256) }
        self.sha256 = hash
        self.metadata = metadata
    }

    /// The canonical JSON bytes that are the leaf data.
    public var leafData: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    private enum CodingKeys: String, CodingKey { case sha256, metadata }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(sha256: c.decode(String.self, forKey: .sha256), metadata: c.decodeIfPresent([String: String].self, forKey: .metadata) ?? [:])
    }
}
