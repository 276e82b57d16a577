import CorridorTestSupport
import Foundation
import Testing

/// `corridor-alerts` end to end on the fixtures.
@Suite("corridor-alerts CLI")
struct CorridorAlertsCLITests {
    func run(_ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run("corridor-alerts", arguments)
    }

    @Test("ingest reports events and rejected records; match shows alerts with SKUs and reasons")
    func ingestAndMatch() throws {
        let ingest = try run(["ingest", "--source", "csv", "--file", TestData.fixture("alerts/events.csv").path, "--format", "json"])
        #expect(ingest.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [String: Any])
        #expect((report["events"] as? [Any])?.count == 2)
        #expect((report["rejected"] as? [[String: Any]])?.map { $0["recordID"] as? String } == ["ZONE-2026-003", "ZONE-2026-004"])
        let match = try run(["match", "--source", "eurlex", "--event-file", TestData.fixture("alerts/eurlex-feed.rss").path,
                             "--portfolios", TestData.fixture("alerts/portfolios.json").path, "--format", "json"])
        #expect(match.status == 0, "\(match.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(match.stdout.utf8)) as? [String: Any])
        let alerts = try #require(object["alerts"] as? [[String: Any]])
        #expect(Set(alerts.compactMap { $0["enterprise"] as? String }) == ["shenzhen-audio", "yiwu-toys"])
        let bad = try run(["match", "--event-file", TestData.fixture("alerts/events.csv").path, "--source", "federal-register",
                           "--portfolios", TestData.fixture("alerts/portfolios.json").path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("federal-register: not JSON"))
    }
}
