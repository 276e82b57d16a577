/// A fitted GARCH(1,1) model with a constant mean, on the scale of the data it was fitted to.
///
/// rₜ = μ + εₜ, σ²ₜ = ω + α ε²ₜ₋₁ + β σ²ₜ₋₁, with the first σ² backcast as `arch` does.
public struct GARCHFit: Sendable, Codable, Equatable {
    /// The error distribution.
    public let distribution: GARCHModel.Distribution
    /// The constant mean μ.
    public let mu: Double
    /// ω, the variance intercept.
    public let omega: Double
    /// α, the ARCH coefficient.
    public let alpha: Double
    /// β, the GARCH coefficient.
    public let beta: Double
    /// ν, the Student-t degrees of freedom (`nil` for normal errors).
    public let nu: Double?
    /// The maximised log-likelihood.
    public let logLikelihood: Double
    /// The number of observations fitted.
    public let observations: Int
    /// Optimiser iterations.
    public let iterations: Int
    /// Likelihood evaluations (with gradient) the optimiser made.
    public let evaluations: Int
    /// The largest gradient component at the solution, in the optimiser's space.
    public let gradientNorm: Double
    /// σ of the one-step-ahead forecast.
    public let forecastVolatility: Double

    /// α + β, the persistence of a variance shock.
    public var persistence: Double { alpha + beta }

    /// The long-run variance ω / (1 − α − β).
    public var unconditionalVariance: Double { omega / (1 - alpha - beta) }

    /// The p-quantile of the standardised error and the expected shortfall factor at p: for a loss
    /// tail of probability p, ES = −(μ − σ × factor).
    public func standardisedTail(_ p: Double) -> (quantile: Double, shortfallFactor: Double) {
        switch distribution {
        case .normal:
            let z = SpecialFunctions.normalQuantile(p)
            return (z, SpecialFunctions.normalPDF(z) / p)
        case .studentT:
            let v = nu ?? 8
            let t = SpecialFunctions.studentTQuantile(p, nu: v)
            let scale = ((v - 2) / v).squareRoot()
            let factor = scale * SpecialFunctions.studentTPDF(t, nu: v) / p * (v + t * t) / (v - 1)
            return (t * scale, factor)
        }
    }
}
