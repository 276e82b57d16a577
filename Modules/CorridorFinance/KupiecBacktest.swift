/// A rolling VaR backtest with Kupiec's proportion-of-failures (POF) test.
///
/// For each day t after the first `window` returns, VaR is estimated from the `window` returns
/// before t and compared with the return on t; a return below −VaR is an exception. Kupiec's
/// likelihood ratio LR = −2 ln[(1 − p)^(n−x) p^x] + 2 ln[(1 − x/n)^(n−x) (x/n)^x], with p = 1 − level,
/// is χ²(1) under a correctly calibrated VaR.
public struct KupiecBacktest: Sendable, Codable, Equatable {
    /// The VaR method backtested.
    public let method: VaRMethod
    /// The VaR confidence level.
    public let level: Double
    /// The estimation window, in returns.
    public let window: Int
    /// Days tested (n).
    public let days: Int
    /// Exceptions observed (x).
    public let exceptions: Int
    /// Exceptions expected, n × (1 − level).
    public let expectedExceptions: Double
    /// Kupiec's likelihood-ratio statistic.
    public let likelihoodRatio: Double
    /// The χ²(1) p-value of the statistic.
    public let pValue: Double
    /// Indices (into the return series) of the exceptions.
    public let exceptionIndices: [Int]
    /// The VaR forecast for each tested day, aligned with returns[window...].
    public let forecasts: [Double]

    /// Whether the VaR model is rejected at the given significance (5% by default).
    public func rejected(at significance: Double = 0.05) -> Bool { pValue < significance }

    /// Runs the backtest. GARCH is refitted every `refit` days (default 20) to keep it affordable.
    public static func run(_ returns: [Double], level: Double, method: VaRMethod, window: Int = 250,
                           refit: Int = 20, lambda: Double = 0.94) throws(FinanceError) -> KupiecBacktest {
        guard level > 0.5, level < 1 else {
            throw .invalidParameter(name: "level", reason: "must lie between 0.5 and 1 (e.g. 0.99), got \(level)")
        }
        guard refit >= 1 else { throw .invalidParameter(name: "refit", reason: "must be at least 1 day") }
        let needed = max(window, method.minimumObservations(level: level))
        guard window >= method.minimumObservations(level: level) else {
            throw .invalidParameter(name: "window", reason: "\(method.rawValue) VaR at \(level) needs a window of at least \(needed) returns, got \(window)")
        }
        guard returns.count > window + 1 else {
            throw .tooFewObservations(method: "a backtest with a \(window)-return window", needed: window + 2, got: returns.count)
        }
        var forecasts: [Double] = []
        var exceptions: [Int] = []
        var garchFit: GARCHFit?
        var fittedAt = -refit
        for t in window..<returns.count {
            let history = Array(returns[(t - window)..<t])
            let v: Double
            if method == .garch {
                if t - fittedAt >= refit || garchFit == nil {
                    garchFit = try GARCHModel().fit(history.map { $0 * 100 })
                    fittedAt = t
                }
                guard let fit = garchFit else { throw .didNotConverge("GARCH refit") }
                // One-step variance from the fitted parameters through the current window, started from
                // the same backcast the fit uses.
                let scaled = history.map { $0 * 100 }
                let mean = scaled.reduce(0, +) / Double(scaled.count)
                var sigma2 = fit.omega + (fit.alpha + fit.beta) * GARCHModel.backcast(scaled, mean: mean)
                for r in scaled {
                    let e = r - fit.mu
                    sigma2 = fit.omega + fit.alpha * e * e + fit.beta * sigma2
                }
                v = -(fit.mu + sigma2.squareRoot() * SpecialFunctions.normalQuantile(1 - level)) / 100
            } else {
                v = try ValueAtRisk.estimate(history, level: level, method: method, lambda: lambda).valueAtRisk
            }
            forecasts.append(v)
            if returns[t] < -v { exceptions.append(t) }
        }
        let n = Double(forecasts.count), x = Double(exceptions.count), p = 1 - level
        var lr = -2 * ((n - x) * _log(1 - p) + x * _log(p))
        let observed = x / n
        if x > 0 { lr += 2 * x * _log(observed) }
        if x < n { lr += 2 * (n - x) * _log(1 - observed) }
        lr = max(0, lr)
        return KupiecBacktest(method: method, level: level, window: window, days: forecasts.count,
                              exceptions: exceptions.count, expectedExceptions: n * p, likelihoodRatio: lr,
                              pValue: SpecialFunctions.chiSquare1Survival(lr), exceptionIndices: exceptions, forecasts: forecasts)
    }
}
