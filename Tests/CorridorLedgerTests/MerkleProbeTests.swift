import CorridorLedger
import CorridorTestSupport
import Foundation
import Testing

/// Conformance with the transparency-dev/merkle probes and the RFC 6962 reference roots in
/// ../shared/data/ledger/merkle: every probe must give exactly `!wantErr`.
@Suite("RFC 6962 conformance on the transparency-dev probes", .needsReferenceData)
struct MerkleProbeTests {
    struct InclusionProbe: Decodable {
        let leafIdx: UInt64
        let treeSize: UInt64
        let root: String
        let leafHash: String
        let proof: [String]?
        let desc: String
        let wantErr: Bool
    }

    struct ConsistencyProbe: Decodable {
        let size1: UInt64
        let size2: UInt64
        let root1: String
        let root2: String
        let proof: [String]?
        let desc: String
        let wantErr: Bool
    }

    static func probes(_ kind: String) throws -> [(path: String, data: Data)] {
        let directory = try TestData.requireData().appendingPathComponent("ledger/merkle/testdata/\(kind)")
        guard let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return try files.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
            .sorted { $0.path < $1.path }
            .map { (String($0.path.dropFirst(directory.path.count + 1)), try Data(contentsOf: $0)) }
    }

    static func bytes(_ base64: String) -> [UInt8]? { Data(base64Encoded: base64).map { Array($0) } }

    /// Verifies through the raw-bytes entry points, as the reference verifier receives probes;
    /// text that is not base64 counts as an error.
    static func verify(_ p: InclusionProbe) -> Bool {
        guard let leaf = bytes(p.leafHash), let root = bytes(p.root) else { return false }
        let proof = (p.proof ?? []).compactMap(bytes)
        guard proof.count == (p.proof ?? []).count else { return false }
        return (try? MerkleVerifier.verifyInclusion(index: p.leafIdx, size: p.treeSize, leafHash: leaf, proof: proof, root: root)) != nil
    }

    static func verify(_ p: ConsistencyProbe) -> Bool {
        guard let root1 = bytes(p.root1), let root2 = bytes(p.root2) else { return false }
        let proof = (p.proof ?? []).compactMap(bytes)
        guard proof.count == (p.proof ?? []).count else { return false }
        return (try? MerkleVerifier.verifyConsistency(oldSize: p.size1, newSize: p.size2, oldRoot: root1, newRoot: root2, proof: proof)) != nil
    }

    @Test("all 98 inclusion probes give exactly !wantErr")
    func inclusion() throws {
        let probes = try Self.probes("inclusion")
        #expect(probes.count == 98)
        for (path, data) in probes {
            let probe = try JSONDecoder().decode(InclusionProbe.self, from: data)
            #expect(Self.verify(probe) == !probe.wantErr, "\(path): \(probe.desc)")
        }
    }

    @Test("all 98 consistency probes give exactly !wantErr")
    func consistency() throws {
        let probes = try Self.probes("consistency")
        #expect(probes.count == 98)
        for (path, data) in probes {
            let probe = try JSONDecoder().decode(ConsistencyProbe.self, from: data)
            #expect(Self.verify(probe) == !probe.wantErr, "\(path): \(probe.desc)")
        }
    }

    @Test("the reference roots for 0…8 leaves and the hash vectors match")
    func referenceRoots() throws {
        struct Reference: Decodable {
            let leaf_inputs_hex: [String]
            let roots_hex: [String]
            let hash_vectors: [String: String]
        }
        let url = try TestData.requireData().appendingPathComponent("ledger/merkle/reference_roots.json")
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        var range = CompactRange()
        #expect(range.root == (try MerkleHash(hex: reference.roots_hex[0])))
        for (i, leafHex) in reference.leaf_inputs_hex.enumerated() {
            range.append(RFC6962.leafHash(hexBytes(leafHex)))
            #expect(range.root == (try MerkleHash(hex: reference.roots_hex[i + 1])), "root of \(i + 1) leaves")
        }
        #expect(RFC6962.leafHash([UInt8]()).hex == reference.hash_vectors["empty_leaf_hash"])
        #expect(RFC6962.leafHash(Array("L123456".utf8)).hex == reference.hash_vectors["leaf_hash_of_ascii_L123456"])
        #expect(RFC6962.nodeHash(bytes: Array("N123".utf8), Array("N456".utf8)).hex == reference.hash_vectors["children_hash_of_ascii_N123_N456"])
    }

    func hexBytes(_ hex: String) -> [UInt8] {
        stride(from: 0, to: hex.count, by: 2).compactMap {
            let start = hex.index(hex.startIndex, offsetBy: $0)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)
        }
    }
}
