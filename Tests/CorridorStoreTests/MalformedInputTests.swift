import CorridorModel
import CorridorStore
import CorridorTestSupport
import Foundation
import GRDB
import Testing

@Suite("Malformed input is rejected with file, line and reason, and changes nothing")
struct MalformedInputTests {
    @Test("each importer names the problem", arguments: [
        ("hs-bad-level", "hs2022", "hs2022.csv:4: level '4' does not match the 6-digit code 851713"),
        ("hs-unclosed-quote", "hs2022", "hs2022.csv:3: a quoted field is never closed"),
        ("hts-bad-indent", "us-hts-2026r4", "us_hts_2026_rev4.csv:3: indent 'x' is not a non-negative whole number"),
        ("hts-bad-units", "us-hts-2026r4", "us_hts_2026_rev4.csv:3: unit of quantity 'No.' is not a JSON list"),
        ("hts-bad-header", "us-hts-2026r4", "us_hts_2026_rev4.csv:1: unexpected header"),
        ("cn-wrong-year", "eu-cn-2026", "eu_cn_2026.json:3: element 1 (code 85171400) belongs to CN 2025, but this file was given as eu-cn-2026"),
        ("cn-not-json", "eu-cn-2026", "eu_cn_2026.json: not valid JSON"),
        ("correlation-bad-relationship", "correlation-hs2022-hs2017", "correlation_hs2022_hs2017.csv:3: relationship '2:1' is not one of"),
        ("correlation-ex-bad-row", "correlation-hs2017-hs2012", "correlation_hs2017_hs2012.csv:4: 3 fields where the header has 4"),
    ])
    func rejected(fixture: String, dataset: String, message: String) async throws {
        let database = try CorridorDatabase.inMemory()
        if dataset.hasPrefix("eu-cn") {
            // CN borrows HS 2022 subheading texts; a small good HS file stands in for them.
            _ = await ReferenceImporter(database: database).importAll(from: .directory(TestData.fixture("valid")), only: ["hs2022"], importedAt: Date())
        }
        let reports = await ReferenceImporter(database: database).importAll(
            from: .directory(TestData.fixture("malformed/\(fixture)")), only: [dataset], importedAt: Date())
        let report = try #require(reports.first)
        #expect(report.status == .failed)
        #expect(report.message?.contains(message) == true, "got: \(report.message ?? "nil")")
        let rows = try await database.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM nomenclature WHERE release_id != 'hs2022'") ?? -1)
                + (try Int.fetchOne(db, sql: "SELECT count(*) FROM correlation") ?? -1)
                + (try Int.fetchOne(db, sql: "SELECT count(*) FROM source_file WHERE dataset != 'hs2022'") ?? -1)
        }
        #expect(rows == 0, "nothing of a rejected file is written")
    }

    @Test("a bad file does not replace a good import", .needsReferenceData)
    func keepsGoodData() async throws {
        let database = try CorridorDatabase.inMemory()
        let importer = ReferenceImporter(database: database)
        _ = await importer.importAll(from: .directory(try TestData.requireData()), only: ["hs2022"], importedAt: Date())
        let bad = await importer.importAll(from: .directory(TestData.fixture("malformed/hs-bad-level")), only: ["hs2022"], importedAt: Date())
        #expect(bad.first?.status == .failed)
        let store = ReferenceStore(database: database)
        let entry = try await store.entry(try HSCode("851713"), release: "hs2022")
        #expect(entry?.description == "Telephone sets; smartphones for cellular or other wireless networks")
        let count = try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM nomenclature") }
        #expect(count == 6_939)
    }

    @Test("EU CN is refused until the HS edition it borrows descriptions from is imported")
    func cnNeedsHS() async throws {
        let database = try CorridorDatabase.inMemory()
        let reports = await ReferenceImporter(database: database).importAll(
            from: .directory(TestData.fixture("malformed/cn-wrong-year")), only: ["eu-cn-2026"], importedAt: Date())
        #expect(reports.first?.status == .failed)
        #expect(reports.first?.message?.contains("import hs2022 first") == true)
    }

    @Test("a location that is neither a directory nor a URL is refused")
    func badLocation() {
        #expect(throws: ImportError.invalidLocation("/no/such/dir")) { try DataLocation(parsing: "/no/such/dir") }
        #expect(throws: Never.self) { try DataLocation(parsing: "https://example.org/data") }
    }
}
