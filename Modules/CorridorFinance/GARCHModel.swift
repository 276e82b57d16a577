/// GARCH(1,1) with a constant mean, fitted by maximum likelihood with normal or standardised
/// Student-t errors, following the conventions of Kevin Sheppard's `arch` package so the two can be
/// compared: the first variance is backcast from the first 75 residuals with weights 0.94ⁱ, the
/// residuals for the backcast are taken around the sample mean, and ν lies in (2.05, 500).
///
/// The optimiser is robust by construction: it works in an unconstrained space mapped onto the
/// feasible region (ω > 0; α, β ≥ 0; α + β < 1; ν bounded), with analytic gradients, from the best
/// of a small grid of starting points.
public struct GARCHModel: Sendable {
    /// The error distribution.
    public enum Distribution: String, Sendable, Codable, CaseIterable {
        /// Gaussian errors.
        case normal
        /// Student's t, standardised to unit variance.
        case studentT = "t"
    }

    /// The fewest returns a fit accepts.
    public static let minimumObservations = 250

    /// The error distribution.
    public let distribution: Distribution

    /// Creates a model.
    public init(distribution: Distribution = .normal) {
        self.distribution = distribution
    }

    static let maxPersistence = 1 - 1e-7
    static let nuLower = 2.05, nuUpper = 500.0

    /// Fits the model to `returns` (already scaled; `arch` users conventionally multiply by 100).
    public func fit(_ returns: [Double]) throws(FinanceError) -> GARCHFit {
        guard returns.count >= Self.minimumObservations else {
            throw .tooFewObservations(method: "GARCH(1,1)", needed: Self.minimumObservations, got: returns.count)
        }
        let (mean, sd) = ValueAtRisk.moments(returns)
        guard sd > 1e-12 * max(1, abs(mean)) else { throw .invalidParameter(name: "returns", reason: "are constant; GARCH needs variation") }
        let variance = sd * sd
        let tau = min(75, returns.count)
        var weightSum = 0.0, backcast = 0.0, w = 1.0
        for i in 0..<tau {
            backcast += w * (returns[i] - mean) * (returns[i] - mean)
            weightSum += w
            w *= 0.94
        }
        backcast /= weightSum

        let likelihood = Likelihood(returns: returns, backcast: backcast, distribution: distribution)
        // Starting grid: persistence × share of α, ω from the sample variance.
        var best: (u: [Double], value: Double)?
        for persistence in [0.90, 0.97, 0.99] {
            for alphaShare in [0.03, 0.08, 0.15] {
                let alpha = persistence * alphaShare, beta = persistence - alpha
                let params = Parameters(mu: mean, omega: variance * (1 - persistence), alpha: alpha, beta: beta, nu: 8)
                let u = Array(params.unconstrained.prefix(distribution == .studentT ? 5 : 4))
                let value = likelihood.negativeLogLikelihood(u, withGradient: false).value
                if value.isFinite, best.map({ value < $0.value }) ?? true { best = (u, value) }
            }
        }
        guard let start = best else { throw .didNotConverge("GARCH(1,1): no starting point has a finite likelihood") }
        let result = QuasiNewton().minimize({ likelihood.negativeLogLikelihood($0, withGradient: true) }, from: start.u)
        guard result.value.isFinite, result.converged || result.gradientNorm < 1e-4 else {
            throw .didNotConverge("GARCH(1,1) maximum likelihood (gradient \(result.gradientNorm) after \(result.iterations) iterations)")
        }
        let p = Parameters(unconstrained: result.point, distribution: distribution)
        let sigma2 = likelihood.lastVariance(p)
        let lastResidual = (returns[returns.count - 1] - p.mu)
        let forecast = p.omega + p.alpha * lastResidual * lastResidual + p.beta * sigma2
        return GARCHFit(distribution: distribution, mu: p.mu, omega: p.omega, alpha: p.alpha, beta: p.beta,
                        nu: distribution == .studentT ? p.nu : nil, logLikelihood: -result.value,
                        observations: returns.count, iterations: result.iterations,
                        gradientNorm: result.gradientNorm, forecastVolatility: forecast.squareRoot())
    }

