/// An entry's inclusion proof in one tree size: enough to check, offline, that the leaf is in the log.
public struct InclusionProof: Hashable, Sendable, Codable {
    /// The leaf index.
    public let index: UInt64
    /// The tree size the proof is for.
    public let treeSize: UInt64
    /// The leaf hash.
    public let leafHash: MerkleHash
    /// The audit path.
    public let proof: [MerkleHash]
    /// The root of the tree of `treeSize` leaves.
    public let root: MerkleHash

    /// Creates a proof.
    public init(index: UInt64, treeSize: UInt64, leafHash: MerkleHash, proof: [MerkleHash], root: MerkleHash) {
        self.index = index
        self.treeSize = treeSize
        self.leafHash = leafHash
        self.proof = proof
        self.root = root
    }

    private enum CodingKeys: String, CodingKey {
        case index, treeSize = "tree_size", leafHash = "leaf_hash", proof, root
    }

    /// Checks the proof against its own root (compare `root` with a trusted checkpoint separately).
    public func verify() throws(LedgerError) {
        try MerkleVerifier.verifyInclusion(index: index, size: treeSize, leafHash: leafHash, proof: proof, root: root)
    }
}
