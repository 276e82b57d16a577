/// A ledger operation or verification failed. Verification messages name the check that failed.
public enum LedgerError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A hash is not 32 bytes.
    case badHashLength(Int)
    /// Text that should be base64 is not.
    case badBase64(String)
    /// Text that should be hex is not.
    case badHex(String)
    /// A leaf index is not below the tree size.
    case indexOutOfRange(index: UInt64, size: UInt64)
    /// A tree size beyond the entries the log holds.
    case beyondLog(size: UInt64, current: UInt64)
    /// A proof has the wrong number of hashes for its index and sizes.
    case wrongProofSize(got: Int, want: Int)
    /// Tree sizes are in the wrong order (the old tree is larger than the new).
    case sizesOutOfOrder(old: UInt64, new: UInt64)
    /// A consistency proof from an empty tree proves nothing and is refused.
    case consistencyFromEmptyTree
    /// The root computed from a proof is not the expected one.
    case rootMismatch(computed: String, expected: String)
    /// A signing or verifier key is malformed or unusable.
    case badKey(String)
    /// A checkpoint note is malformed.
    case badCheckpoint(String)
    /// A required signature is missing or invalid.
    case badSignature(String)
    /// A newer checkpoint does not extend the one already trusted.
    case inconsistentCheckpoint(String)
    /// An evidence bundle does not hold together.
    case badBundle(String)
    /// A node needed for a proof is missing from storage.
    case missingNode(level: Int, index: UInt64)

    public var description: String {
        switch self {
        case .badHashLength(let n): "a hash must be 32 bytes, got \(n)"
        case .badBase64(let t): "'\(t.prefix(60))' is not base64"
        case .badHex(let t): "'\(t.prefix(60))' is not hex"
        case .indexOutOfRange(let i, let n): "leaf index \(i) is not below tree size \(n)"
        case .beyondLog(let size, let current): "the log holds \(current) entries; there is no tree of size \(size) yet"
        case .wrongProofSize(let got, let want): "the proof has \(got) hashes; this index and size need \(want)"
        case .sizesOutOfOrder(let old, let new): "the old tree (\(old)) is larger than the new one (\(new))"
        case .consistencyFromEmptyTree: "a consistency proof from an empty tree proves nothing; start from a non-empty checkpoint"
        case .rootMismatch(let computed, let expected): "the proof leads to root \(computed), not the expected \(expected)"
        case .badKey(let reason): "bad key: \(reason)"
        case .badCheckpoint(let reason): "bad checkpoint: \(reason)"
        case .badSignature(let name): "the checkpoint carries no valid signature by \(name)"
        case .inconsistentCheckpoint(let reason): "refusing the new checkpoint: \(reason)"
        case .badBundle(let reason): "the bundle does not verify: \(reason)"
        case .missingNode(let level, let index): "node (level \(level), index \(index)) is missing from the log; run fsck"
        }
    }
}
