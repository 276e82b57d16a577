/// Durable ledger storage failed.
public enum LedgerStoreError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Another writer integrated entries first; reload the log's edge and try again.
    case sizeChanged(expected: UInt64, actual: UInt64)
    /// A node or entry that the tree size says exists is missing.
    case missing(String)
    /// The database failed.
    case storage(String)

    public var description: String {
        switch self {
        case .sizeChanged(let expected, let actual):
            "the log grew from \(expected) to \(actual) entries under another writer; retry the append"
        case .missing(let what):
            "\(what) is missing from the log's database; run `corridor-ledger fsck`"
        case .storage(let message):
            "ledger database error: \(message). Check that the log directory is writable and holds a Corridor log"
        }
    }
}
