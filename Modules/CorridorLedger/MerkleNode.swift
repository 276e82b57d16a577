/// The root of a complete subtree: at `level` l, node `index` i covers leaves [i·2^l, (i+1)·2^l).
/// Level 0 nodes are leaf hashes. These are the only nodes a log stores; every other hash is
/// computed from them.
public struct MerkleNode: Hashable, Sendable {
    /// The height above the leaves.
    public let level: Int
    /// The position among the nodes of that level.
    public let index: UInt64
    /// The subtree's root hash.
    public let hash: MerkleHash

    /// Creates a node.
    public init(level: Int, index: UInt64, hash: MerkleHash) {
        self.level = level
        self.index = index
        self.hash = hash
    }
}
