/// What a client has verified so far, and the rule for moving on: a newer checkpoint is accepted
/// only with a valid consistency proof from the one already trusted. A smaller size is a
/// rollback, an equal size with another root a split view; both are refused.
public struct TrustedCheckpoint: Hashable, Sendable {
    /// The checkpoint trusted now.
    public private(set) var checkpoint: Checkpoint

    /// Starts from a checkpoint verified with `logKey` (and the witnesses given).
    public init(_ checkpoint: Checkpoint, logKey: NoteKey, witnesses: [NoteKey] = []) throws(LedgerError) {
        try checkpoint.verify(logKey: logKey, witnesses: witnesses)
        self.checkpoint = checkpoint
    }

    /// Moves to `newer` if its signatures verify and `proof` links the two trees.
    public mutating func advance(to newer: Checkpoint, proof: [MerkleHash], logKey: NoteKey, witnesses: [NoteKey] = []) throws(LedgerError) {
        try newer.verify(logKey: logKey, witnesses: witnesses)
        let old = checkpoint
        guard newer.size >= old.size else {
            throw .inconsistentCheckpoint("it is a rollback from size \(old.size) to \(newer.size)")
        }
        if old.size == 0 {
            // Every tree extends the empty tree; there is nothing to prove.
        } else if newer.size == old.size {
            guard newer.root == old.root else { throw .inconsistentCheckpoint("two different roots for size \(old.size): a split view") }
        } else {
            do {
                try MerkleVerifier.verifyConsistency(oldSize: old.size, newSize: newer.size, oldRoot: old.root, newRoot: newer.root, proof: proof)
            } catch {
                throw .inconsistentCheckpoint("the consistency proof from \(old.size) to \(newer.size) fails: \(error)")
            }
        }
        checkpoint = newer
    }
}
