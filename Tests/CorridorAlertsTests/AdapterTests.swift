import CorridorAlerts
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@Suite("Alert feed adapters")
struct AdapterTests {
    func fixture(_ name: String) throws -> Data { try Data(contentsOf: TestData.fixture("alerts/\(name)")) }

    @Test("Federal Register documents.json: HTSUS subheadings, trading partners, severity by type; a bad record is rejected by id")
    func federalRegister() throws {
        let report = try FederalRegisterAdapter.parse(fixture("federal-register-documents.json"))
        #expect(report.events.count == 2)
        #expect(report.rejected == [RejectedRecord(recordID: "2026-33333", reason: "invalid title: the title of 2026-33333 is empty")])
        let notice = try #require(report.events.first)
        #expect(notice.implementing == ["US"])
        #expect(notice.affected.contains("CN"))
        #expect(notice.products.map(\.code.digits) == ["850760"])
        #expect(notice.effective?.description == "2026-04-01")
        #expect(notice.severity == .low)
        let review = report.events[1]
        #expect(review.measure == .tradeRemedy)
        #expect(review.products.map(\.code.digits) == ["8708"])
        #expect(review.commentDeadline?.description == "2026-06-10")
        #expect(review.severity == .medium)
        // Fetching the same page twice yields the same events: ids are the publisher's.
        #expect(try FederalRegisterAdapter.parse(fixture("federal-register-documents.json")).events == report.events)
        #expect(throws: AlertsError.self) { try FederalRegisterAdapter.parse(Data("{\"count\":1}".utf8)) }
        #expect(throws: AlertsError.self) { try FederalRegisterAdapter.parse(Data("<html>".utf8)) }
    }

    @Test("EUR-Lex RSS: CN codes and headings, EU as implementer, a dateless corrigendum rejected")
    func eurlex() throws {
        let report = try EURLexFeedAdapter.parse(fixture("eurlex-feed.rss"))
        #expect(report.events.count == 2)
        #expect(report.rejected.first?.recordID == "CELEX:32026R0003R(01)")
        let ad = report.events[0]
        #expect(ad.implementing == ["EU"])
        #expect(ad.measure == .tradeRemedy)
        #expect(ad.severity == .high)
        #expect(ad.products.map(\.code.digits) == ["871160"])
        #expect(ad.published?.description == "2026-04-14")
        #expect(report.events[1].products.map(\.code.digits) == ["9503"])
        #expect(throws: AlertsError.self) { try EURLexFeedAdapter.parse(Data("<rss><channel><item>".utf8)) }
    }

    @Test("a zone's CSV: GTA colours, HS editions, bad rows reported with their ids while the rest is read")
    func csv() throws {
        let report = try GenericEventAdapter.parseCSV(String(decoding: fixture("events.csv"), as: UTF8.self))
        #expect(report.events.map(\.sourceID) == ["ZONE-2026-001", "ZONE-2026-002"])
        #expect(report.events[0].severity == .high, "GTA red")
        #expect(report.events[1].products == [ProductReference(code: try HSCode("851712"), version: .hs2017)])
        #expect(report.rejected.map(\.recordID) == ["ZONE-2026-003", "ZONE-2026-004"])
        #expect(report.rejected[0].reason.contains("not a date"))
        let json = #"[{"id":"J1","title":"t","implementing":["VN"],"published":"2026-01-01","hs":["6109"]},{"id":"J2","title":"t","implementing":["XX"],"published":"2026-01-01"}]"#
        let parsed = try GenericEventAdapter.parseJSON(Data(json.utf8))
        #expect(parsed.events.first?.products.first?.code.digits == "6109")
        #expect(parsed.rejected.first?.recordID == "J2")
    }

    @Test("a rule-pack diff becomes one event per changed rule")
    func rulePack() throws {
        let diff = try JSONDecoder().decode(RulePackDiff.self, from: fixture("rule-pack-diff.json"))
        let report = GenericEventAdapter.events(from: diff)
        #expect(report.events.count == 2)
        #expect(report.events.allSatisfy { $0.measure == .rulePackChange && $0.implementing == ["EU"] })
        #expect(report.events[0].effective?.description == "2026-07-01")
        #expect(report.events[1].products.first?.code.digits == "9503")
    }

    @Test("text signals: codes in tariff notation, measures by keyword")
    func signals() throws {
        #expect(TextSignals.hsCodes(in: "subheadings 8517.13.00 and 8517 62 00, heading 8471, chapter 85").map(\.digits) == ["851713", "851762", "8471", "85"])
        #expect(TextSignals.measure(in: "de minimis entry", fallback: .tariffChange) == .lowValueRegime)
        #expect(TextSignals.measure(in: "Entity List additions", fallback: .tariffChange) == .sanctionExportControl)
    }
}
