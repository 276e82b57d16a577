/// A consistent, synchronous view of a log's storage, valid inside one `LedgerStore.read` call,
/// so that a proof is built from a single snapshot.
public protocol LedgerSnapshot {
    /// The number of integrated entries.
    func size() throws -> UInt64
    /// The stored hash of a complete subtree.
    func node(level: Int, index: UInt64) throws -> LedgerNodeRecord
    /// The entry at `index`, or nil past the end.
    func entry(_ index: UInt64) throws -> LedgerRecord?
    /// Up to `limit` entries from `start`, in index order.
    func entries(from start: UInt64, limit: Int) throws -> [LedgerRecord]
    /// Every stored node, for integrity checks.
    func allNodes() throws -> [LedgerNodeRecord]
}
