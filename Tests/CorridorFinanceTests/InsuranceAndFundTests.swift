import CorridorFinance
import CorridorModel
import Foundation
import Testing

@Suite("Credit insurance and risk-compensation funds")
struct InsuranceAndFundTests {
    @Test("premium = PD(tenor) × LGD × EAD × insured share × (1 + loading); the exporter keeps the rest")
    func premium() throws {
        let q = try CreditInsuranceQuote.price(exposure: Money(Decimal(1_000_000), code("USD")), annualPD: Decimal(string: "0.02")!,
                                               lgd: Decimal(string: "0.5")!, insuredShare: Decimal(string: "0.9")!,
                                               loading: Decimal(string: "0.5")!, tenorDays: 365)
        #expect(q.expectedLoss.amount == 10_000)
        #expect(q.insuredExpectedLoss.amount == 9_000)
        #expect(q.retainedExpectedLoss.amount == 1_000)
        #expect(q.premium.amount == 13_500)
        #expect(q.premiumRate == Decimal(string: "0.0135"))
        #expect(q.sinosureBand == "above")
        let short = try CreditInsuranceQuote.price(exposure: Money(Decimal(1_000_000), code("USD")), annualPD: Decimal(string: "0.02")!,
                                                   lgd: Decimal(string: "0.5")!, insuredShare: Decimal(string: "0.9")!,
                                                   loading: Decimal(string: "0.5")!, tenorDays: 90)
        #expect(short.sinosureBand == "within", "90 days carry a quarter of the annual PD: \(short.premiumRate)")
        #expect(throws: FinanceError.self) {
            try CreditInsuranceQuote.price(exposure: Money(Decimal(100), code("USD")), annualPD: 2, lgd: 0.5, insuredShare: 0.9, loading: 0)
        }
    }

    @Test("a seed repeats the simulation; a higher PD depletes the fund more often")
    func fund() throws {
        let low = try RiskCompensationFund(loans: 4677, principal: Decimal(34_570_000_000), fundSize: Decimal(288_000_000),
                                           annualPD: 0.005, lgd: 0.45, assetCorrelation: 0.15, coverage: 0.5, horizonYears: 3)
        let a = try low.simulate(simulations: 2000, seed: 1)
        let b = try low.simulate(simulations: 2000, seed: 1)
        #expect(a == b)
        let high = try RiskCompensationFund(loans: 4677, principal: Decimal(34_570_000_000), fundSize: Decimal(288_000_000),
                                            annualPD: 0.02, lgd: 0.45, assetCorrelation: 0.15, coverage: 0.5, horizonYears: 3)
        let c = try high.simulate(simulations: 2000, seed: 1)
        #expect(c.depletionProbability > a.depletionProbability)
        #expect(a.depletionByYear == a.depletionByYear.sorted(), "depletion by year is cumulative")
        #expect(abs(a.leverage - 34_570_000_000.0 / 288_000_000) < 1e-9)
        // The simulated mean loss agrees with PD × LGD × principal × years within Monte Carlo error.
        #expect(abs(c.meanLoss / c.expectedLoss - 1) < 0.08)
        #expect((c.fundPayoutPercentiles["p99"] ?? 0) <= 288_000_000 + 1e-3, "the fund never pays more than it holds")
    }

    @Test("fund parameters out of range are refused by name")
    func fundErrors() {
        #expect(throws: FinanceError.invalidParameter(name: "coverage", reason: "must lie in (0, 1], got 1.5")) {
            try RiskCompensationFund(loans: 10, principal: 100, fundSize: 10, annualPD: 0.01, lgd: 0.5, assetCorrelation: 0.1, coverage: 1.5, horizonYears: 1)
        }
        #expect(throws: FinanceError.invalidParameter(name: "rho", reason: "must lie in [0, 1), got 1.0")) {
            try RiskCompensationFund(loans: 10, principal: 100, fundSize: 10, annualPD: 0.01, lgd: 0.5, assetCorrelation: 1, coverage: 0.5, horizonYears: 1)
        }
    }
}
