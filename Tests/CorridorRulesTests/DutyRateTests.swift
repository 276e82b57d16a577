import CorridorModel
import CorridorRules
import CorridorTestSupport
import Foundation
import Testing

@Suite("Duty rate texts")
struct DutyRateTests {
    func d(_ s: String) -> Decimal { Decimal(exactLiteral: s) ?? .nan }

    @Test("the forms the HTS writes: free, ad valorem, ¢ and $ per unit, each, compound, parts, references, bounds")
    func forms() {
        #expect(DutyRateParser.parse("Free") == .free(condition: nil))
        #expect(DutyRateParser.parse("6.5%") == .adValorem(percent: d("6.5"), on: nil))
        #expect(DutyRateParser.parse("1.5¢/kg") == .specific(amount: d("0.015"), per: "kg", unitCode: "KGM", qualifier: nil))
        #expect(DutyRateParser.parse("$2.146/kg") == .specific(amount: d("2.146"), per: "kg", unitCode: "KGM", qualifier: nil))
        #expect(DutyRateParser.parse("0.9¢ each") == .specific(amount: d("0.009"), per: "each", unitCode: "H87", qualifier: nil))
        #expect(DutyRateParser.parse("3.2¢/pf. liter") == .specific(amount: d("0.032"), per: "pf. liter", unitCode: "PFL", qualifier: nil))
        #expect(DutyRateParser.parse("3.7¢/kg on drained weight") == .specific(amount: d("0.037"), per: "kg", unitCode: "KGM", qualifier: "on drained weight"))
        #expect(DutyRateParser.parse("90¢/pr. + 37.5%") == .sum([.specific(amount: d("0.9"), per: "pr.", unitCode: "PR", qualifier: nil),
                                                                .adValorem(percent: d("37.5"), on: nil)]))
        #expect(DutyRateParser.parse("3.9% on the movement and case + 5.3% on the battery")
                == .sum([.adValorem(percent: d("3.9"), on: "the movement and case"), .adValorem(percent: d("5.3"), on: "the battery")]))
        #expect(DutyRateParser.parse("Free, under bond, as prescribed in U.S. note 1 to this subchapter")
                == .free(condition: "under bond, as prescribed in U.S. note 1 to this subchapter"))
        #expect(DutyRateParser.parse("The duty provided in the applicable subheading + 25%.")
                == .applicableSubheading(plus: .adValorem(percent: 25, on: nil), minus: nil))
        #expect(DutyRateParser.parse("The duty rate provided in such subheading minus 0.5%")
                == .applicableSubheading(plus: nil, minus: .adValorem(percent: d("0.5"), on: nil)))
        #expect(DutyRateParser.parse("The duty provided in the applicable subheading + a duty of 50% upon the value of the steel content.")
                == .applicableSubheading(plus: .adValorem(percent: 50, on: "the value of the steel content"), minus: nil))
        // MAX/MIN forms (column 2 and special rates write them).
        #expect(DutyRateParser.parse("25%, but not less than 2¢/kg")
                == .bounded(.adValorem(percent: 25, on: nil), atLeast: .specific(amount: d("0.02"), per: "kg", unitCode: "KGM", qualifier: nil), atMost: nil))
        #expect(DutyRateParser.parse("10% but not more than $1.50 each")
                == .bounded(.adValorem(percent: 10, on: nil), atLeast: nil, atMost: .specific(amount: d("1.5"), per: "each", unitCode: "H87", qualifier: nil)))
    }

    @Test("what cannot be read is unparsed with its text, never a zero")
    func unread() {
        for text in ["No change", "See additional U.S. note 1", "", "5% of nothing in particular",
                     "3.6606¢/kg less 0.020668¢/kg for each degree under 100 degrees (and fractions of a degree in proportion) but not less than 3.143854¢/kg"] {
            let e = DutyRateParser.parse(text)
            #expect(!e.isParsed, "\(text)")
            let assessment = DutyAssessment.assess(e, customsValue: 100)
            #expect(assessment.amount == nil && !assessment.missing.isEmpty)
        }
    }

    @Test("computation in Decimal from the customs value and the declared quantities; missing facts are named")
    func compute() {
        let compound = DutyRateParser.parse("1.5¢/kg + 6.4%")
        #expect(DutyAssessment.assess(compound, customsValue: 1000, quantities: ["KGM": 250]).amount == d("67.75"))
        #expect(DutyAssessment.assess(compound, customsValue: 1000).missing == ["the quantity in KGM"])
        #expect(DutyAssessment.assess(.free(condition: nil), customsValue: 1000).amount == 0)
        let watch = DutyRateParser.parse("40¢ each + 6% on the case")
        #expect(DutyAssessment.assess(watch, customsValue: 50, quantities: ["H87": 2], partValues: ["the case": 10]).amount == d("1.4"))
        #expect(DutyAssessment.assess(watch, customsValue: 50, quantities: ["H87": 2]).missing == ["the value of the case"])
        let floor = DutyRateParser.parse("1%, but not less than 2¢/kg")
        #expect(DutyAssessment.assess(floor, customsValue: 100, quantities: ["KGM": 100]).amount == 2)
        #expect(DutyAssessment.assess(DutyRateParser.parse("The duty provided in the applicable subheading + 25%"), customsValue: 100).amount == nil)
    }

    @Test("coverage: at least 99% of every general-rate text in both US HTS revisions is read", .needsReferenceData)
    func coverage() throws {
        for name in ["us_hts_2025_rev13.csv", "us_hts_2026_rev4.csv"] {
            let report = try DutyRateCoverage.measure(htsCSV: TestData.requireData().appendingPathComponent("tariffs/\(name)"))
            #expect(report.lines > 13_000, "\(name): \(report.lines) lines")
            #expect(report.ratio >= 0.99, "\(name): \(report.parsed) of \(report.lines) read")
            #expect(report.unparsed.reduce(0) { $0 + $1.lines } == report.lines - report.parsed)
            #expect(report.kinds["compound", default: 0] > 300 && report.kinds["specific", default: 0] > 500)
        }
        #expect(throws: RulesError.self) { try DutyRateCoverage.measure(htsCSV: TestData.fixture("alerts/events.csv")) }
    }
}
