public import Foundation

/// What the log records about a trade document: its SHA-256 and metadata, never the document.
/// The leaf data is this statement as canonical JSON (sorted keys, no spaces), so anyone holding
/// the document can recompute the leaf.
public struct EvidenceStatement: Hashable, Sendable, Codable {
    /// Lower-case hex SHA-256 of the document.
    public let sha256: String
    /// Free metadata: document type, number, parties, dates.
    public let metadata: [String: String]

    /// Creates a statement; the hash must be 64 lower-case ASCII hex digits, so that one
    /// document has exactly one statement.
    public init(sha256: String, metadata: [String: String]) throws(LedgerError) {
        guard sha256.utf8.count == 64, sha256.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            throw .badHex(sha256)
        }
        self.sha256 = sha256
        self.metadata = metadata
    }

    /// The statement that `data` encodes, if `data` is exactly its canonical form; otherwise nil
    /// (the entry is then plain data, not a statement).
    public static func decodeCanonical(_ data: Data) -> EvidenceStatement? {
        guard let statement = try? JSONDecoder().decode(EvidenceStatement.self, from: data), statement.leafData == data else { return nil }
        return statement
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
