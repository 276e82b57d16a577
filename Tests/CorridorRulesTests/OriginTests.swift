import CorridorModel
import CorridorRules
import CorridorStore
import CorridorTestSupport
import Foundation
import Testing

/// The origin engine on a rules table written for these tests (Fixtures/rules/origin-test-rules.yaml).
@Suite("Rules of origin")
struct OriginTests {
    static func engine() throws -> OriginEngine {
        OriginEngine(rules: try ProductSpecificRules(contentsOf: TestData.fixture("rules/origin-test-rules.yaml")))
    }

    static func request(_ json: String) throws -> OriginRequest { try OriginRequest.parse(Data(json.utf8)) }

    static let phone = """
        {"agreement":"RCEP","product":{"code":"851713"},"produced_in":"VN","export_to":"JP","currency":"USD","fob":"100.00",
         "materials":[{"code":"854231","origin":"US","value":"40.00"},{"code":"851770","origin":"CN","originating":true,"value":"30.00"},
                      {"code":"851770","origin":"TW","value":"8.00"}]}
        """

    @Test("CTH fails on a part of the same heading; the de minimis and the RVC alternatives, with accumulation")
    func alternatives() throws {
        // 8517.70 parts are heading 8517, like the phone: a non-originating one fails CTH. 8 of 100 FOB is within 10%.
        let d = try Self.engine().determine(try Self.request(Self.phone))
        #expect(d.rule == "CTH or RVC40" && d.ruleHS == "851713", "the longest prefix wins over 8517")
        #expect(d.qualified && d.criterionMet == "CTH (de minimis)")
        #expect(d.materials.map(\.status) == ["non-originating", "originating (accumulated from CN)", "non-originating"])
        #expect(d.steps.contains { $0.title == "CTH" && $0.detail.contains("851770 (8.00 USD)") && $0.detail.contains("8% of FOB") })
        #expect(d.rvcBuildDown == "52", "(100 − 48) / 100")

        // At 12 of 100 the de minimis fails; the RVC is (100 − 52) / 100 = 48% ≥ 40%.
        let heavier = try Self.engine().determine(try Self.request(Self.phone.replacingOccurrences(of: "\"8.00\"", with: "\"12.00\"")))
        #expect(heavier.qualified && heavier.criterionMet == "RVC40" && heavier.rvcBuildDown == "48")
        #expect(heavier.steps.first { $0.title == "CTH" }?.result == "not met")

        // Without the Chinese proof of origin the module is non-originating: RVC (100 − 82) / 100 = 18%, and a warning says why.
        let noProof = try Self.engine().determine(try Self.request(Self.phone.replacingOccurrences(of: "\"originating\":true,", with: "")
            .replacingOccurrences(of: "\"8.00\"", with: "\"12.00\"")))
        #expect(!noProof.qualified && noProof.criterionMet == nil && noProof.rvcBuildDown == "18")
        #expect(noProof.warnings.contains { $0.contains("851770 from CN is treated as non-originating") })
    }

    @Test("an excepted material fails the change of heading; build-up counts originating materials and costs; the better formula is the exporter's")
    func buildUp() throws {
        let json = """
            {"agreement":"RCEP","product":{"code":"950300"},"produced_in":"TH","export_to":"AU","currency":"USD","fob":"50",
             "costs":{"direct_labour":"8","direct_overhead":"4","profit":"5","other":"1"},
             "materials":[{"code":"392690","origin":"US","value":"20"},{"code":"480439","origin":"TH","originating":true,"value":"6"}]}
            """
        let d = try Self.engine().determine(try Self.request(json))
        // 3926 changes heading, but "except from 3926" makes it fail CTH: 40% of FOB, over the de minimis.
        #expect(d.steps.contains { $0.title == "CTH except from 3926" && $0.result == "not met" && $0.detail.contains("392690 (20.00 USD)") })
        // Build-down (50 − 20) / 50 = 60%; build-up (6 + 18) / 50 = 48%.
        #expect(d.rvcBuildDown == "60" && d.rvcBuildUp == "48")
        #expect(d.qualified && d.criterionMet == "RVC45")

        // Build-up wins when the costs are high: VNM 30 gives build-down 40% < 45%, build-up (6 + 18) / 50 = 48%.
        let upWins = try Self.engine().determine(try Self.request(json.replacingOccurrences(of: "\"value\":\"20\"", with: "\"value\":\"30\"")))
        #expect(upWins.rvcBuildDown == "40" && upWins.rvcBuildUp == "48" && upWins.qualified && upWins.criterionMet == "RVC45")
    }

