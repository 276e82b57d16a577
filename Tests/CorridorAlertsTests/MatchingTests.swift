import CorridorAlerts
import CorridorModel
import CorridorStore
import CorridorTestSupport
import Foundation
import Testing

@Suite("Subscriptions and matching")
struct MatchingTests {
    func portfolios() throws -> [Portfolio] {
        try JSONDecoder().decode([Portfolio].self, from: Data(contentsOf: TestData.fixture("alerts/portfolios.json")))
    }

    func event(_ id: String, implementing: [String], products: [(String, HSVersion)] = [], measure: MeasureType = .tariffChange,
               severity: AlertSeverity = .high, title: String = "a measure") throws -> PolicyEvent {
        try PolicyEvent(source: "test", sourceID: id, implementing: implementing, measure: measure,
                        products: try products.map { ProductReference(code: try HSCode($0.0), version: $0.1) },
                        published: try CivilDate(parsing: "2026-06-01"), severity: severity, title: title)
    }

    @Test("HS prefix × market × measure × severity, with the reasons and the SKUs")
    func matching() throws {
        let matcher = EventMatcher(portfolios: try portfolios())
        // A US duty on heading 8507 reaches the battery SKU sold in the US, not the one sold only in DE.
        let us = matcher.match(try event("1", implementing: ["US"], products: [("8507", .hs2022)]))
        #expect(us.map(\.subscription) == ["batteries-us"])
        #expect(us.first?.skus.map(\.sku) == ["BAT-18650"])
        #expect(us.first?.skus.first?.reasons.first == "HS 8507 covers 850760 sold in US")
        // An EU measure applies in member states: the e-bike sold in France.
        let eu = matcher.match(try event("2", implementing: ["EU"], products: [("871160", .hs2022)]))
        #expect(eu.map(\.subscription) == ["everything-eu"])
        // Below the minimum severity: nothing.
        #expect(matcher.match(try event("3", implementing: ["EU"], products: [("871160", .hs2022)], severity: .low)).isEmpty)
        // A measure type outside the subscription's list: the parcels subscription stays silent.
        let parcels = matcher.match(try event("4", implementing: ["TH"], measure: .lowValueRegime, title: "new de minimis rule"))
        #expect(parcels.contains { $0.subscription == "parcels" })
        #expect(!matcher.match(try event("5", implementing: ["TH"], measure: .tbt, title: "de minimis")).contains { $0.subscription == "parcels" })
        // A measure naming no product reaches every SKU sold in its market.
        #expect(parcels.first { $0.subscription == "parcels" }?.skus.map(\.sku) == ["PHONE-X"])
    }

    @Test("portfolios are validated, naming the first bad field")
    func validation() throws {
        let bad = Portfolio(enterprise: "x", skus: [.init(id: "s", hs6: "85171", markets: ["US"])], subscriptions: [])
        #expect(throws: ModelError.invalidField(name: "sku", reason: "x: SKU s needs a 6-digit HS 2022 code, got '85171'")) { try bad.validate() }
        let measure = Portfolio(enterprise: "x", skus: [], subscriptions: [Subscription(id: "s", measures: ["tariffs"])])
        #expect(throws: ModelError.self) { try measure.validate() }
        for p in try portfolios() { try p.validate() }
    }

    @Test("HS 2017 codes are brought to HS 2022 through the correlation tables; splits stay visible", .needsReferenceData)
    func reconciliation() async throws {
        let reconciler = HSReconciler(reference: ReferenceStore(database: try await ReferenceFixture.database()))
        // HS 2017 851712 (telephones for cellular networks) split into HS 2022 851713 (smartphones) and 851714.
        let results = await reconciler.reconcile([ProductReference(code: try HSCode("851712"), version: .hs2017),
                                                  ProductReference(code: try HSCode("8517"), version: .hs2017)])
        #expect(Set(results[0].codes.map(\.digits)).isSuperset(of: ["851713", "851714"]))
        #expect(results[0].note?.contains("split") == true)
        #expect(results[1].codes.map(\.digits) == ["8517"])
        #expect(results[1].note?.contains("prefix kept") == true)
        // The Indonesian TBT notification (HS 2017 851712) reaches the phone (HS 2022 851713) sold in Indonesia once reconciled.
        let tbt = try PolicyEvent(source: "csv", sourceID: "ZONE-2026-002", implementing: ["ID"], measure: .tbt,
                                  products: [ProductReference(code: try HSCode("851712"), version: .hs2017)],
                                  published: try CivilDate(parsing: "2026-06-01"), severity: .medium, title: "TBT on mobile phones")
        let codes = await reconciler.reconcile(tbt.products).flatMap(\.codes)
        let matches = EventMatcher(portfolios: try portfolios()).match(tbt, products: codes)
        #expect(matches.contains { $0.skus.contains { $0.sku == "PHONE-X" } })
    }
}
