/// Durable storage of an append-only evidence log: the seam between CorridorLedger, which does
/// the hashing, and CorridorStore, which keeps entries and complete-subtree nodes on SQLite.
public protocol LedgerStore: Sendable {
    /// Writes a batch in one transaction, if and only if the log still has `expectedSize` entries:
    /// the entries (indices `expectedSize…`), every node they complete, and the new size. Once this
    /// returns, the indices are durable and will never be given to other entries.
    func integrate(expectedSize: UInt64, entries: [LedgerRecord], nodes: [LedgerNodeRecord]) async throws(LedgerStoreError)

    /// Runs `body` against one consistent snapshot of the log.
    func read<T: Sendable>(_ body: @escaping @Sendable (any LedgerSnapshot) throws -> T) async throws -> T
}
