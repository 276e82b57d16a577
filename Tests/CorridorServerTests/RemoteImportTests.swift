import CorridorModel
import CorridorStore
import CorridorTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Importers read a URL as well as a directory: a real HTTP server on the loopback interface
/// serves the fixture layout, and the importer fetches from it.
@Suite("Import from a URL")
struct RemoteImportTests {
    @Test("files are fetched over HTTP; a 404 is a skipped file, not a failure")
    func importOverHTTP() async throws {
        let file = try Data(contentsOf: TestData.fixture("valid/hs/hs2022.csv"))
        let router = Router()
        router.get("data/hs/hs2022.csv") { _, _ in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: file)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let location = try DataLocation(parsing: "http://127.0.0.1:\(port)/data")
            let database = try CorridorDatabase.inMemory()
            let reports = await ReferenceImporter(database: database).importAll(
                from: location, only: ["hs2022", "hs2017"], importedAt: Date())
            #expect(reports.map(\.status) == [.skipped, .imported])
            #expect(reports.last?.location == "http://127.0.0.1:\(port)/data/hs/hs2022.csv")
            let entry = try await ReferenceStore(database: database).entry(try HSCode("851714"), release: "hs2022")
            #expect(entry?.description == "Telephone sets; other than smartphones, for cellular or other wireless networks")
        }
    }

    @Test("an unreachable URL fails the source with the address and reason")
    func unreachable() async throws {
        let database = try CorridorDatabase.inMemory()
        // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
        let reports = await ReferenceImporter(database: database).importAll(
            from: try DataLocation(parsing: "http://127.0.0.1:9/"), only: ["hs2022"], importedAt: Date())
        #expect(reports.first?.status == .failed)
        #expect(reports.first?.message?.contains("http://127.0.0.1:9/hs/hs2022.csv: cannot read") == true, "\(reports.first?.message ?? "")")
    }
}
