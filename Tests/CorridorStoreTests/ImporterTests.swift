import CorridorModel
import CorridorStore
import CorridorTestSupport
import Foundation
import GRDB
import Testing

@Suite("Reference import on the real files", .needsReferenceData)
struct ImporterTests {
    @Test("HS 2022 has 5,613 subheadings; HS 2017 and the national tariffs are all imported")
    func counts() async throws {
        let database = try await ReferenceFixture.database()
        let counts = try await database.writer.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
                SELECT release_id, count(*) AS n FROM nomenclature WHERE length(code) = 6 GROUP BY release_id
                """).map { ($0["release_id"] as String, $0["n"] as Int) })
        }
        #expect(counts["hs2022"] == 5_613)
        #expect(counts["hs2017"] == 5_388)
        let releases = try await ReferenceStore(database: database).releases().map(\.id)
        #expect(releases == ["eu-cn-2025", "eu-cn-2026", "hs2017", "hs2022", "us-hts-2025r13", "us-hts-2026r4"])
    }

    @Test("each import records its file, SHA-256 and time")
    func provenance() async throws {
        let database = try await ReferenceFixture.database()
        let sources = try await ReferenceStore(database: database).sources()
        #expect(sources.count == ReferenceImporter.datasets.count)
        let hs2022 = try #require(sources.first { $0.dataset == "hs2022" })
        #expect(hs2022.location.hasSuffix("hs/hs2022.csv"))
        #expect(hs2022.sha256.count == 64 && hs2022.sha256.allSatisfy(\.isHexDigit))
        #expect(hs2022.importedAt.hasPrefix("2026-05-28"))
        #expect(hs2022.rows == 6_939)
    }

    @Test("importing again is idempotent: unchanged files are skipped, forced ones give the same rows")
    func idempotent() async throws {
        let directory = try TestData.requireData()
        let database = try CorridorDatabase.inMemory()
        let importer = ReferenceImporter(database: database)
        let only: Set = ["hs2022", "correlation-hs2022-hs2017"]
        let first = await importer.importAll(from: .directory(directory), only: only, importedAt: Date())
        #expect(first.map(\.status) == [.imported, .imported])
        let second = await importer.importAll(from: .directory(directory), only: only, importedAt: Date())
        #expect(second.map(\.status) == [.unchanged, .unchanged])
        #expect(second.map(\.rows) == first.map(\.rows))
        let forced = await importer.importAll(from: .directory(directory), only: only, force: true, importedAt: Date())
        #expect(forced.map(\.status) == [.imported, .imported])
        let total = try await database.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM nomenclature") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM nomenclature_fts") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM correlation") ?? 0)
        }
        #expect(total.0 == 6_939 && total.1 == 6_939 && total.2 == 15_657)
    }

    @Test("a missing file is skipped, not an error")
    func missing() async throws {
        let database = try CorridorDatabase.inMemory()
        let reports = await ReferenceImporter(database: database).importAll(
            from: .directory(TestData.fixture("valid")), importedAt: Date())
        #expect(reports.first { $0.dataset == "hs2022" }?.status == .imported)
        #expect(reports.first { $0.dataset == "hs2022" }?.rows == 4, "the trailing empty row is not a code")
        #expect(reports.filter { $0.status == .skipped }.count == ReferenceImporter.datasets.count - 1)
    }
}
