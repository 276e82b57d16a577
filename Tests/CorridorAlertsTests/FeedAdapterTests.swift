import CorridorAlerts
import CorridorModel
import CorridorStore
import CorridorTestSupport
import Foundation
import Testing

@Suite("WTO ePing and GTA adapters; fetching", .serialized)
struct FeedAdapterTests {
    func fixture(_ name: String) throws -> Data { try Data(contentsOf: TestData.fixture("alerts/\(name)")) }

    @Test("WTO notification symbols: base, revisions, addenda, corrigenda; malformed ones refused")
    func symbols() throws {
        let add = try #require(WTONotificationAdapter.Symbol("G/SPS/N/JPN/1427/Add.1"))
        #expect(add.area == "SPS" && add.member == "JPN" && add.base == "G/SPS/N/JPN/1427" && add.suffixes == ["Add.1"])
        #expect(add.kind == "addendum 1")
        #expect(WTONotificationAdapter.Symbol("G/TBT/N/MYS/27/Rev.1/Corr.2")?.kind == "revision 1, corrigendum 2")
        #expect(WTONotificationAdapter.Symbol("G/TBT/N/EU/1100")?.member == "EU")
        for bad in ["TBT/IDN/9002", "G/TBT/N/IDN/x", "G/XYZ/N/IDN/1", "G/TBT/N/IDN/1/Amend.1", "G/TBT/N/idn/1"] {
            #expect(WTONotificationAdapter.Symbol(bad) == nil, "\(bad)")
        }
    }

    @Test("ePing page: TBT/SPS, member codes, HS edition, stages, and each bad record rejected by symbol")
    func eping() throws {
        let report = try WTONotificationAdapter.parse(fixture("wto-eping-notifications.json"))
        #expect(report.events.map(\.sourceID) == ["G/TBT/N/IDN/9001", "G/TBT/N/IDN/9001/Add.1", "G/SPS/N/THA/700"])
        let draft = report.events[0], adopted = report.events[1], emergency = report.events[2]
        // A draft names a proposed entry into force and is still a proposal.
        #expect(draft.implementing == ["ID"] && draft.measure == .tbt && draft.stage == .proposed && draft.severity == .medium)
        #expect(draft.effective?.description == "2027-01-01")
        #expect(draft.commentDeadline?.description == "2026-07-03")
        #expect(draft.products == [ProductReference(code: try HSCode("851713"), version: .hs2022)])
        // The addendum announcing adoption is the final stage of the same measure.
        #expect(adopted.stage == .final && adopted.measureKey == "G/TBT/N/IDN/9001" && draft.measureKey == adopted.measureKey)
        #expect(adopted.effective?.description == "2026-12-01" && adopted.summary.hasPrefix("Addendum 1 to G/TBT/N/IDN/9001."))
        #expect(emergency.measure == .sps && emergency.severity == .high && emergency.affected == ["PL"] && emergency.implementing == ["TH"])
        #expect(emergency.stage == .final)
        #expect(report.rejected.map(\.recordID) == ["TBT/IDN/9002", "G/TBT/N/VNM/300", "G/TBT/N/VNM/301"])
        #expect(report.rejected[1].reason.contains("has no date"))
        #expect(report.rejected[2].reason.contains("2, 4 or 6 digits"))
        #expect(throws: AlertsError.self) { try WTONotificationAdapter.parse(Data(#"{"totalCount": 0}"#.utf8)) }
    }

