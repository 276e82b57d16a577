import CorridorFinance
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@Suite("Finance edge cases")
struct FinanceEdgeCaseTests {
    @Test("a backtest at level 1 or NaN is refused, not a crash")
    func backtestLevel() {
        let returns = (0..<400).map { 0.001 * sin(Double($0)) }
        for level in [1.0, .nan, 0.3] {
            #expect(throws: FinanceError.self) { try KupiecBacktest.run(returns, level: level, method: .historical) }
        }
    }

    @Test("a lookback too long to compute is refused", .needsReferenceData)
    func lookback() throws {
        let r = try Receivable(currency: code("USD"), amount: 1_000, due: day("2026-03-31"))
        #expect(throws: FinanceError.invalidParameter(name: "lookback", reason: "must be 100 to 5,000 daily returns, got \(Int.max)")) {
            try ExposureRisk.analyze([r], reporting: code("CNY"), asOf: day("2025-12-31"), rates: FinanceData.rates(), lookback: Int.max)
        }
    }

    @Test("NA, empty and NaN values score as missing, as in a CSV file")
    func missingValuesInAPI() throws {
        // n rises with the risk of "bad"; every 7th n is missing; c separates a little.
        let rows = (0..<300).map { i in
            let bad = i % 5 == 0 || i > 200
            return "\(i % 7 == 0 ? "NA" : String(i)),\(i % 3 == 0 ? "x" : "y"),\(bad ? "bad" : "good")"
        }
        let data = try CreditDataset(csv: "n,c,t\n" + rows.joined(separator: "\n"))
        var trainer = ScorecardTrainer()
        trainer.minimumIV = 0
        trainer.l2 = 1
        let card = try trainer.train(data, target: data.target("t"))
        let missing = card.score(["n": nil, "c": nil])
        for token in ["NA", "", "null", "NaN"] {
            let scored = card.score(["n": token, "c": token])
            #expect(abs(scored.score - missing.score) < 1e-9, "'\(token)' scores as missing")
        }
    }

    @Test("a loan book with a conditional PD near 1 simulates quickly and sensibly")
    func highPD() throws {
        let fund = try RiskCompensationFund(loans: 100_000, principal: 1_000_000_000, fundSize: 1_000_000, annualPD: 0.9, lgd: 0.5,
                                            assetCorrelation: 0.5, coverage: 0.5, horizonYears: 1)
        let outcome = try fund.simulate(simulations: 200, seed: 3)
        #expect(outcome.depletionProbability > 0.9)
        #expect(abs(outcome.meanLoss / outcome.expectedLoss - 1) < 0.1)
        #expect(throws: FinanceError.self) {
            try RiskCompensationFund(loans: 1_000_000_000, principal: 1, fundSize: 1, annualPD: 0.01, lgd: 0.5, assetCorrelation: 0.1, coverage: 0.5, horizonYears: 1)
        }
    }
}
