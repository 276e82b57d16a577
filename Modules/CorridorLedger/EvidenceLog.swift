public import CorridorModel
public import Foundation

/// An append-only RFC 6962 log over durable storage.
///
/// The log does the hashing; the `LedgerStore` keeps entries and complete-subtree nodes. Appends
/// are serialised by the actor and batched into one transaction; if another process appended
/// first, the log reloads its edge and tries again, so indices stay contiguous and unique.
public actor EvidenceLog {
    private let store: any LedgerStore
    private var edge: CompactRange?
    // Appends run one at a time: the actor is re-entrant across `await`, and two appends built on
    // the same edge would otherwise race for the same indices.
    private var appending = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// A log over `store`.
    public init(store: any LedgerStore) {
        self.store = store
    }

    /// Integrates `items` in one durable batch and returns their indices, in order.
    public func append(_ items: [(data: Data, owner: EnterpriseID?)], at date: Date) async throws -> [UInt64] {
        guard !items.isEmpty else { return [] }
        if appending {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            appending = true
        }
        defer {
            if waiting.isEmpty { appending = false } else { waiting.removeFirst().resume() }
        }
        for _ in 0..<8 {
            var range = try await currentEdge()
            let start = range.size
            var records: [LedgerRecord] = []
            var nodes: [LedgerNodeRecord] = []
            records.reserveCapacity(items.count)
            for (offset, item) in items.enumerated() {
                let leaf = RFC6962.leafHash(item.data)
                for node in range.append(leaf) {
                    nodes.append(LedgerNodeRecord(level: node.level, index: node.index, hash: Data(node.hash.bytes)))
                }
                records.append(LedgerRecord(index: start + UInt64(offset), data: item.data, leafHash: Data(leaf.bytes),
                                            owner: item.owner, appendedAt: date))
            }
            let outcome: Result<Void, LedgerStoreError>
            do {
                try await store.integrate(expectedSize: start, entries: records, nodes: nodes)
                outcome = .success(())
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success:
                edge = range
                return records.map(\.index)
            case .failure(let error):
                guard case .sizeChanged = error else { throw error }
                edge = nil  // another writer got there first: reload and retry
            }
        }
        throw LedgerStoreError.storage("the log kept growing under other writers; retry later")
    }

    /// The number of entries.
    public func size() async throws -> UInt64 {
        try await store.read { try $0.size() }
    }

    /// The root of the tree of the first `size` entries (the whole log when nil), with its size.
    public func root(size: UInt64? = nil) async throws -> (size: UInt64, root: MerkleHash) {
        try await store.read { snapshot in
            let current = try snapshot.size()
            let n = size ?? current
            guard n <= current else { throw LedgerError.beyondLog(size: n, current: current) }
            return (n, try Self.builder(snapshot).root(size: n))
        }
    }

    /// The entry at `index` with its inclusion proof in the tree of `size` entries (the current size when nil).
    public func inclusion(index: UInt64, size: UInt64? = nil) async throws -> InclusionProof {
        try await store.read { snapshot in
            let current = try snapshot.size()
            let n = size ?? current
            guard n <= current else { throw LedgerError.beyondLog(size: n, current: current) }
            guard index < n, let entry = try snapshot.entry(index) else { throw LedgerError.indexOutOfRange(index: index, size: n) }
            let builder = Self.builder(snapshot)
            return InclusionProof(index: index, treeSize: n, leafHash: try MerkleHash(Array(entry.leafHash)),
                                  proof: try builder.inclusion(index: index, size: n), root: try builder.root(size: n))
        }
    }

    /// The consistency proof between the trees of `oldSize` and `newSize` entries.
    public func consistency(oldSize: UInt64, newSize: UInt64) async throws -> ConsistencyProof {
        try await store.read { snapshot in
            let current = try snapshot.size()
            guard newSize <= current else { throw LedgerError.beyondLog(size: newSize, current: current) }
            guard oldSize <= newSize else { throw LedgerError.sizesOutOfOrder(old: oldSize, new: newSize) }
            guard oldSize > 0 else { throw LedgerError.consistencyFromEmptyTree }
            let builder = Self.builder(snapshot)
            return ConsistencyProof(oldSize: oldSize, newSize: newSize, oldRoot: try builder.root(size: oldSize),
                                    newRoot: try builder.root(size: newSize),
                                    proof: try builder.consistency(oldSize: oldSize, newSize: newSize))
        }
    }

    /// The entry at `index`, or nil past the end.
    public func entry(_ index: UInt64) async throws -> LedgerRecord? {
        try await store.read { try $0.entry(index) }
    }

    /// Recomputes every leaf hash, node and the root from the entries and compares them with what
    /// is stored: a tampered entry or node, a missing or extra node, or a wrong size is reported.
    /// Given the last signed checkpoint, it also checks that the entries still produce its root,
    /// which catches a rewrite of entries and nodes together.
    public func fsck(against checkpoint: Checkpoint? = nil) async throws -> FsckReport {
        try await store.read { snapshot in
            let size = try snapshot.size()
            var problems: [String] = []
            var range = CompactRange()
            var expected: [String: Data] = [:]
            var next: UInt64 = 0
            while true {
                let page = try snapshot.entries(from: next, limit: 10_000)
                if page.isEmpty { break }
                for entry in page {
                    if let checkpoint, range.size == checkpoint.size, range.root != checkpoint.root {
                        problems.append("the first \(checkpoint.size) entries no longer give the signed root \(checkpoint.root)")
                    }
                    if entry.index != range.size { problems.append("entry \(range.size) is missing (next stored is \(entry.index))") }
                    let leaf = RFC6962.leafHash(entry.data)
                    if Data(leaf.bytes) != entry.leafHash { problems.append("entry \(entry.index): data does not match its leaf hash") }
                    for node in range.append(leaf) { expected["\(node.level)/\(node.index)"] = Data(node.hash.bytes) }
                    next = entry.index + 1
                }
            }
            if range.size != size { problems.append("the log says \(size) entries, \(range.size) are stored") }
            if let checkpoint {
                if range.size < checkpoint.size {
                    problems.append("the log holds \(range.size) entries, fewer than the \(checkpoint.size) of its signed checkpoint")
                } else if range.size == checkpoint.size, range.root != checkpoint.root {
                    problems.append("the entries no longer give the signed root \(checkpoint.root)")
                }
            }
            var seen = 0
            for node in try snapshot.allNodes() {
                let key = "\(node.level)/\(node.index)"
                if let want = expected[key] {
                    seen += 1
                    if want != node.hash { problems.append("node (level \(node.level), index \(node.index)) does not match the entries below it") }
                } else {
                    problems.append("node (level \(node.level), index \(node.index)) covers no stored entries")
                }
            }
            if seen < expected.count { problems.append("\(expected.count - seen) nodes are missing") }
            return FsckReport(size: range.size, root: range.root, problems: problems)
        }
    }

    private func currentEdge() async throws -> CompactRange {
        if let edge { return edge }
        let loaded = try await store.read { snapshot in
            let size = try snapshot.size()
            let hashes = try CompactRange.decomposition(of: size).map { try MerkleHash(Array(snapshot.node(level: $0.level, index: $0.index).hash)) }
            return try CompactRange(size: size, hashes: hashes)
        }
        edge = loaded
        return loaded
    }

    private static func builder(_ snapshot: any LedgerSnapshot) -> MerkleProofBuilder {
        MerkleProofBuilder { level, index in try MerkleHash(Array(snapshot.node(level: level, index: index).hash)) }
    }
}
