public import Foundation

/// Where evaluations are recorded so that any of them can be replayed exactly.
///
/// Pack texts are kept by SHA-256 beside the records, so a replay reads the very pack that decided,
/// even after a newer version replaced it. `CorridorStore.SQLiteDecisionLog` implements it.
public protocol DecisionLog: Sendable {
    /// Records a decision and the texts of its packs (by SHA-256); false when the id was already there.
    @discardableResult
    func append(_ record: DecisionRecord, packTexts: [String: String]) async throws -> Bool
    /// The record with this id, or nil.
    func record(id: String) async throws -> DecisionRecord?
    /// The text of the pack with this SHA-256, or nil.
    func packText(sha256: String) async throws -> String?
}
