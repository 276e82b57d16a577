public import CorridorModel
public import Foundation
import GRDB

/// ``DecisionLog`` on the Corridor SQLite database (migration `v1-decisions`).
///
/// A record and the pack texts it needs are written in one transaction; pack texts are stored once
/// per SHA-256.
public struct SQLiteDecisionLog: DecisionLog {
    private let database: CorridorDatabase

    /// Keeps the log in `database`.
    public init(database: CorridorDatabase) {
        self.database = database
    }

    @discardableResult
    public func append(_ record: DecisionRecord, packTexts: [String: String]) async throws -> Bool {
        let packs = String(decoding: try JSONEncoder().encode(record.packs), as: UTF8.self)
        for reference in record.packs where packTexts[reference.sha256] == nil {
            throw StoreError.invalidArguments("the text of pack \(reference.id) \(reference.version) (\(reference.sha256)) is needed to record the decision")
        }
        return try await database.writer.write { db in
            for (sha, text) in packTexts {
                try db.execute(sql: "INSERT OR IGNORE INTO decision_pack (sha256, text) VALUES (?, ?)", arguments: [sha, text])
            }
            try db.execute(sql: """
                INSERT OR IGNORE INTO decision (id, kind, owner, recorded_at, request, context, output, packs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [record.id, record.kind, record.owner, record.recordedAt.timeIntervalSince1970, record.request, record.context, record.output, packs])
            return db.changesCount > 0
        }
    }

    public func record(id: String) async throws -> DecisionRecord? {
        let row = try await database.writer.read { db in try Row.fetchOne(db, sql: "SELECT * FROM decision WHERE id = ?", arguments: [id]) }
        guard let row else { return nil }
        let packsText: String = row["packs"]
        return DecisionRecord(id: row["id"], kind: row["kind"], owner: row["owner"], recordedAt: Date(timeIntervalSince1970: row["recorded_at"]),
                              request: row["request"], context: row["context"], output: row["output"],
                              packs: try JSONDecoder().decode([DecisionRecord.PackReference].self, from: Data(packsText.utf8)))
    }

    public func packText(sha256: String) async throws -> String? {
        try await database.writer.read { db in try String.fetchOne(db, sql: "SELECT text FROM decision_pack WHERE sha256 = ?", arguments: [sha256]) }
    }
}