    /// The log-likelihood of given parameters (for comparisons with other fitters).
    public func logLikelihood(_ returns: [Double], mu: Double, omega: Double, alpha: Double, beta: Double, nu: Double? = nil) -> Double {
        let mean = returns.reduce(0, +) / Double(max(returns.count, 1))
        let tau = min(75, returns.count)
        var weightSum = 0.0, backcast = 0.0, w = 1.0
        for i in 0..<tau {
            backcast += w * (returns[i] - mean) * (returns[i] - mean)
            weightSum += w
            w *= 0.94
        }
        let likelihood = Likelihood(returns: returns, backcast: backcast / weightSum, distribution: distribution)
        return likelihood.logLikelihood(Parameters(mu: mu, omega: omega, alpha: alpha, beta: beta, nu: nu ?? 8))
    }

    /// Model parameters and their map to and from the unconstrained optimisation space:
    /// u = (μ, ln ω, logit(s), logit(α/s), logit((ν − 2.05)/(500 − 2.05))) with s = α + β scaled to (0, 1 − 1e-7).
    struct Parameters {
        var mu, omega, alpha, beta, nu: Double

        init(mu: Double, omega: Double, alpha: Double, beta: Double, nu: Double) {
            self.mu = mu
            self.omega = omega
            self.alpha = alpha
            self.beta = beta
            self.nu = nu
        }

        init(unconstrained u: [Double], distribution: Distribution) {
            mu = u[0]
            omega = _exp(u[1])
            let s = GARCHModel.maxPersistence * logistic(u[2])
            let share = logistic(u[3])
            alpha = s * share
            beta = s * (1 - share)
            nu = distribution == .studentT ? GARCHModel.nuLower + (GARCHModel.nuUpper - GARCHModel.nuLower) * logistic(u[4]) : 8
        }

        var unconstrained: [Double] {
            let s = (alpha + beta) / GARCHModel.maxPersistence
            return [mu, _log(omega), logit(s), logit(alpha / (alpha + beta)),
                    logit((nu - GARCHModel.nuLower) / (GARCHModel.nuUpper - GARCHModel.nuLower))]
        }
    }

    /// The likelihood and its gradient by the variance recursion's derivatives.
    struct Likelihood {
        let returns: [Double]
        let backcast: Double
        let distribution: Distribution

        func lastVariance(_ p: Parameters) -> Double {
            var sigma2 = p.omega + (p.alpha + p.beta) * backcast
            for t in 1..<returns.count {
                let e = returns[t - 1] - p.mu
                sigma2 = p.omega + p.alpha * e * e + p.beta * sigma2
            }
            return sigma2
        }

        func logLikelihood(_ p: Parameters) -> Double {
            var total = 0.0
            var sigma2 = p.omega + (p.alpha + p.beta) * backcast
            let constant = distribution == .normal ? 0 : tConstant(p.nu)
            for t in 0..<returns.count {
                if t > 0 {
                    let e = returns[t - 1] - p.mu
                    sigma2 = p.omega + p.alpha * e * e + p.beta * sigma2
                }
                let e = returns[t] - p.mu
                switch distribution {
                case .normal:
                    total += -0.5 * (logTwoPi + _log(sigma2) + e * e / sigma2)
                case .studentT:
                    total += constant - 0.5 * _log(sigma2) - (p.nu + 1) / 2 * _log(1 + e * e / (sigma2 * (p.nu - 2)))
                }
            }
            return total
        }

        func tConstant(_ nu: Double) -> Double {
            SpecialFunctions.logGamma((nu + 1) / 2) - SpecialFunctions.logGamma(nu / 2) - 0.5 * _log(Double.pi * (nu - 2))
        }

