public import CorridorModel
import GRDB

/// `TransferCounterStore` on the Corridor SQLite database: one row per exporter and year.
public struct SQLiteTransferCounterStore: TransferCounterStore {
    private let database: CorridorDatabase

    /// Keeps the counters in `database`.
    public init(database: CorridorDatabase) {
        self.database = database
    }

    public func update<T: Sendable>(
        exporter: EnterpriseID, year: Int,
        _ decide: @escaping @Sendable (_ individuals: Int, _ sensitiveIndividuals: Int) throws -> (result: T, addIndividuals: Int, addSensitive: Int)
    ) async throws -> T {
        try await database.writer.write { db in
            let row = try Row.fetchOne(db, sql: "SELECT individuals, sensitive_individuals FROM transfer_counter WHERE exporter = ? AND year = ?",
                                       arguments: [exporter.rawValue, year])
            let (result, add, addSensitive) = try decide(row?["individuals"] ?? 0, row?["sensitive_individuals"] ?? 0)
            try db.execute(sql: """
                INSERT INTO transfer_counter (exporter, year, individuals, sensitive_individuals) VALUES (?, ?, ?, ?)
                ON CONFLICT (exporter, year) DO UPDATE SET individuals = individuals + excluded.individuals,
                    sensitive_individuals = sensitive_individuals + excluded.sensitive_individuals
                """, arguments: [exporter.rawValue, year, add, addSensitive])
            return result
        }
    }
}