    @Test("GTA v2 page: evaluation to severity, ISO alpha-3, HS 2012 products with lost leading zeros, stages; bad records rejected")
    func gta() throws {
        let report = try GTAInterventionAdapter.parse(fixture("gta-interventions.json"))
        #expect(report.events.map(\.sourceID) == ["990001", "990002"])
        let tariff = report.events[0], remedy = report.events[1]
        #expect(tariff.severity == .high && tariff.measure == .tariffChange && tariff.implementing == ["MX"] && tariff.affected == ["CN"])
        #expect(tariff.products.map(\.code.digits) == ["950300", "850760", "030617"])
        #expect(tariff.products.allSatisfy { $0.version == .hs2012 })
        #expect(tariff.effective?.description == "2026-01-01" && tariff.stage == .final && tariff.measureKey == "gta-state-act:880001")
        #expect(tariff.summary.contains("Mexico raised its MFN import tariff") && !tariff.summary.contains("<p>"))
        #expect(remedy.severity == .medium && remedy.measure == .tradeRemedy && remedy.stage == .proposed)
        #expect(report.rejected.map(\.recordID) == ["990003", "results[3]"])
        // A bare array (as the publisher's own client reads it) is accepted too.
        let bare = try JSONSerialization.data(withJSONObject: [try JSONSerialization.jsonObject(with: fixture("gta-interventions.json")) as? [String: Any]]
            .compactMap { $0?["results"] as? [[String: Any]] }.first ?? [])
        #expect(try GTAInterventionAdapter.parse(bare).events.count == 2)
        // A null state act is no measure key (it must not join unrelated interventions).
        let orphan = Data(#"[{"intervention_id": 1, "state_act_id": null, "state_act_title": "t", "gta_evaluation": "Red", "implementing_jurisdictions": [{"iso": "MEX"}], "date_announced": "2026-01-01"}]"#.utf8)
        #expect(try GTAInterventionAdapter.parse(orphan).events.first?.measureKey == nil)
    }

    @Test("HS 2012 products of a GTA record reach HS 2022 SKUs through the correlation tables, or say why not", .needsReferenceData)
    func reconcileGTA() async throws {
        let database = try await ReferenceFixture.database()
        let store = SQLiteAlertStore(database: try CorridorDatabase.inMemory())
        try await store.replaceSKUs([Portfolio.SKU(id: "TOY-1", hs6: "950300", markets: ["MX"])], of: "toys")
        try await store.saveSubscription(Subscription(id: "mx"), of: "toys", webhookSecret: nil)
        let report = try GTAInterventionAdapter.parse(fixture("gta-interventions.json"))
        let ingestor = AlertIngestor(store: store, matcher: EventMatcher(portfolios: try await store.portfolios()),
                                     reconciler: HSReconciler(reference: ReferenceStore(database: database)))
        let outcome = try await ingestor.ingest(report.events, at: Date(timeIntervalSince1970: 1_780_000_000))
        let notes = try #require(outcome.reconciliation["gta:990001"])
        #expect(notes.count == 3)
        // HS 2012 950300 maps to HS 2022 950300 and, in part, to the new 8524 (display modules) and 8549 (e-waste)
        // subheadings (UNSD HS2022–HS2012 table): the split stays visible, and the toy SKU sold in Mexico is hit.
        #expect(notes[0].codes.map(\.digits).contains("950300"))
        #expect(notes[0].codes.contains { $0.digits.hasPrefix("8549") })
        #expect(notes[0].note?.hasPrefix("split: ") == true, "\(notes[0].note ?? "no note")")
        #expect(notes.allSatisfy { !$0.codes.isEmpty || $0.note != nil })
        #expect(outcome.alerts.map(\.enterprise) == ["toys"])
        #expect(outcome.alerts.first?.skus.first?.reasons.first == "HS 950300 covers 950300 sold in MX")
        // Without tables, the older edition is a warning, never a silent miss.
        let bare = AlertIngestor(store: SQLiteAlertStore(database: try CorridorDatabase.inMemory()), matcher: EventMatcher(portfolios: []))
        let warned = try await bare.ingest(report.events, at: Date(timeIntervalSince1970: 1_780_000_000))
        #expect(warned.warnings.first?.contains("hs2012 products match no SKU") == true)
    }

    @Test("fetch: a 503 is retried, the ETag is kept, and the second fetch is a 304")
    func fetching() async throws {
        let page = try fixture("wto-eping-notifications.json")
        let receiver = WebhookReceiver(feed: (page, "\"v1\"")) { n in (n == 1 ? 503 : 200, 0) }
        try await receiver.serve { hook in
            let url = hook.replacingOccurrences(of: "/hook", with: "/feed")
            let fetcher = FeedFetcher(policy: RetryPolicy(initialBackoff: 0.05, maxAttempts: 3, attemptTimeout: 2))
            guard case .page(let data, let state) = try await fetcher.fetch(url: url, previous: nil, now: { Date() }) else {
                Issue.record("expected a page")
                return
            }
            #expect(data == page && state.etag == "\"v1\"")
            guard case .notModified = try await fetcher.fetch(url: url, previous: state, now: { Date() }) else {
                Issue.record("expected 304 Not Modified")
                return
            }
            await #expect(throws: AlertsError.self) { try await fetcher.fetch(url: "ftp://example.com/x", previous: nil, now: { Date() }) }
        }
        let requests = await receiver.requests
        #expect(requests.count == 3)
        #expect(requests.last?.headers["if-none-match"] == "\"v1\"")
    }
}
