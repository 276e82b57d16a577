/// How a value-at-risk figure is estimated.
public enum VaRMethod: String, Sendable, Codable, CaseIterable {
    /// The empirical quantile of the returns (NumPy's `method="lower"`).
    case historical
    /// A normal distribution with the sample mean and standard deviation.
    case parametric
    /// RiskMetrics EWMA volatility (λ = 0.94 by default), zero mean.
    case ewma
    /// A GARCH(1,1) one-day-ahead forecast, fitted by maximum likelihood.
    case garch

    /// The fewest returns the method accepts.
    public func minimumObservations(level: Double) -> Int {
        switch self {
        // At least one return must lie in the tail.
        case .historical: max(10, Int((1 / (1 - level)).rounded(.up)))
        case .parametric, .ewma: 30
        case .garch: GARCHModel.minimumObservations
        }
    }
}
