import Foundation

/// A nomenclature line found by full-text search, ranked best first.
public struct SearchHit: Hashable, Sendable, Codable {
    /// The matching line.
    public let entry: NomenclatureEntry
    /// The relevance score (SQLite FTS5 bm25, negated so that higher is better).
    public let score: Double

    /// Creates a hit.
    public init(entry: NomenclatureEntry, score: Double) {
        self.entry = entry
        self.score = score
    }
}
