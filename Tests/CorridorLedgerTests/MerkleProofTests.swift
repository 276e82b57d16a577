import CorridorLedger
import Foundation
import Testing

/// Proofs built from stored complete-subtree nodes verify for every index and size, and any
/// change to a proof, a leaf or a root makes verification fail.
@Suite("Merkle proofs: build, verify, tamper")
struct MerkleProofTests {
    /// An in-memory node store filled by appending `count` leaves.
    struct Tree {
        var range = CompactRange()
        var nodes: [String: MerkleHash] = [:]
        var roots: [MerkleHash] = [RFC6962.emptyRoot]
        var leaves: [MerkleHash] = []

        init(count: Int) {
            for i in 0..<count {
                let leaf = RFC6962.leafHash(Array("leaf \(i)".utf8))
                leaves.append(leaf)
                for node in range.append(leaf) { nodes["\(node.level)/\(node.index)"] = node.hash }
                roots.append(range.root)
            }
        }

        var builder: MerkleProofBuilder {
            let nodes = self.nodes
            return MerkleProofBuilder { level, index in
                guard let hash = nodes["\(level)/\(index)"] else { throw LedgerError.missingNode(level: level, index: index) }
                return hash
            }
        }
    }

    @Test("compact-range roots equal roots folded from stored nodes")
    func roots() throws {
        let tree = Tree(count: 70)
        for size in 0...70 {
            #expect(try tree.builder.root(size: UInt64(size)) == tree.roots[size])
        }
    }

    @Test("every inclusion proof in trees of 1…64 leaves verifies, and only at its own index")
    func inclusion() throws {
        let tree = Tree(count: 64)
        for size in 1...64 {
            for index in 0..<size {
                let proof = try tree.builder.inclusion(index: UInt64(index), size: UInt64(size))
                try MerkleVerifier.verifyInclusion(index: UInt64(index), size: UInt64(size), leafHash: tree.leaves[index],
                                                   proof: proof, root: tree.roots[size])
                if size > 1 {
                    let other = (index + 1) % size
                    #expect(throws: LedgerError.self) {
                        try MerkleVerifier.verifyInclusion(index: UInt64(other), size: UInt64(size), leafHash: tree.leaves[index],
                                                           proof: proof, root: tree.roots[size])
                    }
                }
            }
        }
    }

    @Test("every consistency proof between sizes 1…48 verifies; swapped roots do not")
    func consistency() throws {
        let tree = Tree(count: 48)
        for old in 1...48 {
            for new in old...48 {
                let proof = try tree.builder.consistency(oldSize: UInt64(old), newSize: UInt64(new))
                try MerkleVerifier.verifyConsistency(oldSize: UInt64(old), newSize: UInt64(new), oldRoot: tree.roots[old],
                                                     newRoot: tree.roots[new], proof: proof)
                if old < new {
                    #expect(throws: LedgerError.self) {
                        try MerkleVerifier.verifyConsistency(oldSize: UInt64(old), newSize: UInt64(new), oldRoot: tree.roots[new],
                                                             newRoot: tree.roots[old], proof: proof)
                    }
                }
            }
        }
    }

    @Test("flipping one bit anywhere in a proof, leaf or root is detected")
    func tampering() throws {
        let tree = Tree(count: 37)
        let proof = try tree.builder.inclusion(index: 21, size: 37)
        func flipped(_ h: MerkleHash, bit: Int) throws -> MerkleHash {
            var bytes = h.bytes
            bytes[bit / 8] ^= UInt8(1 << (bit % 8))
            return try MerkleHash(bytes)
        }
        for bit in stride(from: 0, to: 256, by: 17) {
            for i in proof.indices {
                var bad = proof
                bad[i] = try flipped(proof[i], bit: bit)
                #expect(throws: LedgerError.self) {
                    try MerkleVerifier.verifyInclusion(index: 21, size: 37, leafHash: tree.leaves[21], proof: bad, root: tree.roots[37])
                }
            }
            #expect(throws: LedgerError.self) {
                try MerkleVerifier.verifyInclusion(index: 21, size: 37, leafHash: try flipped(tree.leaves[21], bit: bit), proof: proof, root: tree.roots[37])
            }
        }
        #expect(throws: LedgerError.wrongProofSize(got: proof.count - 1, want: proof.count)) {
            try MerkleVerifier.verifyInclusion(index: 21, size: 37, leafHash: tree.leaves[21], proof: Array(proof.dropLast()), root: tree.roots[37])
        }
    }

    @Test("edge cases: empty tree, index past the end, consistency from size 0, short hashes")
    func edges() throws {
        let tree = Tree(count: 8)
        #expect(try tree.builder.root(size: 0) == RFC6962.emptyRoot)
        #expect(throws: LedgerError.self) { try tree.builder.inclusion(index: 8, size: 8) }
        #expect(throws: LedgerError.consistencyFromEmptyTree) { try tree.builder.consistency(oldSize: 0, newSize: 8) }
        #expect(throws: LedgerError.consistencyFromEmptyTree) {
            try MerkleVerifier.verifyConsistency(oldSize: 0, newSize: 8, oldRoot: RFC6962.emptyRoot, newRoot: tree.roots[8], proof: [])
        }
        #expect(throws: LedgerError.badHashLength(31)) { try MerkleHash([UInt8](repeating: 0, count: 31)) }
        #expect(try tree.builder.consistency(oldSize: 5, newSize: 5).isEmpty)
        let restored = try CompactRange(size: 5, hashes: CompactRange.decomposition(of: 5).map { tree.nodes["\($0.level)/\($0.index)"]! })
        #expect(restored.root == tree.roots[5])
    }
}
