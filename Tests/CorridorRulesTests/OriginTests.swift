import CorridorModel
import CorridorRules
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

    @Test("textiles: CC with the de minimis by weight; WO; exclusively originating materials")
    func textilesAndWO() throws {
        let shirt = """
            {"agreement":"RCEP","product":{"code":"610910","net_weight_kg":"0.25"},"produced_in":"VN","export_to":"JP","currency":"USD","fob":"10",
             "materials":[{"code":"600622","origin":"CN","value":"4","weight_kg":"0.2"},{"code":"610990","origin":"TR","value":"0.2","weight_kg":"0.01"}]}
            """
        let d = try Self.engine().determine(try Self.request(shirt))
        #expect(d.qualified && d.criterionMet == "CC (de minimis)" && d.steps.contains { $0.detail.contains("weigh 4% of the good") })
        let heavy = try Self.engine().determine(try Self.request(shirt.replacingOccurrences(of: "\"0.01\"", with: "\"0.05\"")))
        #expect(!heavy.qualified && heavy.steps.last?.detail == "not originating: no alternative of CC is met")
        let noWeight = try Self.engine().determine(try Self.request(shirt.replacingOccurrences(of: ",\"weight_kg\":\"0.01\"", with: "")))
        #expect(!noWeight.qualified && noWeight.steps.contains { $0.detail.contains("needs product.net_weight_kg and each failing material's weight_kg") })

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
