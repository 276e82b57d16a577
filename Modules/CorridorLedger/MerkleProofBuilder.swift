/// Builds inclusion and consistency proofs (RFC 6962 §2.1.1 PATH and §2.1.2 SUBPROOF) from the
/// stored complete-subtree nodes, reading O(log² n) nodes at most.
///
/// The builder does no I/O of its own: it calls `node` for each complete subtree it needs, so a
/// store can run it inside one read transaction and every hash comes from one snapshot.
public struct MerkleProofBuilder {
    /// Returns the stored hash of the complete subtree at (level, index).
    public typealias NodeReader = (_ level: Int, _ index: UInt64) throws -> MerkleHash

    private let node: NodeReader

    /// Creates a builder over a node reader.
    public init(node: @escaping NodeReader) {
        self.node = node
    }

    /// The root of the tree of `size` leaves.
    public func root(size: UInt64) throws -> MerkleHash {
        size == 0 ? RFC6962.emptyRoot : try rangeRoot(0, size)
    }

    /// The inclusion proof of leaf `index` in the tree of `size` leaves.
    public func inclusion(index: UInt64, size: UInt64) throws -> [MerkleHash] {
        guard index < size else { throw LedgerError.indexOutOfRange(index: index, size: size) }
        return try path(index, 0, size)
    }

    /// The consistency proof between the trees of `oldSize` and `newSize` leaves.
    public func consistency(oldSize: UInt64, newSize: UInt64) throws -> [MerkleHash] {
        guard oldSize <= newSize else { throw LedgerError.sizesOutOfOrder(old: oldSize, new: newSize) }
        guard oldSize > 0 else { throw LedgerError.consistencyFromEmptyTree }
        if oldSize == newSize { return [] }
        return try subproof(oldSize, 0, newSize, true)
    }

    /// PATH(m, D[lo:hi]): the audit path of leaf m within the subtree [lo, hi).
    private func path(_ m: UInt64, _ lo: UInt64, _ hi: UInt64) throws -> [MerkleHash] {
        let n = hi - lo
        if n == 1 { return [] }
        let k = Self.largestPowerOfTwo(below: n)
        if m < lo + k {
            return try path(m, lo, lo + k) + [rangeRoot(lo + k, hi)]
        }
        return try path(m, lo + k, hi) + [rangeRoot(lo, lo + k)]
    }

    /// SUBPROOF(m, D[lo:hi], b), with m counted from lo.
    private func subproof(_ m: UInt64, _ lo: UInt64, _ hi: UInt64, _ complete: Bool) throws -> [MerkleHash] {
        let n = hi - lo
        if m == n { return complete ? [] : [try rangeRoot(lo, hi)] }
        let k = Self.largestPowerOfTwo(below: n)
        if m <= k {
            return try subproof(m, lo, lo + k, complete) + [rangeRoot(lo + k, hi)]
        }
        return try subproof(m - k, lo + k, hi, false) + [rangeRoot(lo, lo + k)]
    }

    /// MTH(D[lo:hi]) for a range that starts on a boundary aligned to its own size, folded from
    /// the complete subtrees that tile it, largest first.
    private func rangeRoot(_ lo: UInt64, _ hi: UInt64) throws -> MerkleHash {
        var blocks: [(Int, UInt64)] = []
        var start = lo
        while start < hi {
            var level = start == 0 ? 63 : start.trailingZeroBitCount
            while level > 0 && (UInt64(1) << UInt64(level)) > hi - start { level -= 1 }
            blocks.append((level, start >> UInt64(level)))
            start += UInt64(1) << UInt64(level)
        }
        guard let last = blocks.last else { return RFC6962.emptyRoot }
        var hash = try node(last.0, last.1)
        for block in blocks.dropLast().reversed() { hash = RFC6962.nodeHash(try node(block.0, block.1), hash) }
        return hash
    }

    /// The largest power of two strictly below n (n ≥ 2).
    static func largestPowerOfTwo(below n: UInt64) -> UInt64 {
        UInt64(1) << UInt64(63 - (n - 1).leadingZeroBitCount)
    }
}
