import CorridorModel
import CorridorRules
import CorridorStore
import CorridorTestSupport
import Foundation
import Testing

/// Landed-cost quotes on the real reference data (HS 2022, US HTS 2025/2026, ECB rates) with the shipped packs.
@Suite("Landed-cost quotes", .needsReferenceData)
struct QuoteTests {
    /// The engine and the resolver, built once: the ECB file and the packs are read a single time.
    static let shared = Task { () throws -> (QuoteEngine, QuoteResolver) in
        let database = try await ReferenceFixture.database()
        let rates = try ECBRateTable(contentsOf: try TestData.requireData().appendingPathComponent("finance/ecb_eurofxref_hist.csv"))
        return (QuoteEngine(packs: try RulePackSet.checked(directory: nil)), QuoteResolver(reference: ReferenceStore(database: database), rates: rates))
    }

    static func desk(log: (any DecisionLog)? = nil) async throws -> QuoteDesk {
        let (engine, resolver) = try await shared.value
        return QuoteDesk(engine: engine, resolver: resolver, log: log)
    }

    static func request(_ json: String) throws -> QuoteRequest { try QuoteRequest.parse(Data(json.utf8)) }

    static let tshirtDE = """
        {"as_of":"2026-08-01","origin":"CN","destination":"DE","channel":"postal","currency":"EUR",
         "seller":{"ioss_registered":true},"shipping":"5.00","insurance":"0.00",
         "lines":[{"code":"610910","description":"cotton T-shirt","customs_value":"20.00","quantity":{"value":"2","unit":"H87"},"net_mass_kg":"0.3"}]}
        """

    @Test("EU from 2026-07-01: an IOSS parcel pays EUR 3 per subheading and German VAT on value, transport and duty")
    func euFlatDuty() async throws {
        let quote = try await Self.desk().quote(try Self.request(Self.tshirtDE), recordedAt: Date())
        #expect(quote.complete && quote.currency == "EUR")
        #expect(quote.regime?.rule == "eu-flat-duty-ioss" && quote.regime?.deMinimisApplied == false)
        #expect(quote.lines[0].duties.map(\.kind) == ["flat"] && quote.lines[0].duties[0].amount?.description == "3.00")
        #expect(quote.lines[0].taxes.map { [$0.kind, $0.rate.description, $0.base.description, $0.amount.description] } == [["vat", "0.19", "28.00", "5.32"]])
        #expect(quote.totals?.duties.description == "3.00" && quote.totals?.taxes.description == "5.32" && quote.totals?.total.description == "33.32")
        #expect(quote.packs.map(\.id) == ["eu-low-value", "eu-cbam", "restrictions"] && quote.packs[0].sha256.count == 64)
        #expect(quote.regime?.basis.contains("EUR 3") == true)

        // Two lines of one subheading and one of another: EUR 3 twice, not three times.
        let three = try Self.request(Self.tshirtDE.replacingOccurrences(of: "\"lines\":[", with: """
            "lines":[{"code":"610910","customs_value":"10.00"},{"code":"640299","customs_value":"30.00"},
            """))
        let q3 = try await Self.desk().quote(three, recordedAt: Date())
        #expect(q3.lines.map { $0.duties.first?.amount?.description } == ["3.00", "3.00", "0.00"])
        #expect(q3.totals?.duties.description == "6.00")
    }

    @Test("EU the day before: duty relief up to EUR 150; over EUR 150 a missing MFN rate is a question, not a zero")
    func euBefore() async throws {
        let before = try await Self.desk().quote(try Self.request(Self.tshirtDE.replacingOccurrences(of: "2026-08-01", with: "2026-06-30")), recordedAt: Date())
        #expect(before.regime?.rule == "eu-duty-relief-150" && before.regime?.deMinimisApplied == true)
        #expect(before.totals?.duties.description == "0.00" && before.totals?.taxes.description == "4.75" && before.totals?.total.description == "29.75")

        let expensive = try await Self.desk().quote(try Self.request(Self.tshirtDE.replacingOccurrences(of: "\"20.00\"", with: "\"200.00\"")), recordedAt: Date())
        #expect(!expensive.complete && expensive.totals == nil)
        #expect(expensive.questions.map(\.fact) == ["lines[0].duty_rate"])
        let answered = try await Self.desk().quote(try Self.request(Self.tshirtDE.replacingOccurrences(of: "\"20.00\"", with: "\"200.00\"")
            .replacingOccurrences(of: "\"net_mass_kg\":\"0.3\"", with: "\"net_mass_kg\":\"0.3\",\"duty_rate\":\"12%\"")), recordedAt: Date())
        // 12% of 200 = 24.00; VAT 19% of 200 + 5 + 24 = 43.51.
        #expect(answered.complete && answered.totals?.duties.description == "24.00" && answered.totals?.taxes.description == "43.51" && answered.totals?.total.description == "272.51")
    }

