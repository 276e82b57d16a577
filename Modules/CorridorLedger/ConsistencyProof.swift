/// A proof that the tree of `newSize` leaves extends the tree of `oldSize` leaves.
public struct ConsistencyProof: Hashable, Sendable, Codable {
    /// The older size.
    public let oldSize: UInt64
    /// The newer size.
    public let newSize: UInt64
    /// The older root.
    public let oldRoot: MerkleHash
    /// The newer root.
    public let newRoot: MerkleHash
    /// The proof hashes.
    public let proof: [MerkleHash]

    /// Creates a proof.
    public init(oldSize: UInt64, newSize: UInt64, oldRoot: MerkleHash, newRoot: MerkleHash, proof: [MerkleHash]) {
        self.oldSize = oldSize
        self.newSize = newSize
        self.oldRoot = oldRoot
        self.newRoot = newRoot
        self.proof = proof
    }

    private enum CodingKeys: String, CodingKey {
        case oldSize = "old_size", newSize = "new_size", oldRoot = "old_root", newRoot = "new_root", proof
    }

    /// Checks the proof against its own roots.
    public func verify() throws(LedgerError) {
        try MerkleVerifier.verifyConsistency(oldSize: oldSize, newSize: newSize, oldRoot: oldRoot, newRoot: newRoot, proof: proof)
    }
}
