public import Foundation

/// A stored complete-subtree hash of an evidence log: at `level` l, node `index` i covers
/// leaves [i·2^l, (i+1)·2^l).
public struct LedgerNodeRecord: Hashable, Sendable {
    /// The height above the leaves (0 for leaf hashes).
    public let level: Int
    /// The position among the nodes of that level.
    public let index: UInt64
    /// The 32-byte hash.
    public let hash: Data

    /// Creates a node record.
    public init(level: Int, index: UInt64, hash: Data) {
        self.level = level
        self.index = index
        self.hash = hash
    }
}
