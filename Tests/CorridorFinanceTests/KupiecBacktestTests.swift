import CorridorFinance
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@Suite("Kupiec POF backtest")
struct KupiecBacktestTests {
    @Test("the statistic matches the closed form for the exceptions counted")
    func closedForm() throws {
        // 250 calm returns, then every 10th tested day a loss larger than any before: 10% exceptions, not 1%.
        var returns: [Double] = (0..<250).map { i in 0.001 * sin(Double(i)) }
        for i in 0..<250 {
            let calm: Double = 0.001 * sin(Double(i))
            let shock: Double = -0.05 - Double(i) * 0.001
            returns.append(i % 10 == 0 ? shock : calm)
        }
        let test = try KupiecBacktest.run(returns, level: 0.99, method: .historical, window: 250)
        #expect(test.days == 250)
        let n = Double(test.days), x = Double(test.exceptions), p = 0.01
        let lr = -2 * ((n - x) * log(1 - p) + x * log(p)) + 2 * ((n - x) * log(1 - x / n) + x * log(x / n))
        #expect(abs(test.likelihoodRatio - lr) < 1e-9)
        #expect(test.exceptions == 25)
        #expect(test.rejected(), "an exception every tenth day is not 1%")
        #expect(test.exceptionIndices.allSatisfy { returns[$0] < -test.forecasts[$0 - 250] })
    }

    @Test("historical 99% VaR on EUR/CNY is not rejected over 2016–2025", .needsReferenceData)
    func realData() throws {
        let r = try FinanceData.returns("CNY", "2016-01-01", "2025-12-31")
        let test = try KupiecBacktest.run(r, level: 0.99, method: .historical, window: 500)
        #expect(test.days == r.count - 500)
        #expect(test.pValue > 0.01, "exceptions \(test.exceptions) of \(test.days)")
    }

    @Test("a window too short for the method is refused")
    func shortWindow() {
        #expect(throws: FinanceError.self) {
            try KupiecBacktest.run([Double](repeating: 0.001, count: 400), level: 0.99, method: .historical, window: 50)
        }
    }
}
