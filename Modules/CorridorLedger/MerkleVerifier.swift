import Foundation

/// Verifies inclusion and consistency proofs of an RFC 6962 tree (RFC 9162 §2.1.3.2 and §2.1.4.2),
/// offline, from hashes alone.
///
/// A proof is split into an inner part (the siblings below the level where the paths to leaf
/// `index` and to the last leaf part) and a border part (left siblings along the right edge).
public enum MerkleVerifier {
    /// Checks that `leafHash` is the leaf at `index` of the tree of `size` leaves with root `root`.
    public static func verifyInclusion(index: UInt64, size: UInt64, leafHash: MerkleHash, proof: [MerkleHash], root: MerkleHash) throws(LedgerError) {
        let computed = try rootFromInclusionProof(index: index, size: size, leafHash: leafHash, proof: proof)
        guard computed == root else { throw .rootMismatch(computed: computed.base64, expected: root.base64) }
    }

    /// The root that an inclusion proof implies.
    public static func rootFromInclusionProof(index: UInt64, size: UInt64, leafHash: MerkleHash, proof: [MerkleHash]) throws(LedgerError) -> MerkleHash {
        guard index < size else { throw .indexOutOfRange(index: index, size: size) }
        let (inner, border) = decomposeInclusion(index: index, size: size)
        guard proof.count == inner + border else { throw .wrongProofSize(got: proof.count, want: inner + border) }
        let seed = chainInner(leafHash, proof[0..<inner], index: index)
        return chainBorderRight(seed, proof[inner...])
    }

    /// Checks that the tree of `newSize` leaves with root `newRoot` extends the tree of `oldSize`
    /// leaves with root `oldRoot`. An empty old tree is refused, even towards another empty tree:
    /// it proves nothing. Equal sizes need an empty proof and equal roots.
    public static func verifyConsistency(oldSize: UInt64, newSize: UInt64, oldRoot: MerkleHash, newRoot: MerkleHash, proof: [MerkleHash]) throws(LedgerError) {
        guard oldSize <= newSize else { throw .sizesOutOfOrder(old: oldSize, new: newSize) }
        guard oldSize > 0 else { throw .consistencyFromEmptyTree }
        if oldSize == newSize {
            guard proof.isEmpty else { throw .wrongProofSize(got: proof.count, want: 0) }
            guard oldRoot == newRoot else { throw .rootMismatch(computed: newRoot.base64, expected: oldRoot.base64) }
            return
        }
        guard !proof.isEmpty else { throw .wrongProofSize(got: 0, want: 1) }
        var (inner, border) = decomposeInclusion(index: oldSize - 1, size: newSize)
        let shift = oldSize.trailingZeroBitCount
        inner -= shift
        // The proof starts with the root of the old tree's largest complete right subtree, unless
        // the old tree is itself complete (a power of two), when that subtree is the old root.
        var seed = proof[0]
        var start = 1
        if oldSize == UInt64(1) << shift {
            seed = oldRoot
            start = 0
        }
        guard proof.count == start + inner + border else { throw .wrongProofSize(got: proof.count, want: start + inner + border) }
        let rest = proof[start...]
        let innerPart = rest.prefix(inner), borderPart = rest.dropFirst(inner)
        let mask = (oldSize - 1) >> UInt64(shift)
        let old = chainBorderRight(chainInnerRight(seed, innerPart, index: mask), borderPart)
        guard old == oldRoot else { throw .rootMismatch(computed: old.base64, expected: oldRoot.base64) }
        let new = chainBorderRight(chainInner(seed, innerPart, index: mask), borderPart)
        guard new == newRoot else { throw .rootMismatch(computed: new.base64, expected: newRoot.base64) }
    }

    // MARK: - Raw bytes, as received from outside

    /// Verifies an inclusion proof given as raw bytes, exactly as the RFC 6962 reference verifier
    /// does: the leaf hash must be 32 bytes, and the computed root must equal `root` byte for byte.
    public static func verifyInclusion(index: UInt64, size: UInt64, leafHash: [UInt8], proof: [[UInt8]], root: [UInt8]) throws(LedgerError) {
        let leaf = try MerkleHash(leafHash)
        let computed = try rootFromInclusionProof(index: index, size: size, leafHash: leaf, proof: try proof.map { p throws(LedgerError) in try MerkleHash(p) })
        guard computed.bytes == root else { throw .rootMismatch(computed: computed.base64, expected: Data(root).base64EncodedString()) }
    }

    /// Verifies a consistency proof given as raw bytes, as the reference verifier does: equal sizes
    /// need an empty proof and byte-equal roots (whatever their length); otherwise every hash must be 32 bytes.
    public static func verifyConsistency(oldSize: UInt64, newSize: UInt64, oldRoot: [UInt8], newRoot: [UInt8], proof: [[UInt8]]) throws(LedgerError) {
        guard oldSize <= newSize else { throw .sizesOutOfOrder(old: oldSize, new: newSize) }
        guard oldSize > 0 else { throw .consistencyFromEmptyTree }
        if oldSize == newSize {
            guard proof.isEmpty else { throw .wrongProofSize(got: proof.count, want: 0) }
            guard oldRoot == newRoot else {
                throw .rootMismatch(computed: Data(newRoot).base64EncodedString(), expected: Data(oldRoot).base64EncodedString())
            }
            return
        }
        try verifyConsistency(oldSize: oldSize, newSize: newSize, oldRoot: MerkleHash(oldRoot), newRoot: MerkleHash(newRoot),
                              proof: proof.map { p throws(LedgerError) in try MerkleHash(p) })
    }

    /// How many inner and border hashes an inclusion proof for `index` in a tree of `size` has.
    public static func decomposeInclusion(index: UInt64, size: UInt64) -> (inner: Int, border: Int) {
        let inner = 64 - (index ^ (size - 1)).leadingZeroBitCount
        let border = (index >> UInt64(inner)).nonzeroBitCount
        return (inner, border)
    }

    private static func chainInner(_ seed: MerkleHash, _ proof: ArraySlice<MerkleHash>, index: UInt64) -> MerkleHash {
        var hash = seed
        for (i, sibling) in proof.enumerated() {
            hash = (index >> UInt64(i)) & 1 == 0 ? RFC6962.nodeHash(hash, sibling) : RFC6962.nodeHash(sibling, hash)
        }
        return hash
    }

    private static func chainInnerRight(_ seed: MerkleHash, _ proof: ArraySlice<MerkleHash>, index: UInt64) -> MerkleHash {
        var hash = seed
        for (i, sibling) in proof.enumerated() where (index >> UInt64(i)) & 1 == 1 {
            hash = RFC6962.nodeHash(sibling, hash)
        }
        return hash
    }

    private static func chainBorderRight(_ seed: MerkleHash, _ proof: ArraySlice<MerkleHash>) -> MerkleHash {
        proof.reduce(seed) { RFC6962.nodeHash($1, $0) }
    }
}