    @Test("a missing line fact is asked for each line it concerns")
    func perLineQuestions() async throws {
        let quote = try await Self.desk().quote(try Self.request("""
            {"as_of":"2026-03-01","origin":"VN","destination":"US","channel":"express","currency":"USD",
             "lines":[{"code":"020410","customs_value":"900"},{"code":"020711","customs_value":"900"},{"code":"851713","customs_value":"10"}]}
            """), recordedAt: Date())
        #expect(!quote.complete)
        #expect(quote.questions.map(\.fact) == ["lines[0].net_mass_kg", "lines[1].net_mass_kg"])
        #expect(quote.questions[1].question.hasPrefix("Line 1 (020711): the rate 8.8¢/kg needs the quantity in KGM"))
    }

    @Test("overlays: CBAM above 50 t and lithium batteries by air warn; an unknown transport mode is named, not a blocked total; replay covers them")
    func overlays() async throws {
        let json = """
            {"as_of":"2026-08-01","origin":"CN","destination":"DE","channel":"freight","currency":"EUR","seller":{"ioss_registered":false},
             "buyer":{"cbam_tonnes_this_year":"51"},"transport_mode":"air",
             "lines":[{"code":"731815","customs_value":"900.00","net_mass_kg":"800","duty_rate":"3.7%"},
                      {"code":"850760","customs_value":"300.00","duty_rate":"2.7%"}]}
            """
        let log = SQLiteDecisionLog(database: try CorridorDatabase.inMemory())
        let quote = try await Self.desk(log: log).quote(try Self.request(json), recordedAt: Date())
        #expect(quote.complete && quote.totals?.total.description == "1477.27")
        #expect(quote.packs.map(\.id) == ["eu-low-value", "eu-cbam", "restrictions"])
        #expect(quote.warnings.contains { $0.hasPrefix("line 0: CBAM: the importer passes 50 t") })
        #expect(quote.trace.contains { $0.pack == "eu-cbam" && $0.line == 0 && $0.matches.map(\.rule) == ["cbam-over-threshold", "cbam-embedded-emissions"] })
        #expect(quote.warnings.contains { $0.hasPrefix("line 1: Lithium-ion batteries shipped on their own") })
        #expect(try await QuoteDesk.replay(id: try #require(quote.decisionID), log: log).identical)

        let unknown = try await Self.desk().quote(try Self.request(json.replacingOccurrences(of: "\"transport_mode\":\"air\",", with: "")
            .replacingOccurrences(of: "\"buyer\":{\"cbam_tonnes_this_year\":\"51\"},", with: "")), recordedAt: Date())
        #expect(unknown.complete && unknown.questions.isEmpty)
        #expect(unknown.warnings.contains("line 1: Restricted and licensed goods may apply; it depends on: How is the consignment carried: air, sea, rail or road?"))
        #expect(unknown.warnings.contains { $0.hasPrefix("line 0: EU Carbon Border Adjustment Mechanism may apply; it depends on: How many tonnes") })
    }

