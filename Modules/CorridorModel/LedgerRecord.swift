public import Foundation

/// One entry of an evidence log as stored: its position, its bytes and their RFC 6962 leaf hash.
public struct LedgerRecord: Hashable, Sendable {
    /// The 0-based position in the log; assigned once and never reused.
    public let index: UInt64
    /// The leaf data (for evidence, a canonical JSON statement of a document's hash and metadata).
    public let data: Data
    /// `SHA-256(0x00 ‖ data)`, 32 bytes.
    public let leafHash: Data
    /// The enterprise the entry belongs to, nil for the zone's own entries.
    public let owner: EnterpriseID?
    /// When the entry was integrated.
    public let appendedAt: Date

    /// Creates a record.
    public init(index: UInt64, data: Data, leafHash: Data, owner: EnterpriseID?, appendedAt: Date) {
        self.index = index
        self.data = data
        self.leafHash = leafHash
        self.owner = owner
        self.appendedAt = appendedAt
    }
}
