import CorridorTestSupport
import Foundation
import Testing

/// `corridor-rules duty` end to end.
@Suite("corridor-rules CLI")
struct CorridorRulesCLITests {
    @Test("duty parse reads and computes a rate; an unread rate exits 3 with the text; bad numbers are refused")
    func parse() throws {
        let r = try CommandRunner.run("corridor-rules", ["duty", "parse", "1.5¢/kg + 6.4%", "--value", "1000", "--quantity", "KGM=250", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "compound")
        #expect(((object["assessment"] as? [String: Any])?["amount"] as? NSNumber)?.doubleValue == 67.75)
        let unread = try CommandRunner.run("corridor-rules", ["duty", "parse", "No change"])
        #expect(unread.status == 3 && unread.stdout.contains("unread: No change"))
        let bad = try CommandRunner.run("corridor-rules", ["duty", "parse", "5%", "--value", "ten"])
        #expect(bad.status == 1 && bad.stderr.contains("--value 'ten' is not a decimal number"))
    }

    @Test("duty coverage on both HTS revisions is at least 99%", .needsReferenceData)
    func coverage() throws {
        let r = try CommandRunner.run("corridor-rules", ["duty", "coverage", "--data", try TestData.requireData().path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(reports.compactMap { $0["file"] as? String } == ["us_hts_2025_rev13.csv", "us_hts_2026_rev4.csv"])
        for report in reports {
            let lines = try #require(report["lines"] as? Int), parsed = try #require(report["parsed"] as? Int)
            #expect(Double(parsed) / Double(lines) >= 0.99)
        }
    }
}
