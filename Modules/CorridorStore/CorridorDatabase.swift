public import GRDB
import Foundation

/// The Corridor SQLite database: a WAL-mode `DatabasePool` on disk (or a queue in memory for
/// tests), migrated to the current schema on open.
public struct CorridorDatabase: Sendable {
    /// The underlying GRDB writer.
    public let writer: any DatabaseWriter

    /// Opens (creating if needed) the database at `path` and applies pending migrations.
    public init(path: String) throws(StoreError) {
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            var config = Configuration()
            config.busyMode = .timeout(10)
            // A commit is on disk before it returns, also across an OS crash or power cut: the
            // evidence log promises that an index it has handed out is never lost or reused.
            // 32 MiB of page cache per connection (SQLite's default is 2 MiB): the alert indexes
            // take inserts all over them, and a cache that holds their upper levels keeps that off the disk.
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA cache_size = -32768") }
            let pool = try DatabasePool(path: path, configuration: config)
            try CorridorMigrations.migrator.migrate(pool)
            writer = pool
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// An empty, migrated in-memory database (for tests and previews).
    public static func inMemory() throws(StoreError) -> CorridorDatabase {
        do {
            let queue = try DatabaseQueue()
            try CorridorMigrations.migrator.migrate(queue)
            return CorridorDatabase(writer: queue)
        } catch {
            throw .cannotOpen(path: ":memory:", reason: "\(error)")
        }
    }

    private init(writer: any DatabaseWriter) { self.writer = writer }
}
