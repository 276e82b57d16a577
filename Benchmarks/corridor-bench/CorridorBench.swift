import CorridorModel
import CorridorStore
import Foundation
import GRDB

/// `corridor-bench DATA_DIR [WORK_DIR]`: release-build measurements for Docs/BENCHMARKS.md.
///
/// 1. Imports every reference dataset into a fresh on-disk database (WAL), timing each.
/// 2. Times lookups (entry only, and the full lookup with ancestors and children) over a fixed,
///    deterministic sample of real codes, and full-text searches over fixed product phrases.
/// 3. Writes the sample codes and phrases to WORK_DIR so the peer script runs the same queries
///    against the same database file.
@main
struct CorridorBench {
    static let phrases = [
        "smartphones", "bluetooth headphones", "lithium ion batteries", "cotton t-shirts", "solar panels",
        "electric bicycles", "green tea", "frozen shrimp", "ceramic tableware", "plastic toys", "leather handbags",
        "stainless steel cutlery", "led lamps", "wooden furniture", "silk", "rubber tyres", "laptop computers",
        "drones", "vacuum cleaners", "rice",
    ]

    static func main() async throws {
        let args = CommandLine.arguments
        guard args.count >= 2 else {
            FileHandle.standardError.write(Data("usage: corridor-bench DATA_DIR [WORK_DIR]\n".utf8))
            exit(64)
        }
        let work = URL(fileURLWithPath: args.count >= 3 ? args[2] : NSTemporaryDirectory() + "corridor-bench", isDirectory: true)
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let dbPath = work.appendingPathComponent("bench.sqlite").path
        let database = try CorridorDatabase(path: dbPath)

        let location = try DataLocation(parsing: args[1])
        let started = ContinuousClock.now
        let reports = await ReferenceImporter(database: database).importAll(from: location, importedAt: Date())
        let importSeconds = seconds(ContinuousClock.now - started)
        print("## Import (all reference data, fresh database)\n")
        print("| dataset | rows | seconds |\n|---|---:|---:|")
        for r in reports { print("| \(r.dataset) | \(r.rows) | \(String(format: "%.3f", r.seconds)) |") }
        print("| **total** | \(reports.reduce(0) { $0 + $1.rows }) | **\(String(format: "%.2f", importSeconds))** |\n")
        guard reports.allSatisfy({ $0.status == .imported }) else {
            FileHandle.standardError.write(Data("not every dataset imported: \(reports.filter { $0.status != .imported })\n".utf8))
            exit(1)
        }

        let store = ReferenceStore(database: database)
        let codes = try await sampleCodes(database)
        try codes.map { "\($0.release),\($0.code)" }.joined(separator: "\n").write(to: work.appendingPathComponent("codes.txt"), atomically: true, encoding: .utf8)
        try phrases.joined(separator: "\n").write(to: work.appendingPathComponent("phrases.txt"), atomically: true, encoding: .utf8)

        // Warm up caches once, as a running server would be.
        for c in codes.prefix(50) { _ = try await store.entry(try HSCode(c.code), release: c.release) }

        var entryTimes: [Duration] = [], lookupTimes: [Duration] = [], searchTimes: [Duration] = []
        // The floor under every query: one empty read through GRDB's pool (thread hop, read transaction).
        var hopTimes: [Duration] = []
        for _ in 0..<2_000 {
            let t = ContinuousClock.now
            _ = try await database.writer.read { _ in 1 }
            hopTimes.append(ContinuousClock.now - t)
        }
        let asOf = try CivilDate(parsing: "2026-06-01")
        for c in codes {
            let code = try HSCode(c.code)
            var t = ContinuousClock.now
            _ = try await store.entry(code, release: c.release)
            entryTimes.append(ContinuousClock.now - t)
            t = ContinuousClock.now
            _ = try await store.lookup(code, version: c.release, asOf: asOf, asOfGiven: false)
            lookupTimes.append(ContinuousClock.now - t)
        }
        for _ in 0..<25 {
            for p in phrases {
                let t = ContinuousClock.now
                _ = try await store.search(p, release: nil, limit: 20)
                searchTimes.append(ContinuousClock.now - t)
            }
        }
        #if DEBUG
        let build = "DEBUG build: not for the record"
        #else
        let build = "release build"
        #endif
        print("## Queries (corridor, \(build), \(codes.count) codes, \(searchTimes.count) searches)\n")
        print("| query | n | p50 ms | p99 ms |\n|---|---:|---:|---:|")
        for (name, times) in [("empty read (GRDB pool hop, the floor)", hopTimes), ("entry (one code in one release)", entryTimes), ("lookup (entry + ancestors + children)", lookupTimes),
                              ("search (FTS5 bm25, limit 20, all releases)", searchTimes)] {
            print("| \(name) | \(times.count) | \(ms(percentile(times, 0.50))) | \(ms(percentile(times, 0.99))) |")
        }
        print("\nwork directory: \(work.path)")
    }

    /// Every 37th stored line across all releases: a fixed, deterministic sample of real codes at every level.
    static func sampleCodes(_ database: CorridorDatabase) async throws -> [(release: String, code: String)] {
        try await database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT release_id, code FROM nomenclature WHERE rowid % 37 = 0 ORDER BY rowid")
                .map { (release: $0["release_id"] as String, code: $0["code"] as String) }
        }
    }

    static func percentile(_ values: [Duration], _ p: Double) -> Duration {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .zero }
        let rank = Int((p * Double(sorted.count - 1)).rounded())
        return sorted[rank]
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    static func ms(_ d: Duration) -> String { String(format: "%.3f", seconds(d) * 1000) }
}
