public import Foundation

/// Everything needed to check, offline and with nothing but the log's public key, that one entry
/// is in the log: the entry's data, its leaf hash, its inclusion proof and a signed checkpoint
/// whose root the proof reaches.
public struct EvidenceBundle: Hashable, Sendable, Codable {
    /// The bundle format, `corridor-evidence-bundle/v1`.
    public let format: String
    /// The entry's index.
    public let index: UInt64
    /// The entry's data (base64 in JSON).
    public let data: Data
    /// The statement the data encodes, when it is an evidence statement.
    public let statement: EvidenceStatement?
    /// The leaf hash of `data`.
    public let leafHash: MerkleHash
    /// The tree size of the checkpoint and the proof.
    public let treeSize: UInt64
    /// The inclusion proof.
    public let proof: [MerkleHash]
    /// The signed checkpoint note.
    public let checkpoint: String

    /// The current format name.
    public static let currentFormat = "corridor-evidence-bundle/v1"

    /// Assembles a bundle.
    public init(index: UInt64, data: Data, proof: InclusionProof, checkpoint: Checkpoint) {
        format = Self.currentFormat
        self.index = index
        self.data = data
        statement = EvidenceStatement.decodeCanonical(data)
        leafHash = proof.leafHash
        treeSize = proof.treeSize
        self.proof = proof.proof
        self.checkpoint = checkpoint.note
    }

    private enum CodingKeys: String, CodingKey {
        case format, index, data, statement, leafHash = "leaf_hash", treeSize = "tree_size", proof, checkpoint
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        index = try c.decode(UInt64.self, forKey: .index)
        let text = try c.decode(String.self, forKey: .data)
        guard let bytes = Base64.decode(text) else {
            throw DecodingError.dataCorruptedError(forKey: .data, in: c, debugDescription: "data is not canonical base64")
        }
        data = Data(bytes)
        statement = try c.decodeIfPresent(EvidenceStatement.self, forKey: .statement)
        leafHash = try c.decode(MerkleHash.self, forKey: .leafHash)
        treeSize = try c.decode(UInt64.self, forKey: .treeSize)
        proof = try c.decode([MerkleHash].self, forKey: .proof)
        checkpoint = try c.decode(String.self, forKey: .checkpoint)
    }

    /// The bundle as `export-bundle` writes it: pretty JSON with sorted keys. `verify-bundle` requires a
    /// file to be exactly this, so that any byte change to the file — even to whitespace — is caught.
    public var canonicalJSON: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// Verifies every link, and says which one broke: the format, the statement against the data,
    /// the data against the leaf hash, the checkpoint's signature, its size, and the proof against its root.
    public func verify(logKey: NoteKey, witnesses: [NoteKey] = []) throws(LedgerError) {
        guard format == Self.currentFormat else { throw .badBundle("unknown bundle format '\(format)'") }
        // The statement is the data, decoded: present exactly when the data is one, and equal to it.
        guard EvidenceStatement.decodeCanonical(data) == statement else {
            throw .badBundle("the statement does not match the entry data")
        }
        guard RFC6962.leafHash(data) == leafHash else { throw .badBundle("the entry data does not hash to the leaf hash") }
        let note = try Checkpoint(note: checkpoint)
        try note.verify(logKey: logKey, witnesses: witnesses)
        try note.verifyEverySignature(keys: [logKey] + witnesses)
        guard note.size == treeSize else { throw .badBundle("the proof is for size \(treeSize), the checkpoint for \(note.size)") }
        try MerkleVerifier.verifyInclusion(index: index, size: treeSize, leafHash: leafHash, proof: proof, root: note.root)
    }
}