        /// −ℓ and its gradient with respect to the unconstrained vector.
        func negativeLogLikelihood(_ u: [Double], withGradient: Bool) -> (value: Double, gradient: [Double]) {
            let k = distribution == .studentT ? 5 : 4
            let p = Parameters(unconstrained: u, distribution: distribution)
            guard withGradient else { return (-logLikelihood(p), []) }
            var ll = 0.0
            // d ℓ / d (μ, ω, α, β, ν)
            var g = [0.0, 0.0, 0.0, 0.0, 0.0]
            var sigma2 = p.omega + (p.alpha + p.beta) * backcast
            // d σ² / d (μ, ω, α, β)
            var ds = (mu: 0.0, omega: 1.0, alpha: backcast, beta: backcast)
            let nu = p.nu
            let constant = distribution == .normal ? 0 : tConstant(nu)
            let dConstant = distribution == .normal ? 0
                : 0.5 * SpecialFunctions.digamma((nu + 1) / 2) - 0.5 * SpecialFunctions.digamma(nu / 2) - 0.5 / (nu - 2)
            for t in 0..<returns.count {
                if t > 0 {
                    let e = returns[t - 1] - p.mu
                    let previous = sigma2
                    sigma2 = p.omega + p.alpha * e * e + p.beta * previous
                    ds = (mu: -2 * p.alpha * e + p.beta * ds.mu,
                          omega: 1 + p.beta * ds.omega,
                          alpha: e * e + p.beta * ds.alpha,
                          beta: previous + p.beta * ds.beta)
                }
                guard sigma2 > 0, sigma2.isFinite else { return (.infinity, [Double](repeating: 0, count: k)) }
                let e = returns[t] - p.mu
                let dSigma2: Double, dE: Double
                switch distribution {
                case .normal:
                    ll += -0.5 * (logTwoPi + _log(sigma2) + e * e / sigma2)
                    dSigma2 = -0.5 * (1 / sigma2 - e * e / (sigma2 * sigma2))
                    dE = -e / sigma2
                case .studentT:
                    let a = (nu + 1) / 2
                    let z = e * e / (sigma2 * (nu - 2))
                    ll += constant - 0.5 * _log(sigma2) - a * _log(1 + z)
                    dSigma2 = -0.5 / sigma2 + a * z / (sigma2 * (1 + z))
                    dE = -a * 2 * e / (sigma2 * (nu - 2)) / (1 + z)
                    g[4] += dConstant - 0.5 * _log(1 + z) + a * z / ((nu - 2) * (1 + z))
                }
                g[0] += -dE + dSigma2 * ds.mu
                g[1] += dSigma2 * ds.omega
                g[2] += dSigma2 * ds.alpha
                g[3] += dSigma2 * ds.beta
            }
            // Chain rule to u.
            let s = p.alpha + p.beta
            let sigS = s / GARCHModel.maxPersistence
            let share = p.alpha / s
            let dsdu2 = GARCHModel.maxPersistence * sigS * (1 - sigS)
            let dShare = share * (1 - share)
            var gu = [Double](repeating: 0, count: k)
            gu[0] = g[0]
            gu[1] = g[1] * p.omega
            // α = s·share, β = s·(1 − share)
            gu[2] = (g[2] * share + g[3] * (1 - share)) * dsdu2
            gu[3] = (g[2] - g[3]) * s * dShare
            if k == 5 {
                let span = GARCHModel.nuUpper - GARCHModel.nuLower
                let l = (nu - GARCHModel.nuLower) / span
                gu[4] = g[4] * span * l * (1 - l)
            }
            return (-ll, gu.map { -$0 })
        }
    }
}

private let logTwoPi = _log(2 * Double.pi)

@inline(__always) private func logistic(_ x: Double) -> Double {
    x >= 0 ? 1 / (1 + _exp(-x)) : _exp(x) / (1 + _exp(x))
}

@inline(__always) private func logit(_ p: Double) -> Double {
    let q = min(max(p, 1e-12), 1 - 1e-12)
    return _log(q / (1 - q))
}
