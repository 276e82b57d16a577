import CorridorLedger
import CorridorModel
import CorridorStore
import Foundation
import GRDB
import Testing

@Suite("Evidence log on SQLite")
struct LedgerStoreTests {
    static let date = Date(timeIntervalSince1970: 1_780_000_000)

    func items(_ range: Range<Int>, owner: String? = nil) throws -> [(data: Data, owner: EnterpriseID?)] {
        try range.map { (Data("entry \($0)".utf8), try owner.map { try EnterpriseID($0) }) }
    }

    @Test("batches get contiguous indices; roots and proofs match an in-memory tree")
    func appendAndProve() async throws {
        let log = EvidenceLog(store: SQLiteLedgerStore(database: try CorridorDatabase.inMemory()))
        var expected = CompactRange()
        var roots = [RFC6962.emptyRoot]
        var next = 0
        for batch in [1, 7, 64, 3, 100] {
            let indices = try await log.append(try items(next..<next + batch), at: Self.date)
            #expect(indices == (next..<next + batch).map(UInt64.init))
            for i in next..<next + batch {
                expected.append(RFC6962.leafHash(Array("entry \(i)".utf8)))
                roots.append(expected.root)
            }
            next += batch
        }
        #expect(try await log.size() == 175)
        #expect(try await log.root().root == expected.root)
        for (index, size) in [(0, 1), (0, 175), (174, 175), (63, 100), (100, 101), (7, 8)] as [(UInt64, UInt64)] {
            let proof = try await log.inclusion(index: index, size: size)
            #expect(proof.root == roots[Int(size)])
            try proof.verify()
        }
        for (old, new) in [(1, 175), (8, 72), (72, 175), (100, 100), (5, 6)] as [(UInt64, UInt64)] {
            let proof = try await log.consistency(oldSize: old, newSize: new)
            #expect(proof.oldRoot == roots[Int(old)] && proof.newRoot == roots[Int(new)])
            try proof.verify()
        }
        #expect(try await log.fsck().isClean)
        await #expect(throws: LedgerError.self) { try await log.inclusion(index: 175) }
    }

    @Test("a batch written against a stale size is refused and writes nothing")
    func staleSize() async throws {
        let database = try CorridorDatabase.inMemory()
        let store = SQLiteLedgerStore(database: database)
        _ = try await EvidenceLog(store: store).append(try items(0..<3), at: Self.date)
        let record = LedgerRecord(index: 1, data: Data("x".utf8), leafHash: Data(RFC6962.leafHash(Array("x".utf8)).bytes), owner: nil, appendedAt: Self.date)
        await #expect(throws: LedgerStoreError.sizeChanged(expected: 1, actual: 3)) {
            try await store.integrate(expectedSize: 1, entries: [record], nodes: [])
        }
        #expect(try await EvidenceLog(store: store).size() == 3)
    }

    @Test("two writers on one database interleave without reusing an index")
    func twoWriters() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let a = EvidenceLog(store: SQLiteLedgerStore(database: try CorridorDatabase(path: path)))
        let b = EvidenceLog(store: SQLiteLedgerStore(database: try CorridorDatabase(path: path)))
        var indices: [UInt64] = []
        for round in 0..<20 {
            indices += try await a.append(try items(round * 10..<round * 10 + 5, owner: "alpha"), at: Self.date)
            indices += try await b.append(try items(round * 10 + 5..<round * 10 + 10, owner: "beta"), at: Self.date)
        }
        #expect(indices == (0..<200).map(UInt64.init))
        let report = try await a.fsck()
        #expect(report.isClean, "\(report.problems)")
        #expect(try await b.entry(7)?.owner?.rawValue == "beta")
    }

    @Test("a consistent rewrite of entries and nodes is caught against the signed checkpoint")
    func rewrite() async throws {
        let database = try CorridorDatabase.inMemory()
        let log = EvidenceLog(store: SQLiteLedgerStore(database: database))
        _ = try await log.append(try items(0..<8), at: Self.date)
        let key = try NoteKey.generate(name: "corridor.test/evidence")
        let head = try await log.root()
        let signed = try Checkpoint(origin: key.name, size: head.size, root: head.root).signed(by: key)
        _ = try await log.append(try items(8..<12), at: Self.date)
        #expect(try await log.fsck(against: signed).isClean)
        // Rewrite entry 3 and recompute every node, as a careful forger would.
        let forged = Data("forged".utf8)
        var range = CompactRange()
        var nodes: [MerkleNode] = []
        for i in 0..<12 {
            let data = i == 3 ? forged : Data("entry \(i)".utf8)
            nodes += range.append(RFC6962.leafHash(data))
        }
        let rewritten = nodes
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE ledger_entry SET data = ?, leaf_hash = ? WHERE idx = 3",
                           arguments: [forged, Data(RFC6962.leafHash(forged).bytes)])
            for n in rewritten {
                try db.execute(sql: "UPDATE ledger_node SET hash = ? WHERE level = ? AND idx = ?", arguments: [Data(n.hash.bytes), n.level, Int64(n.index)])
            }
        }
        #expect(try await log.fsck().isClean, "without a checkpoint the forgery is self-consistent")
        let report = try await log.fsck(against: signed)
        #expect(report.problems == ["the first 8 entries no longer give the signed root \(signed.root)"])
    }

    @Test("a tampered entry or node is caught by fsck and by proof verification")
    func tampering() async throws {
        let database = try CorridorDatabase.inMemory()
        let log = EvidenceLog(store: SQLiteLedgerStore(database: database))
        _ = try await log.append(try items(0..<20), at: Self.date)
        let trusted = try await log.root()
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE ledger_entry SET data = ? WHERE idx = 5", arguments: [Data("forged".utf8)])
        }
        let report = try await log.fsck()
        #expect(report.problems.contains("entry 5: data does not match its leaf hash"))
        // The forged data, hashed by a verifier, no longer proves inclusion under the trusted root.
        let proof = try await log.inclusion(index: 5)
        let forgedLeaf = RFC6962.leafHash(Array("forged".utf8))
        #expect(throws: LedgerError.self) {
            try MerkleVerifier.verifyInclusion(index: 5, size: 20, leafHash: forgedLeaf, proof: proof.proof, root: trusted.root)
        }
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE ledger_entry SET data = ? WHERE idx = 5", arguments: [Data("entry 5".utf8)])
            try db.execute(sql: "UPDATE ledger_node SET hash = ? WHERE level = 2 AND idx = 1", arguments: [Data(repeating: 7, count: 32)])
        }
        let nodeReport = try await log.fsck()
        #expect(nodeReport.problems == ["node (level 2, index 1) does not match the entries below it"])
        // A proof that passes through the forged node does not verify against the trusted root.
        let tamperedProof = try await log.inclusion(index: 0)
        #expect(tamperedProof.proof.contains(try MerkleHash([UInt8](repeating: 7, count: 32))))
        #expect(throws: LedgerError.self) {
            try MerkleVerifier.verifyInclusion(index: 0, size: 20, leafHash: tamperedProof.leafHash, proof: tamperedProof.proof, root: trusted.root)
        }
    }
}
