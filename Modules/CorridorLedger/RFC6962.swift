import Crypto

/// The RFC 6962 / RFC 9162 hashing of a Merkle tree with SHA-256: a leaf is
/// `SHA-256(0x00 ‖ data)`, an interior node `SHA-256(0x01 ‖ left ‖ right)`, the empty tree `SHA-256()`.
/// The prefixes keep a leaf from ever being passed off as a node (second-preimage defence).
public enum RFC6962 {
    /// The root of the empty tree: SHA-256 of nothing.
    public static var emptyRoot: MerkleHash { MerkleHash(digest: Array(SHA256.hash(data: [UInt8]()))) }

    /// The hash of a leaf's data.
    public static func leafHash<D: Sequence<UInt8>>(_ data: D) -> MerkleHash {
        var h = SHA256()
        h.update(data: [0x00])
        h.update(data: Array(data))
        return MerkleHash(digest: Array(h.finalize()))
    }

    /// The hash of an interior node.
    public static func nodeHash(_ left: MerkleHash, _ right: MerkleHash) -> MerkleHash {
        nodeHash(bytes: left.bytes, right.bytes)
    }

    /// `SHA-256(0x01 ‖ left ‖ right)` over raw bytes, for the published test vectors whose children are not hashes.
    public static func nodeHash(bytes left: [UInt8], _ right: [UInt8]) -> MerkleHash {
        var h = SHA256()
        h.update(data: [0x01])
        h.update(data: left)
        h.update(data: right)
        return MerkleHash(digest: Array(h.finalize()))
    }
}
