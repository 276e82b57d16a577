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
        let likelihood = Likelihood(returns: returns, backcast: Self.backcast(returns, mean: mean), distribution: distribution)
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
        // The inverse of the BHHH information at the start scales the first steps, so that μ (sharp)
        // and the variance parameters (flat) move by their own amounts.
        let k = start.u.count
        let information = likelihood.scoreOuterProduct(start.u)
        let inverse = (0..<k).map { j in
            LogisticRegression.solveSymmetric(information, (0..<k).map { $0 == j ? 1.0 : 0.0 }, n: k)
        }
        var optimiser = QuasiNewton()
        if inverse.allSatisfy({ $0 != nil }) { optimiser.initialInverseHessian = inverse.compactMap { $0 } }
        let result = optimiser.minimize({ likelihood.negativeLogLikelihood($0, withGradient: true) }, from: start.u)
        guard result.value.isFinite, result.converged || result.gradientNorm < 1e-4 else {
            throw .didNotConverge("GARCH(1,1) maximum likelihood (gradient \(result.gradientNorm) after \(result.iterations) iterations)")
        }
        let p = Parameters(unconstrained: result.point, distribution: distribution)
        let sigma2 = likelihood.lastVariance(p)
        let lastResidual = (returns[returns.count - 1] - p.mu)
        let forecast = p.omega + p.alpha * lastResidual * lastResidual + p.beta * sigma2
        return GARCHFit(distribution: distribution, mu: p.mu, omega: p.omega, alpha: p.alpha, beta: p.beta,
                        nu: distribution == .studentT ? p.nu : nil, logLikelihood: -result.value,
                        observations: returns.count, iterations: result.iterations, evaluations: result.evaluations,
                        gradientNorm: result.gradientNorm, forecastVolatility: forecast.squareRoot())
    }

    /// The first variance: squared residuals around `mean` of the first 75 returns, weighted 0.94ⁱ.
    static func backcast(_ returns: [Double], mean: Double) -> Double {
        var weightSum = 0.0, total = 0.0, w = 1.0
        for i in 0..<min(75, returns.count) {
            total += w * (returns[i] - mean) * (returns[i] - mean)
            weightSum += w
            w *= 0.94
        }
        return weightSum > 0 ? total / weightSum : 0
    }

    /// Model parameters and their map to and from the unconstrained optimisation space:
    /// u = (μ, ln ω, logit(s), logit(α/s), ln(ν − 2.05)) with s = α + β scaled to (0, 1 − 1e-7) and ν capped at 500.
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
            // ν − 2.05 on a log scale (the likelihood is close to quadratic there), capped at 500.
            nu = distribution == .studentT ? min(GARCHModel.nuLower + _exp(u[4]), GARCHModel.nuUpper) : 8
        }

        var unconstrained: [Double] {
            let s = (alpha + beta) / GARCHModel.maxPersistence
            return [mu, _log(omega), logit(s), logit(alpha / (alpha + beta)),
                    _log(max(nu - GARCHModel.nuLower, 1e-12))]
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
            let p = Parameters(unconstrained: u, distribution: distribution)
            guard withGradient else { return (-logLikelihood(p), []) }
            let result = evaluate(u, outerProduct: false)
            return (result.value, result.gradient)
        }

        /// The outer product of the per-observation scores in the unconstrained space (the BHHH
        /// estimate of the information matrix), k × k row-major.
        func scoreOuterProduct(_ u: [Double]) -> [Double] {
            evaluate(u, outerProduct: true).outer
        }

        /// One pass over the data: −ℓ, its gradient in u, and optionally the scores' outer product.
        private func evaluate(_ u: [Double], outerProduct: Bool) -> (value: Double, gradient: [Double], outer: [Double]) {
            let k = distribution == .studentT ? 5 : 4
            let p = Parameters(unconstrained: u, distribution: distribution)
            var ll = 0.0
            // d ℓ / d (μ, ω, α, β, ν)
            var g = [0.0, 0.0, 0.0, 0.0, 0.0]
            var outer = [Double](repeating: 0, count: outerProduct ? k * k : 0)
            var sigma2 = p.omega + (p.alpha + p.beta) * backcast
            // d σ² / d (μ, ω, α, β)
            var ds = (mu: 0.0, omega: 1.0, alpha: backcast, beta: backcast)
            let nu = p.nu
            let constant = distribution == .normal ? 0 : tConstant(nu)
            let dConstant = distribution == .normal ? 0
                : 0.5 * SpecialFunctions.digamma((nu + 1) / 2) - 0.5 * SpecialFunctions.digamma(nu / 2) - 0.5 / (nu - 2)
            let a = (nu + 1) / 2, inverseNuMinus2 = 1 / (nu - 2)
            // The Jacobian of θ with respect to u.
            let s = p.alpha + p.beta
            let sigS = s / GARCHModel.maxPersistence
            let share = p.alpha / s
            let dsdu2 = GARCHModel.maxPersistence * sigS * (1 - sigS)
            let dShare = share * (1 - share)
            let dNu = nu < GARCHModel.nuUpper ? nu - GARCHModel.nuLower : 0  // past the cap ν no longer moves
            func toU(_ g: (Double, Double, Double, Double, Double)) -> [Double] {
                // α = s·share, β = s·(1 − share)
                var gu = [g.0, g.1 * p.omega, (g.2 * share + g.3 * (1 - share)) * dsdu2, (g.2 - g.3) * s * dShare]
                if k == 5 { gu.append(g.4 * dNu) }
                return gu
            }
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
                guard sigma2 > 0, sigma2.isFinite else { return (.infinity, [Double](repeating: 0, count: k), outer) }
                let e = returns[t] - p.mu
                let inverse = 1 / sigma2
                let dSigma2: Double, dE: Double
                var dNuT = 0.0
                switch distribution {
                case .normal:
                    let e2 = e * e * inverse
                    ll += -0.5 * (logTwoPi + _log(sigma2) + e2)
                    dSigma2 = -0.5 * inverse * (1 - e2)
                    dE = -e * inverse
                case .studentT:
                    let z = e * e * inverse * inverseNuMinus2
                    let onePlusZ = 1 + z
                    let w = a / onePlusZ
                    ll += constant - 0.5 * _log(sigma2) - a * _log(onePlusZ)
                    dSigma2 = inverse * (w * z - 0.5)
                    dE = -2 * w * e * inverse * inverseNuMinus2
                    dNuT = -0.5 * _log(onePlusZ) + w * z * inverseNuMinus2
                }
                let score = (-dE + dSigma2 * ds.mu, dSigma2 * ds.omega, dSigma2 * ds.alpha, dSigma2 * ds.beta, dNuT + dConstant)
                g[0] += score.0
                g[1] += score.1
                g[2] += score.2
                g[3] += score.3
                g[4] += score.4
                if outerProduct {
                    let su = toU(score)
                    for i in 0..<k {
                        for j in 0..<k { outer[i * k + j] += su[i] * su[j] }
                    }
                }
            }
            let gu = toU((g[0], g[1], g[2], g[3], g[4]))
            return (-ll, gu.map { -$0 }, outer)
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
