public import CorridorModel
public import Foundation
import GRDB

/// `LedgerStore` on the Corridor SQLite database (WAL). A batch is one transaction, guarded by the
/// size it expects, so indices are contiguous, durable once returned, and never reused.
public struct SQLiteLedgerStore: LedgerStore {
    private let database: CorridorDatabase

    /// Stores the log in `database`.
    public init(database: CorridorDatabase) {
        self.database = database
    }

    public func integrate(expectedSize: UInt64, entries: [LedgerRecord], nodes: [LedgerNodeRecord]) async throws(LedgerStoreError) {
        do {
            try await database.writer.write { db in
                let size = try Int64.fetchOne(db.cachedStatement(sql: "SELECT size FROM ledger_state WHERE id = 1")) ?? 0
                guard UInt64(size) == expectedSize else {
                    throw LedgerStoreError.sizeChanged(expected: expectedSize, actual: UInt64(size))
                }
                let insertEntry = try db.cachedStatement(sql: """
                    INSERT INTO ledger_entry (idx, data, leaf_hash, owner, appended_at) VALUES (?, ?, ?, ?, ?)
                    """)
                for e in entries {
                    try insertEntry.execute(arguments: [Int64(e.index), e.data, e.leafHash, e.owner?.rawValue, StoredTimestamp.text(e.appendedAt)])
                }
                let insertNode = try db.cachedStatement(sql: "INSERT INTO ledger_node (level, idx, hash) VALUES (?, ?, ?)")
                for n in nodes {
                    try insertNode.execute(arguments: [n.level, Int64(n.index), n.hash])
                }
                try db.execute(sql: "UPDATE ledger_state SET size = ? WHERE id = 1", arguments: [Int64(expectedSize) + Int64(entries.count)])
            }
        } catch let error as LedgerStoreError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any LedgerSnapshot) throws -> T) async throws -> T {
        try await database.writer.read { db in try body(Snapshot(db: db)) }
    }

    /// A view inside one read transaction.
    private struct Snapshot: LedgerSnapshot {
        let db: Database

        func size() throws -> UInt64 {
            UInt64(try Int64.fetchOne(db.cachedStatement(sql: "SELECT size FROM ledger_state WHERE id = 1")) ?? 0)
        }

        func node(level: Int, index: UInt64) throws -> LedgerNodeRecord {
            guard let hash = try Data.fetchOne(db.cachedStatement(sql: "SELECT hash FROM ledger_node WHERE level = ? AND idx = ?"),
                                               arguments: [level, Int64(index)]) else {
                throw LedgerStoreError.missing("node (level \(level), index \(index))")
            }
            return LedgerNodeRecord(level: level, index: index, hash: hash)
        }

        func entry(_ index: UInt64) throws -> LedgerRecord? {
            try entries(from: index, limit: 1).first { $0.index == index }
        }

        func entries(from start: UInt64, limit: Int) throws -> [LedgerRecord] {
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM ledger_entry WHERE idx >= ? ORDER BY idx LIMIT ?"),
                             arguments: [Int64(start), limit]).map { row in
                let owner: String? = row["owner"]
                let appended: String = row["appended_at"]
                return LedgerRecord(
                    index: UInt64(row["idx"] as Int64), data: row["data"], leafHash: row["leaf_hash"],
                    owner: try owner.map { try EnterpriseID($0) },
                    appendedAt: StoredTimestamp.date(appended) ?? .distantPast)
            }
        }

        func allNodes() throws -> [LedgerNodeRecord] {
            try Row.fetchAll(db, sql: "SELECT level, idx, hash FROM ledger_node ORDER BY level, idx").map {
                LedgerNodeRecord(level: $0["level"], index: UInt64($0["idx"] as Int64), hash: $0["hash"])
            }
        }
    }
}
