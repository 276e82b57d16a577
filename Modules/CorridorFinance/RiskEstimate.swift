/// A one-period value at risk and expected shortfall, as positive fractions of the position's value.
public struct RiskEstimate: Sendable, Codable, Equatable {
    /// How the figures were estimated.
    public let method: VaRMethod
    /// The confidence level, e.g. 0.99.
    public let level: Double
    /// The loss not exceeded with probability `level`, as a positive fraction.
    public let valueAtRisk: Double
    /// The mean loss beyond the VaR, as a positive fraction.
    public let expectedShortfall: Double
    /// The number of returns used.
    public let observations: Int
    /// The mean return the method used (zero for EWMA).
    public let mean: Double
    /// The one-period volatility the method used (the sample standard deviation for historical).
    public let volatility: Double

    /// Creates an estimate.
    public init(method: VaRMethod, level: Double, valueAtRisk: Double, expectedShortfall: Double, observations: Int, mean: Double, volatility: Double) {
        self.method = method
        self.level = level
        self.valueAtRisk = valueAtRisk
        self.expectedShortfall = expectedShortfall
        self.observations = observations
        self.mean = mean
        self.volatility = volatility
    }
}