    @Test("textiles: CC with the de minimis by value or, for chapters 50-63, by weight (Article 3.7); WO; exclusively originating materials")
    func textilesAndWO() throws {
        // The Turkish collar (610990, chapter 61 like the shirt) fails CC; it is worth 15% of FOB but weighs 4%.
        let shirt = """
            {"agreement":"RCEP","product":{"code":"610910","net_weight_kg":"0.25"},"produced_in":"VN","export_to":"JP","currency":"USD","fob":"10",
             "materials":[{"code":"600622","origin":"CN","value":"4","weight_kg":"0.2"},{"code":"610990","origin":"TR","value":"1.5","weight_kg":"0.01"}]}
            """
        let d = try Self.engine().determine(try Self.request(shirt))
        #expect(d.qualified && d.criterionMet == "CC (de minimis)" && d.steps.contains { $0.detail.contains("are worth 15% of FOB, but weigh 4% of the good") })
        let heavy = try Self.engine().determine(try Self.request(shirt.replacingOccurrences(of: "\"0.01\"", with: "\"0.05\"")))
        #expect(!heavy.qualified && heavy.steps.last?.detail == "not originating: no alternative of CC is met")
        #expect(heavy.steps.contains { $0.detail.contains("over the 10% de minimis; they weigh 20% of the good, over the 10% de minimis by weight") })
        let noWeight = try Self.engine().determine(try Self.request(shirt.replacingOccurrences(of: ",\"weight_kg\":\"0.01\"", with: "")))
        #expect(!noWeight.qualified && noWeight.steps.contains { $0.detail.contains("needs product.net_weight_kg and each failing material's weight_kg") })
        // Article 3.7(a) covers every chapter: a cheap but heavy collar passes by value.
        let cheapHeavy = try Self.engine().determine(try Self.request(shirt.replacingOccurrences(of: "\"1.5\"", with: "\"0.5\"").replacingOccurrences(of: "\"0.01\"", with: "\"0.05\"")))
        #expect(cheapHeavy.qualified && cheapHeavy.steps.contains { $0.detail.contains("are worth 5% of FOB, within the 10% de minimis") })

        let beef = try Self.engine().determine(try Self.request("""
            {"agreement":"RCEP","product":{"code":"020130","wholly_obtained":true},"produced_in":"AU","export_to":"KR","currency":"AUD","fob":"900"}
            """))
        #expect(beef.qualified && beef.criterionMet == "WO")
        let madeUp = try Self.engine().determine(try Self.request("""
            {"agreement":"RCEP","product":{"code":"020130"},"produced_in":"AU","export_to":"KR","currency":"AUD","fob":"900",
             "materials":[{"code":"010229","origin":"NZ","originating":true,"value":"500"}]}
            """))
        #expect(madeUp.qualified && madeUp.criterionMet == "WO (exclusively from originating materials)")
    }

    @Test("a determination is recorded once with its table's text, and replays byte for byte; a changed table is caught")
    func recordAndReplay() async throws {
        let log = SQLiteDecisionLog(database: try CorridorDatabase.inMemory())
        let desk = OriginDesk(engine: try Self.engine(), log: log)
        let when = Date(timeIntervalSince1970: 1_780_000_000)
        let first = try await desk.determine(body: Data(Self.phone.utf8), recordedAt: when)
        let id = try #require(first.decisionID)
        #expect(id.hasPrefix("o-") && id.count == 26)
        // The same question under the same table is the same decision; key order and spacing do not matter.
        let reordered = Self.phone.replacingOccurrences(of: "{\"agreement\":\"RCEP\",", with: "{ \"agreement\" : \"RCEP\" ,")
        #expect(try await desk.determine(body: Data(reordered.utf8), recordedAt: when.addingTimeInterval(60)).decisionID == id)
        let record = try #require(try await log.record(id: id))
        #expect(record.kind == "origin" && record.packs.map(\.id) == ["psr-rcep"] && record.packs.first?.version == "test-1")
        #expect(try await log.packText(sha256: try #require(record.packs.first).sha256) == desk.engine.rules.text)
        #expect(!String(decoding: record.output, as: UTF8.self).contains("decision_id"), "the id is not part of the recorded output")

        let replay = try await QuoteDesk.replay(id: id, log: log)
        #expect(replay.identical && replay.packs == record.packs)

        // Another enterprise asking the same question gets a decision of its own.
        #expect(try await desk.determine(body: Data(Self.phone.utf8), recordedAt: when, owner: "acme").decisionID != id)

        // A record whose output was altered no longer replays identically.
        let altered = DecisionRecord(id: "o-altered", kind: "origin", owner: nil, recordedAt: when, request: record.request, context: record.context,
                                     output: Data(String(decoding: record.output, as: UTF8.self).replacingOccurrences(of: "\"qualified\":true", with: "\"qualified\":false").utf8),
                                     packs: record.packs)
        try await log.append(altered, packTexts: [record.packs[0].sha256: desk.engine.rules.text])
        #expect(try await QuoteDesk.replay(id: "o-altered", log: log).identical == false)
        // Without a log nothing is recorded and no id is given.
        #expect(try await OriginDesk(engine: try Self.engine(), log: nil).determine(body: Data(Self.phone.utf8), recordedAt: when).decisionID == nil)
    }

