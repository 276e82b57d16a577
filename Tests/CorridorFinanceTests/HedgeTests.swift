import CorridorFinance
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@Suite("Exposure VaR and forward hedges")
struct HedgeTests {
    static let request = """
        {"as_of":"2025-12-31","reporting_currency":"CNY","level":0.99,"var_limit":"50000",
         "interest_rates":{"CNY":"0.015","USD":"0.043","THB":"0.0125","EUR":"0.02"},
         "receivables":[{"currency":"USD","amount":"250000.00","due":"2026-03-31"},
                        {"currency":"THB","amount":"4000000","due":"2026-02-15"},
                        {"currency":"EUR","amount":"80000","due":"2026-06-30"}]}
        """

    @Test("diversified VaR, the smallest sufficient hedge ratio and CIP forwards", .needsReferenceData)
    func plan() throws {
        let request = try JSONDecoder().decode(HedgeRequest.self, from: Data(Self.request.utf8))
        let report = try request.run(FinanceData.rates())
        let e = report.exposure, p = report.plan
        #expect(e.scenarios == 500)
        #expect(e.valueAtRisk > 0)
        #expect(e.valueAtRisk < e.undiversifiedValueAtRisk, "three currencies diversify")
        #expect(abs(p.hedgeRatio - (1 - 50_000 / e.valueAtRisk)) < 1e-12)
        #expect(abs(p.residualValueAtRisk - 50_000) < 1e-6)
        let usd = try #require(p.forwards.first { $0.currency.code == "USD" })
        #expect(usd.days == 90)
        #expect(abs(usd.forward - usd.spot * (1 + 0.015 * 90 / 365) / (1 + 0.043 * 90 / 365)) < 1e-12)
        #expect(usd.cost > 0, "USD rates above CNY rates put the forward below spot")
        #expect(abs(p.totalCost - p.forwards.reduce(0) { $0 + $1.cost }) < 1e-9)
    }

    @Test("a limit above the VaR needs no hedge", .needsReferenceData)
    func noHedge() throws {
        let text = Self.request.replacingOccurrences(of: "\"50000\"", with: "\"10000000\"")
        let report = try JSONDecoder().decode(HedgeRequest.self, from: Data(text.utf8)).run(FinanceData.rates())
        #expect(report.plan.hedgeRatio == 0)
        #expect(report.plan.totalCost == 0)
    }

    @Test("a receivable due before as_of, a missing rate and a bad amount are refused", .needsReferenceData)
    func errors() throws {
        let early = Self.request.replacingOccurrences(of: "2026-02-15", with: "2025-12-01")
        #expect(throws: FinanceError.invalidParameter(name: "due", reason: "a THB receivable is due 2025-12-01, not after as_of 2025-12-31")) {
            try JSONDecoder().decode(HedgeRequest.self, from: Data(early.utf8)).run(FinanceData.rates())
        }
        let noRate = Self.request.replacingOccurrences(of: ",\"EUR\":\"0.02\"", with: "")
        #expect(throws: FinanceError.invalidParameter(name: "interest_rates", reason: "no rate for EUR")) {
            try JSONDecoder().decode(HedgeRequest.self, from: Data(noRate.utf8)).run(FinanceData.rates())
        }
        let badAmount = Self.request.replacingOccurrences(of: "\"250000.00\"", with: "\"-5\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(HedgeRequest.self, from: Data(badAmount.utf8)) }
    }
}
