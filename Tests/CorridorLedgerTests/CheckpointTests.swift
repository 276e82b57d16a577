import CorridorLedger
import Foundation
import Testing

@Suite("Signed notes and checkpoints")
struct CheckpointTests {
    @Test("the signed-note example key from Go's note package parses and verifies its published signature")
    func goNoteExample() throws {
        let signer = try NoteKey(parsing: "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz")
        #expect(signer.verifierKey == "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        let text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
        let raw = try #require(Data(base64Encoded: "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="))
        #expect(Array(raw.prefix(4)) == signer.keyID)
        let verifier = try NoteKey(parsing: signer.verifierKey)
        #expect(verifier.verify(Array(raw.dropFirst(4)), of: Array(text.utf8)))
        #expect(!verifier.canSign)
    }

    @Test("keys round-trip through their text forms; a wrong key ID is refused")
    func keys() throws {
        let key = try NoteKey.generate(name: "corridor.example/evidence")
        let signer = try NoteKey(parsing: try #require(key.signerKey))
        #expect(signer.verifierKey == key.verifierKey)
        let parts = key.verifierKey.split(separator: "+", maxSplits: 2)
        #expect(throws: LedgerError.self) { try NoteKey(parsing: "\(parts[0])+00000000+\(parts[2])") }
        #expect(throws: LedgerError.self) { try NoteKey.generate(name: "has space") }
    }

    @Test("a checkpoint note has the C2SP layout, parses back, and verifies with log and witness keys")
    func checkpoint() throws {
        let log = try NoteKey.generate(name: "corridor.example/evidence")
        let witness = try NoteKey.generate(name: "witness.example")
        let root = RFC6962.leafHash(Array("x".utf8))
        let signed = try Checkpoint(origin: log.name, size: 42, root: root).signed(by: log)
        #expect(signed.note.hasPrefix("corridor.example/evidence\n42\n\(root.base64)\n\n\u{2014} corridor.example/evidence "))
        let cosigned = try signed.signed(by: witness)
        let parsed = try Checkpoint(note: cosigned.note)
        #expect(parsed == cosigned)
        try parsed.verify(logKey: try NoteKey(parsing: log.verifierKey), witnesses: [try NoteKey(parsing: witness.verifierKey)])
        #expect(throws: LedgerError.badSignature("witness.example")) {
            try signed.verify(logKey: log, witnesses: [witness])
        }
        let forged = cosigned.note.replacingOccurrences(of: "\n42\n", with: "\n43\n")
        #expect(throws: LedgerError.badSignature("corridor.example/evidence")) { try Checkpoint(note: forged).verify(logKey: log) }
        #expect(throws: LedgerError.self) { try Checkpoint(note: "corridor.example/evidence\n42\n\(root.base64)\n") }
    }

    @Test("a client moves forward only with a consistency proof; rollback and split view are refused")
    func trusted() throws {
        let log = try NoteKey.generate(name: "corridor.example/evidence")
        var range = CompactRange()
        var nodes: [String: MerkleHash] = [:]
        var roots: [MerkleHash] = [range.root]
        for i in 0..<30 {
            for n in range.append(RFC6962.leafHash(Array("e\(i)".utf8))) { nodes["\(n.level)/\(n.index)"] = n.hash }
            roots.append(range.root)
        }
        let builder = MerkleProofBuilder { level, index in
            guard let h = nodes["\(level)/\(index)"] else { throw LedgerError.missingNode(level: level, index: index) }
            return h
        }
        func checkpoint(_ size: Int, root: MerkleHash? = nil) throws -> Checkpoint {
            try Checkpoint(origin: log.name, size: UInt64(size), root: root ?? roots[size]).signed(by: log)
        }
        var client = try TrustedCheckpoint(try checkpoint(10), logKey: log)
        try client.advance(to: try checkpoint(25), proof: try builder.consistency(oldSize: 10, newSize: 25), logKey: log)
        #expect(client.checkpoint.size == 25)
        #expect(throws: LedgerError.self) { try client.advance(to: try checkpoint(20), proof: [], logKey: log) }
        #expect(throws: LedgerError.self) { try client.advance(to: try checkpoint(25, root: roots[3]), proof: [], logKey: log) }
        #expect(throws: LedgerError.self) {
            try client.advance(to: try checkpoint(30), proof: try builder.consistency(oldSize: 12, newSize: 30), logKey: log)
        }
        let other = try NoteKey.generate(name: log.name)
        #expect(throws: LedgerError.self) {
            try client.advance(to: try Checkpoint(origin: log.name, size: 30, root: roots[30]).signed(by: other),
                               proof: try builder.consistency(oldSize: 25, newSize: 30), logKey: log)
        }
        #expect(client.checkpoint.size == 25)
    }
}

@Suite("Evidence bundles")
struct EvidenceBundleTests {
    @Test("a bundle verifies offline, and changing any single byte of it makes verification fail")
    func everyByte() throws {
        let key = try NoteKey.generate(name: "corridor.example/evidence")
        var range = CompactRange()
        var nodes: [String: MerkleHash] = [:]
        let statement = try EvidenceStatement(sha256: String(repeating: "ab", count: 32), metadata: ["type": "invoice", "number": "INV-7"])
        let datas = (0..<9).map { $0 == 6 ? statement.leafData : Data("entry \($0)".utf8) }
        for d in datas { for n in range.append(RFC6962.leafHash(d)) { nodes["\(n.level)/\(n.index)"] = n.hash } }
        let builder = MerkleProofBuilder { level, index in
            guard let h = nodes["\(level)/\(index)"] else { throw LedgerError.missingNode(level: level, index: index) }
            return h
        }
        let proof = InclusionProof(index: 6, treeSize: 9, leafHash: RFC6962.leafHash(datas[6]),
                                   proof: try builder.inclusion(index: 6, size: 9), root: range.root)
        let checkpoint = try Checkpoint(origin: key.name, size: 9, root: range.root).signed(by: key)
        let bundle = EvidenceBundle(index: 6, data: datas[6], proof: proof, checkpoint: checkpoint)
        #expect(bundle.statement == statement)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let bytes = Array(try encoder.encode(bundle))
        try JSONDecoder().decode(EvidenceBundle.self, from: Data(bytes)).verify(logKey: try NoteKey(parsing: key.verifierKey))
        var survivors: [Int] = []
        for i in bytes.indices {
            var changed = bytes
            changed[i] ^= 0x01
            if (try? JSONDecoder().decode(EvidenceBundle.self, from: Data(changed)).verify(logKey: key)) != nil { survivors.append(i) }
        }
        let stranger = try NoteKey.generate(name: "stranger.example")
        let extra = EvidenceBundle(index: 6, data: datas[6], proof: proof, checkpoint: try checkpoint.signed(by: stranger))
        #expect(throws: LedgerError.self, "a signature line nobody can check is a change") { try extra.verify(logKey: key) }
        try extra.verify(logKey: key, witnesses: [stranger])
        #expect(survivors.isEmpty, "bytes that can change unnoticed: \(survivors.map { String(decoding: bytes[max(0, $0 - 10)..<min(bytes.count, $0 + 10)], as: UTF8.self) })")
    }
}