    @Test("the shipped RCEP Annex 3A rows load, cite a page each, and decide a smartphone (HS 2012 8517.12) under CTSH or RVC40")
    func shippedTable() throws {
        let table = try BundledOriginRules.rcep()
        #expect(table.agreement == "RCEP" && table.nomenclature == "HS 2012" && table.parties.count == 15)
        #expect(table.rows.allSatisfy { $0.source.hasPrefix("annex-3a") && $0.page?.hasPrefix("e-book p. ") == true })
        #expect(table.row(for: "392111")?.hs == "3921" && table.row(for: "853310") == nil, "8533.10 was not read, so it is not covered")
        #expect(table.row(for: "940360")?.text == "CTH or RVC40" && table.row(for: "950300")?.hs == "95")
        // Made in VN from a Korean display panel (8529.90, another heading) and a US processor (8542.31), with a
        // non-originating subassembly of the same subheading worth 5% of FOB.
        let phone = try OriginEngine(rules: table).determine(try Self.request("""
            {"agreement":"RCEP","product":{"code":"851712"},"produced_in":"VN","export_to":"JP","currency":"USD","fob":"200",
             "materials":[{"code":"852990","origin":"KR","value":"60"},{"code":"854231","origin":"US","value":"50"},{"code":"851712","origin":"TW","value":"10"}]}
            """))
        #expect(phone.rule == "CTSH or RVC40" && phone.ruleHS == "851712" && phone.qualified && phone.criterionMet == "CTSH (de minimis)")
        #expect(phone.basis.contains("Annex 3A") && phone.basis.hasSuffix("e-book p. 193"))
        #expect(phone.warnings.contains { $0.contains("written in HS 2012") })
        #expect(throws: RulesError.self) { try OriginEngine(rules: table).determine(try Self.request(Self.phone.replacingOccurrences(of: "851713", with: "300490"))) }
    }

    @Test("bad input and tables are refused precisely")
    func refusals() throws {
        func refusal(_ json: String) -> String {
            do { _ = try Self.engine().determine(try Self.request(json)); return "accepted" } catch { return "\(error)" }
        }
        #expect(refusal(Self.phone.replacingOccurrences(of: "\"JP\"", with: "\"US\"")).contains("export_to: US is not a party to RCEP"))
        #expect(refusal(Self.phone.replacingOccurrences(of: "\"RCEP\"", with: "\"CPTPP\"")).contains("agreement: 'CPTPP' is not the agreement of the rules loaded (RCEP)"))
        #expect(refusal(Self.phone.replacingOccurrences(of: "\"851713\"", with: "\"300490\"")).contains("no product-specific rule of RCEP test-1 covers 300490"))
        #expect(refusal(Self.phone.replacingOccurrences(of: "\"40.00\"", with: "\"-40\"")).contains("materials[0].value: must not be negative"))
        #expect(refusal(Self.phone.replacingOccurrences(of: "\"100.00\"", with: "\"0\"")).contains("fob: must be more than 0"))
        #expect(refusal(Self.phone.replacingOccurrences(of: "\"origin\":\"US\"", with: "\"origin\":\"ZZ\"")).contains("materials[0].origin: 'ZZ'"))
        #expect(refusal(Self.phone.replacingOccurrences(of: "\"value\":\"40.00\"", with: "\"value\":\"40.00\",\"cost\":\"1\"")).contains("materials[0].cost: unknown field"))
        #expect(refusal(Self.phone.replacingOccurrences(of: "\"JP\"", with: "\"VN\"")).contains("export_to: is the country of production (VN)"))
        #expect(refusal("""
            {"agreement":"RCEP","product":{"code":"020130","wholly_obtained":true},"produced_in":"AU","export_to":"KR","currency":"AUD","fob":"900",
             "materials":[{"code":"010229","origin":"AR","value":"500"}]}
            """).contains("materials[0]: a wholly obtained good has no non-originating materials"))
        #expect {
            _ = try ProductSpecificRules(text: """
                agreement: RCEP
                version: x
                title: bad
                parties: [VN]
                de_minimis: {percent_of_fob: 10, percent_of_weight: 10, weight_chapters: "50-63"}
                sources: [{id: s, title: t, url: u, date: 2026-01-01}]
                rules:
                  - {hs: "61", rule: "CC or CTHS", source: s}
                """, file: "bad.yaml")
        } throws: { "\($0)".contains("bad.yaml:8: 'CTHS' is not a criterion") }
    }
}
