import CorridorFinance
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@Suite("VaR and ES: historical, parametric, EWMA")
struct ValueAtRiskTests {
    @Test("historical VaR is the sorted return at ⌊(n − 1)(1 − level)⌋ and ES the mean at or below it")
    func historicalByHand() throws {
        // 100 returns −0.050, −0.049, …, +0.049: at 95% the index is ⌊99 × 0.05⌋ = 4, the return −0.046.
        let returns = (0..<100).map { Double($0 - 50) / 1000 }.shuffled()
        let estimate = try ValueAtRisk.historical(returns, level: 0.95)
        #expect(abs(estimate.valueAtRisk - 0.046) < 1e-15)
        #expect(abs(estimate.expectedShortfall - (0.050 + 0.049 + 0.048 + 0.047 + 0.046) / 5) < 1e-15)
    }

    // Figures from NumPy 2.4 on the same file: -np.quantile(r, 1 - level, method="lower") and the tail mean.
    @Test("EUR/CNY 2016–2025 equals NumPy to 1e-12 at 99% and 95%", .needsReferenceData)
    func matchesNumPy() throws {
        let r = try FinanceData.returns("CNY", "2016-01-01", "2025-12-31")
        #expect(r.count == 2559)
        let v99 = try ValueAtRisk.historical(r, level: 0.99)
        #expect(abs(v99.valueAtRisk - 0.011961341369513767) < 1e-12)
        #expect(abs(v99.expectedShortfall - 0.015490590216540952) < 1e-12)
        let v95 = try ValueAtRisk.historical(r, level: 0.95)
        #expect(abs(v95.valueAtRisk - 0.006682468897727389) < 1e-12)
        #expect(abs(v95.expectedShortfall - 0.009916768242107438) < 1e-12)
        let thb = try FinanceData.returns("THB", "2020-01-01", "2024-12-31")
        let t = try ValueAtRisk.historical(thb, level: 0.99)
        #expect(thb.count == 1282)
        #expect(abs(t.valueAtRisk - 0.011034781197598154) < 1e-12)
        #expect(abs(t.expectedShortfall - 0.012734923725772758) < 1e-12)
    }

    @Test("parametric VaR uses the normal quantile; EWMA weighs recent returns")
    func parametricAndEWMA() throws {
        var generator = SeededGenerator(seed: 7)
        var spare: Double?
        let calm = (0..<500).map { _ in 0.002 * generator.nextNormal(spare: &spare) }
        let estimate = try ValueAtRisk.parametric(calm, level: 0.99)
        let (mean, sd) = ValueAtRisk.moments(calm)
        #expect(abs(estimate.valueAtRisk - (-(mean - 2.3263478740408408 * sd))) < 1e-12)
        #expect(abs(SpecialFunctions.normalQuantile(0.01) + 2.3263478740408408) < 1e-12)
        // A turbulent last month raises EWMA VaR far above the parametric figure.
        let stressed = calm + (0..<20).map { _ in 0.02 * generator.nextNormal(spare: &spare) }
        let ewma = try ValueAtRisk.ewma(stressed, level: 0.99)
        let flat = try ValueAtRisk.parametric(stressed, level: 0.99)
        #expect(ewma.valueAtRisk > 2 * flat.valueAtRisk)
    }

    @Test("too few returns, a bad level and a bad λ are precise errors")
    func errors() {
        #expect(throws: FinanceError.tooFewObservations(method: "historical VaR at 0.99", needed: 100, got: 20)) {
            try ValueAtRisk.historical([Double](repeating: 0.001, count: 20), level: 0.99)
        }
        #expect(throws: FinanceError.tooFewObservations(method: "GARCH(1,1)", needed: 250, got: 100)) {
            try GARCHModel().fit([Double](repeating: 0.001, count: 100))
        }
        #expect(throws: FinanceError.self) { try ValueAtRisk.historical([Double](repeating: 0.001, count: 200), level: 1.5) }
        #expect(throws: FinanceError.self) { try ValueAtRisk.ewma([Double](repeating: 0.001, count: 200), level: 0.99, lambda: 1) }
    }

    @Test("the request and report carry the figures and the convention", .needsReferenceData)
    func request() throws {
        let report = try FXRiskRequest(base: code("EUR"), currency: code("CNY"), from: day("2016-01-01"), to: day("2025-12-31")).run(FinanceData.rates())
        #expect(report.observations == 2559)
        #expect(report.rates == 2560)
        #expect(report.convention.contains("numpy.quantile"))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        // JSONSerialization's parser on Linux may be off in the 17th digit; the encoder writes the shortest exact form.
        #expect(abs((json?["var"] as? Double ?? 0) - report.valueAtRisk) < 1e-15)
        #expect(abs((json?["es"] as? Double ?? 0) - report.expectedShortfall) < 1e-15)
        #expect(json?["observations"] as? Int == 2559)
    }
}
