/// The right edge of an append-only RFC 6962 tree: one complete-subtree root per set bit of the
/// size, largest first. Appending a leaf merges equal-sized subtrees and reports every complete
/// node it creates, so that a store can persist them; the root is folded from the edge.
public struct CompactRange: Sendable, Equatable {
    /// The number of leaves.
    public private(set) var size: UInt64
    /// The edge hashes, one per set bit of `size`, from the highest level down.
    public private(set) var hashes: [MerkleHash]

    /// An empty tree.
    public init() {
        size = 0
        hashes = []
    }

    /// Restores the edge of a tree of `size` leaves from its decomposition's hashes (see `decomposition(of:)`).
    public init(size: UInt64, hashes: [MerkleHash]) throws(LedgerError) {
        guard hashes.count == size.nonzeroBitCount else { throw .wrongProofSize(got: hashes.count, want: size.nonzeroBitCount) }
        self.size = size
        self.hashes = hashes
    }

    /// The complete subtrees that make up [0, size), largest (leftmost) first.
    public static func decomposition(of size: UInt64) -> [(level: Int, index: UInt64)] {
        var result: [(Int, UInt64)] = []
        var start: UInt64 = 0
        for level in stride(from: 63, through: 0, by: -1) where (size >> UInt64(level)) & 1 == 1 {
            result.append((level, start >> UInt64(level)))
            start += UInt64(1) << UInt64(level)
        }
        return result
    }

    /// Appends a leaf hash and returns the nodes it completes: the leaf itself (level 0) and every
    /// parent that now has both children.
    @discardableResult
    public mutating func append(_ leafHash: MerkleHash) -> [MerkleNode] {
        let index = size
        var nodes = [MerkleNode(level: 0, index: index, hash: leafHash)]
        var hash = leafHash
        var level = 0
        while (index >> UInt64(level)) & 1 == 1, let left = hashes.popLast() {
            hash = RFC6962.nodeHash(left, hash)
            level += 1
            nodes.append(MerkleNode(level: level, index: index >> UInt64(level), hash: hash))
        }
        hashes.append(hash)
        size += 1
        return nodes
    }

    /// The tree's root hash (the empty-tree hash when there are no leaves).
    public var root: MerkleHash {
        guard var root = hashes.last else { return RFC6962.emptyRoot }
        for hash in hashes.dropLast().reversed() { root = RFC6962.nodeHash(hash, root) }
        return root
    }
}
