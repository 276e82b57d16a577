/// Value at risk and expected shortfall of a return series.
///
/// Conventions (Docs/FINANCE.md): returns are per period; VaR at level `a` is the negated
/// (1 − a)-quantile of the return distribution, so a positive VaR is a loss; ES is the negated mean
/// of the returns at or below that quantile. The historical quantile is NumPy's
/// `quantile(r, 1 − a, method="lower")`: the sorted return at index ⌊(n − 1)(1 − a)⌋.
public enum ValueAtRisk {
    /// The figures by a named method.
    public static func estimate(_ returns: [Double], level: Double, method: VaRMethod, lambda: Double = 0.94,
                                distribution: GARCHModel.Distribution = .normal) throws(FinanceError) -> RiskEstimate {
        switch method {
        case .historical: try historical(returns, level: level)
        case .parametric: try parametric(returns, level: level)
        case .ewma: try ewma(returns, level: level, lambda: lambda)
        case .garch: try garch(returns, level: level, distribution: distribution).estimate
        }
    }

    /// Historical simulation: the empirical quantile and the mean of the tail at or below it.
    public static func historical(_ returns: [Double], level: Double) throws(FinanceError) -> RiskEstimate {
        try check(returns, level: level, method: .historical)
        let quantile = lowerQuantile(sorted: returns.sorted(), 1 - level)
        var tailSum = 0.0, tailCount = 0
        for r in returns where r <= quantile {
            tailSum += r
            tailCount += 1
        }
        let (mean, sd) = moments(returns)
        return RiskEstimate(method: .historical, level: level, valueAtRisk: -quantile,
                            expectedShortfall: -(tailSum / Double(tailCount)), observations: returns.count, mean: mean, volatility: sd)
    }

    /// Normal VaR and ES with the sample mean and standard deviation (n − 1 denominator).
    public static func parametric(_ returns: [Double], level: Double) throws(FinanceError) -> RiskEstimate {
        try check(returns, level: level, method: .parametric)
        let (mean, sd) = moments(returns)
        let z = SpecialFunctions.normalQuantile(1 - level)
        return RiskEstimate(method: .parametric, level: level, valueAtRisk: -(mean + z * sd),
                            expectedShortfall: -(mean - sd * SpecialFunctions.normalPDF(z) / (1 - level)),
                            observations: returns.count, mean: mean, volatility: sd)
    }

    /// RiskMetrics EWMA: σ²ₜ₊₁ = λσ²ₜ + (1 − λ)rₜ², seeded with the sample variance of the first 30
    /// returns, zero mean, and a normal quantile on the one-step-ahead σ.
    public static func ewma(_ returns: [Double], level: Double, lambda: Double = 0.94) throws(FinanceError) -> RiskEstimate {
        try check(returns, level: level, method: .ewma)
        guard lambda > 0, lambda < 1 else { throw .invalidParameter(name: "lambda", reason: "must lie strictly between 0 and 1, got \(lambda)") }
        let sigma = ewmaVolatility(returns, lambda: lambda)
        let z = SpecialFunctions.normalQuantile(1 - level)
        return RiskEstimate(method: .ewma, level: level, valueAtRisk: -z * sigma,
                            expectedShortfall: sigma * SpecialFunctions.normalPDF(z) / (1 - level),
                            observations: returns.count, mean: 0, volatility: sigma)
    }

    /// The EWMA one-step-ahead volatility.
    public static func ewmaVolatility(_ returns: [Double], lambda: Double) -> Double {
        let seed = Array(returns.prefix(30))
        var variance = seed.reduce(0) { $0 + $1 * $1 } / Double(max(seed.count, 1))
        for r in returns {
            variance = lambda * variance + (1 - lambda) * r * r
        }
        return variance.squareRoot()
    }

    /// GARCH(1,1) VaR and ES: the model is fitted to returns × 100 (the scale `arch` uses) and its
    /// one-day-ahead mean and σ are scaled back.
    public static func garch(_ returns: [Double], level: Double, distribution: GARCHModel.Distribution) throws(FinanceError) -> (estimate: RiskEstimate, fit: GARCHFit) {
        try check(returns, level: level, method: .garch)
        let fit = try GARCHModel(distribution: distribution).fit(returns.map { $0 * 100 })
        let sigma = fit.forecastVolatility
        let (q, tail) = fit.standardisedTail(1 - level)
        let estimate = RiskEstimate(method: .garch, level: level,
                                    valueAtRisk: -(fit.mu + sigma * q) / 100,
                                    expectedShortfall: -(fit.mu - sigma * tail) / 100,
                                    observations: returns.count, mean: fit.mu / 100, volatility: sigma / 100)
        return (estimate, fit)
    }

    /// NumPy's `quantile(values, q, method="lower")` of sorted values: the element at ⌊(n − 1)q⌋.
    static func lowerQuantile(sorted: [Double], _ q: Double) -> Double {
        sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count - 1) * q).rounded(.down))))]
    }

    /// Sample mean and standard deviation (n − 1).
    public static func moments(_ values: [Double]) -> (mean: Double, sd: Double) {
        guard !values.isEmpty else { return (0, 0) }
        let mean = values.reduce(0, +) / Double(values.count)
        guard values.count > 1 else { return (mean, 0) }
        let ss = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (ss / Double(values.count - 1)).squareRoot())
    }

    static func check(_ returns: [Double], level: Double, method: VaRMethod) throws(FinanceError) {
        guard level > 0.5, level < 1 else {
            throw .invalidParameter(name: "level", reason: "must lie between 0.5 and 1 (e.g. 0.99), got \(level)")
        }
        let needed = method.minimumObservations(level: level)
        guard returns.count >= needed else {
            throw .tooFewObservations(method: "\(method.rawValue) VaR at \(level)", needed: needed, got: returns.count)
        }
        guard returns.allSatisfy(\.isFinite) else {
            throw .invalidParameter(name: "returns", reason: "contain a non-finite value")
        }
    }
}