    @Test("CBAM embedded emissions from the line's actual data; an undeclared line fact is ignored with a warning")
    func embeddedEmissions() async throws {
        let json = """
            {"as_of":"2026-08-01","origin":"CN","destination":"DE","channel":"freight","currency":"EUR","seller":{"ioss_registered":false},
             "buyer":{"cbam_tonnes_this_year":"120"},"transport_mode":"sea",
             "lines":[{"code":"720851","customs_value":"14000.00","net_mass_kg":"25000","duty_rate":"0%","facts":{"embedded_emissions_t_per_t":"1.85","colour":"red"}}]}
            """
        let q = try await Self.desk().quote(try Self.request(json), recordedAt: Date())
        #expect(q.complete)
        #expect(q.warnings.contains("line 0: CBAM: this line embeds 46.25 t CO2e (25 t of goods at 1.85 t CO2e per tonne, actual data), declared in the CBAM declaration and covered by certificates"))
        #expect(q.warnings.contains("lines[0].facts.colour is not read by the packs for DE; it was ignored"))
        let without = try await Self.desk().quote(try Self.request(json.replacingOccurrences(of: "\"embedded_emissions_t_per_t\":\"1.85\",", with: "")), recordedAt: Date())
        #expect(without.complete && without.warnings.contains { $0.hasPrefix("line 0: EU Carbon Border Adjustment Mechanism may apply; it depends on: What are the specific embedded emissions") })
        await #expect(throws: RulesError.invalidRequest(field: "lines[0].facts.embedded_emissions_t_per_t", reason: "'lots' is not a decimal number")) {
            try await Self.desk().quote(try Self.request(json.replacingOccurrences(of: "\"1.85\"", with: "\"lots\"")), recordedAt: Date())
        }
    }

    @Test("an overlay with no rule in force on the date stays silent; a negative tonnage is refused")
    func overlayDates() async throws {
        // 2022: the EU pack answers, CBAM (from 2023-10-01) has nothing to say, restrictions still do.
        let q = try await Self.desk().quote(try Self.request(Self.tshirtDE.replacingOccurrences(of: "2026-08-01", with: "2022-06-01")
            .replacingOccurrences(of: "\"610910\"", with: "\"950300\"")), recordedAt: Date())
        #expect(q.complete && q.regime?.rule == "eu-duty-relief-150")
        #expect(q.packs.map(\.id) == ["eu-low-value", "eu-cbam", "restrictions"])
        #expect(q.warnings.contains { $0.hasPrefix("line 0: Toys placed on the EU market") } && !q.trace.contains { $0.pack == "eu-cbam" })
        await #expect(throws: RulesError.invalidRequest(field: "buyer.cbam_tonnes_this_year", reason: "must not be negative (-3)")) {
            try await Self.desk().quote(try Self.request(Self.tshirtDE.replacingOccurrences(of: "\"shipping\"", with: "\"buyer\":{\"cbam_tonnes_this_year\":\"-3\"},\"shipping\"")), recordedAt: Date())
        }
    }

    @Test("a settled rule that omits an output the quote reads is a pack defect, never a skipped tax")
    func omittedOutput() async throws {
        let eu = try #require(BundledPacks.files.first { $0.name == "eu-low-value.yaml" }).text
        let broken = eu.replacingOccurrences(of: "then: {kind: vat, rate: vat_rate(destination), base: line.customs_value + line.shipping + line.insurance + line.duty}",
                                             with: "then: {kind: vat, rate: vat_rate(destination)}")
        #expect(broken != eu)
        let pack = try RulePackLoader(builtins: QuoteFacts.declarations).load(text: broken, file: "broken.yaml")
        let desk = QuoteDesk(engine: QuoteEngine(packs: try RulePackSet([pack])), resolver: QuoteResolver(reference: nil, rates: nil), log: nil)
        await #expect(throws: RulesError.evaluation("pack eu-low-value rule eu-vat (decision taxes) gives no base")) {
            try await desk.quote(try Self.request(Self.tshirtDE), recordedAt: Date())
        }
    }

    @Test("an unknown IOSS status is asked for, and no total is given")
    func residual() async throws {
        let quote = try await Self.desk().quote(try Self.request(Self.tshirtDE.replacingOccurrences(of: "\"seller\":{\"ioss_registered\":true},", with: "")), recordedAt: Date())
        #expect(!quote.complete && quote.totals == nil && quote.regime == nil)
        #expect(quote.questions.map(\.question) == ["Is the seller registered in the EU Import One-Stop Shop (IOSS)?"])
    }

    @Test("US: the de minimis by date and origin, MFN from the HTS lines, ECB cross rates, and a range with a question for several lines")
    func unitedStates() async throws {
        let desk = try await Self.desk()
        let json = """
            {"as_of":"DAY","origin":"ORIGIN","destination":"US","channel":"express","currency":"EUR","shipping":"8.00",
             "lines":[{"code":"610910","customs_value":"20.00","quantity":{"value":"2","unit":"H87"}},{"code":"8517.13","customs_value":"300"}]}
            """
        func quote(_ day: String, _ origin: String) async throws -> LandedCostQuote {
            try await desk.quote(try Self.request(json.replacingOccurrences(of: "DAY", with: day).replacingOccurrences(of: "ORIGIN", with: origin)), recordedAt: Date())
        }
        #expect(try await quote("2025-06-02", "VN").regime?.rule == "us-321")
        #expect(try await quote("2025-06-02", "CN").regime?.rule == "us-321-suspended-cn-hk")
        let q = try await quote("2026-03-01", "VN")
        #expect(q.regime?.rule == "us-321-suspended-all" && q.currency == "USD" && q.complete)
        // The ECB published on Friday 2026-02-27; 1 EUR = 1.1805 USD that day in the file.
        #expect(q.fx?.date == "2026-02-27" && q.fx?.rate == "1.1805")
        #expect(q.lines[0].customsValue.description == "23.61" && q.lines[0].duties[0].rateText == "16.5%")
        // 16.5% of 23.61 = 3.896 → 3.90; the smartphone line is Free.
        #expect(q.lines[0].duties[0].amount?.description == "3.90" && q.lines[1].duties[0].amount?.description == "0.00")
        #expect(q.totals?.duties.description == "3.90" && q.totals?.taxes.description == "0.00")
        #expect(q.warnings.contains { $0.contains("additional duties") })

        let shoes = try await desk.quote(try Self.request("""
            {"as_of":"2026-03-01","origin":"VN","destination":"US","channel":"express","currency":"USD",
             "lines":[{"code":"640299","customs_value":"45.00","quantity":{"value":"1","unit":"PR"}}]}
            """), recordedAt: Date())
        #expect(!shoes.complete && shoes.questions.map(\.fact) == ["lines[0].code"])
        #expect(shoes.questions[0].question.contains("6402.99.04.00 (6%)"))
        #expect(shoes.lines[0].duties[0].amount == nil && shoes.lines[0].duties[0].range?.map(\.description) == ["1.35", "21.60"])
        let exact = try await desk.quote(try Self.request("""
            {"as_of":"2026-03-01","origin":"VN","destination":"US","channel":"express","currency":"USD",
             "lines":[{"code":"64029925","customs_value":"45.00","quantity":{"value":"1","unit":"PR"}}]}
            """), recordedAt: Date())
        #expect(exact.complete && exact.lines[0].duties[0].rateText == "12.5%" && exact.totals?.duties.description == "5.63")
    }

    @Test("China CBEC: tariff 0 and VAT at 70% of 13% within the limits, in CNY from a USD request; the annual total is asked for")
    func china() async throws {
        let json = """
            {"as_of":"2026-03-02","origin":"US","destination":"CN","channel":"cbec","currency":"USD","buyer":BUYER,
             "lines":[{"code":"330499","customs_value":"100.00"}]}
            """
        let desk = try await Self.desk()
        let open = try await desk.quote(try Self.request(json.replacingOccurrences(of: "BUYER", with: "{}")), recordedAt: Date())
        #expect(open.questions.map(\.fact) == ["buyer.annual_cbec_total"])
        let q = try await desk.quote(try Self.request(json.replacingOccurrences(of: "BUYER", with: "{\"annual_cbec_total\":\"1000\"}")), recordedAt: Date())
        #expect(q.complete && q.currency == "CNY" && q.regime?.rule == "cn-cbec-within-limits")
        #expect(q.lines[0].taxes.map(\.rate.description) == ["0.091"] && q.totals?.duties.description == "0.00")
        // ECB, 2026-03-02: 1 EUR = 1.1698 USD = 8.0512 CNY, so 100 USD = 688.25 CNY; VAT 9.1% = 62.63.
        #expect(q.fx?.date == "2026-03-02" && q.fx?.rate.hasPrefix("6.88254") == true)
        #expect(q.lines[0].taxes[0].base.description == "688.25" && q.lines[0].taxes[0].amount.description == "62.63")
        #expect(q.totals?.total.description == "750.88")
    }

    @Test("bad input is refused with the field at fault")
    func badInput() async throws {
        func refusal(_ json: String) async -> String {
            do { _ = try await Self.desk().quote(try Self.request(json), recordedAt: Date()); return "accepted" } catch { return "\(error)" }
        }
        let base = Self.tshirtDE
        #expect(await refusal(base.replacingOccurrences(of: "\"origin\":\"CN\"", with: "\"origin\":\"XX\"")).contains("origin: 'XX' is not an ISO 3166-1 alpha-2"))
        #expect(await refusal(base.replacingOccurrences(of: "\"currency\":\"EUR\"", with: "\"currency\":\"EURO\"")).contains("currency: 'EURO'"))
        #expect(await refusal(base.replacingOccurrences(of: "\"610910\"", with: "\"991234\"")).contains("lines[0].code: 9912.34 is not a subheading of Harmonized System 2022"))
        #expect(await refusal(base.replacingOccurrences(of: "\"610910\"", with: "\"61091\"")).contains("lines[0].code: '61091' is not an HS code"))
        #expect(await refusal(base.replacingOccurrences(of: "\"20.00\"", with: "\"-20\"")).contains("lines[0].customs_value: must not be negative"))
        #expect(await refusal(base.replacingOccurrences(of: "\"20.00\"", with: "\"twenty\"")).contains("'twenty' is not a decimal number"))
        #expect(await refusal(base.replacingOccurrences(of: "\"shipping\":\"5.00\"", with: "\"shipping\":true")).contains("shipping: must be a decimal string"))
        #expect(await refusal(base.replacingOccurrences(of: "2026-08-01", with: "2020-08-01")).contains("no rule for regime in force on 2020-08-01"))
        #expect(await refusal(base.replacingOccurrences(of: "\"destination\":\"DE\"", with: "\"destination\":\"BR\"")).contains("no rule pack covers destination BR"))
        #expect(await refusal(base.replacingOccurrences(of: "\"channel\":\"postal\"", with: "\"channel\":\"drone\"")).contains("channel: 'drone'"))
        #expect(await refusal(base.replacingOccurrences(of: "\"net_mass_kg\"", with: "\"mass\"")).contains("lines[0].mass: unknown field"))
        #expect(await refusal(base.replacingOccurrences(of: "true", with: "\"perhaps\"")).contains("seller.ioss_registered: 'perhaps' is not true or false"))
        #expect(await refusal("{\"lines\": 3").contains("not valid JSON"))
        #expect(await refusal(base.replacingOccurrences(of: "\"quantity\":{\"value\":\"2\",\"unit\":\"H87\"}", with: "\"quantity\":{\"value\":\"2\",\"unit\":\"pieces!\"}"))
            .contains("Rec 20 unit code"))
        let ignored = try await Self.desk().quote(try Self.request(base.replacingOccurrences(of: "\"ioss_registered\":true", with: "\"ioss_registered\":true,\"ioss_number\":\"IM123\"")), recordedAt: Date())
        #expect(ignored.warnings.contains("seller.ioss_number is not read by the packs for DE (eu-low-value, eu-cbam, restrictions); it was ignored"))
    }

    @Test("the decision log records each quote once and replays it byte for byte; a tampered record is caught")
    func replay() async throws {
        let database = try CorridorDatabase.inMemory()
        let log = SQLiteDecisionLog(database: database)
        let desk = try await Self.desk(log: log)
        let quote = try await desk.quote(try Self.request(Self.tshirtDE), recordedAt: Date())
        let id = try #require(quote.decisionID)
        let again = try await desk.quote(try Self.request(Self.tshirtDE), recordedAt: Date().addingTimeInterval(60))
        #expect(again.decisionID == id)
        let result = try await QuoteDesk.replay(id: id, log: log)
        #expect(result.identical && result.packs.map(\.id) == ["eu-low-value", "eu-cbam", "restrictions"])
        var unrecorded = quote
        unrecorded.decisionID = nil
        #expect(result.replayed == (try QuoteDesk.canonical(unrecorded)))

        let record = try #require(try await log.record(id: id))
        // A request recorded before lines had `facts` still decodes for replay.
        let older = String(decoding: record.request, as: UTF8.self).replacingOccurrences(of: ",\"facts\":{}", with: "")
        #expect(!older.contains("\"facts\""))
        #expect(try JSONDecoder().decode(QuoteRequest.self, from: Data(older.utf8)).lines[0].facts.isEmpty)
        let tampered = DecisionRecord(id: "q-tampered", kind: "quote", recordedAt: record.recordedAt, request: record.request, context: record.context,
                                      output: Data(String(decoding: record.output, as: UTF8.self).replacingOccurrences(of: "33.32", with: "30.00").utf8),
                                      packs: record.packs)
        var texts: [String: String] = [:]
        for pack in record.packs { texts[pack.sha256] = try #require(try await log.packText(sha256: pack.sha256)) }
        try await log.append(tampered, packTexts: texts)
        #expect(try await QuoteDesk.replay(id: "q-tampered", log: log).identical == false)
        await #expect(throws: RulesError.unknownDecision("q-missing")) { try await QuoteDesk.replay(id: "q-missing", log: log) }
    }
}
