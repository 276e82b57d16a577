/// An unconstrained minimiser (BFGS with a backtracking Armijo line search) for smooth objectives
/// with analytic gradients. Constrained problems are first mapped to an unconstrained space.
struct QuasiNewton {
    /// The objective: value and gradient at a point.
    typealias Objective = ([Double]) -> (value: Double, gradient: [Double])

    /// The result of a minimisation.
    struct Result {
        let point: [Double]
        let value: Double
        let gradientNorm: Double
        let iterations: Int
        let evaluations: Int
        let converged: Bool
    }

    var maxIterations = 500
    var gradientTolerance = 1e-8
    /// A starting inverse Hessian (e.g. from the BHHH information); the identity, scaled after the
    /// first step, when `nil`.
    var initialInverseHessian: [[Double]]?

    func minimize(_ f: Objective, from start: [Double]) -> Result {
        let n = start.count
        var x = start
        var (fx, g) = f(x)
        var evaluations = 1
        var h = initialInverseHessian ?? identity(n)
        let scaledStart = initialInverseHessian != nil
        var iterations = 0
        var converged = false
        while iterations < maxIterations {
            iterations += 1
            let gNorm = g.map(abs).max() ?? 0
            if gNorm < gradientTolerance * max(1, abs(fx)) {
                converged = true
                break
            }
            var direction = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var s = 0.0
                for j in 0..<n { s -= h[i][j] * g[j] }
                direction[i] = s
            }
            var slope = zip(direction, g).reduce(0) { $0 + $1.0 * $1.1 }
            if !(slope < 0) {
                // Not a descent direction: restart from steepest descent.
                h = identity(n)
                direction = g.map { -$0 }
                slope = -g.reduce(0) { $0 + $1 * $1 }
            }
            // The first step, before any curvature is known, is kept to unit length.
            var step = iterations == 1 && !scaledStart ? min(1, 1 / max(direction.map(abs).max() ?? 1, 1e-300)) : 1.0
            var accepted = false
            var xNew = x, fNew = fx, gNew = g
            for _ in 0..<60 {
                xNew = zip(x, direction).map { $0 + step * $1 }
                let trial = f(xNew)
                evaluations += 1
                if trial.value.isFinite, trial.value <= fx + 1e-4 * step * slope {
                    fNew = trial.value
                    gNew = trial.gradient
                    accepted = true
                    break
                }
                // Backtrack to the minimiser of the quadratic through f(x), f'(x) and the trial,
                // kept within [0.1, 0.5] of the step.
                if trial.value.isFinite {
                    let curvature = trial.value - fx - slope * step
                    let minimiser = curvature > 0 ? -slope * step * step / (2 * curvature) : 0.5 * step
                    step = min(max(minimiser, 0.1 * step), 0.5 * step)
                } else {
                    step *= 0.1
                }
            }
            guard accepted else {
                // No decrease along the direction: at the precision limit.
                converged = gNorm < 1e-5 * max(1, abs(fx))
                break
            }
            let s = zip(xNew, x).map { $0 - $1 }
            let y = zip(gNew, g).map { $0 - $1 }
            let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }
            let improvement = fx - fNew
            x = xNew
            fx = fNew
            g = gNew
            if sy > 1e-12 {
                if iterations == 1, !scaledStart {
                    // Shanno–Phua: scale the initial inverse Hessian to the curvature just seen.
                    let yy = y.reduce(0) { $0 + $1 * $1 }
                    let scale = sy / yy
                    for i in 0..<n { h[i][i] = scale }
                }
                update(&h, s: s, y: y, sy: sy)
            }
            if improvement >= 0, improvement < 1e-15 * max(1, abs(fx)), (g.map(abs).max() ?? 0) < 1e-6 * max(1, abs(fx)) {
                converged = true
                break
            }
        }
        let gNorm = g.map(abs).max() ?? 0
        return Result(point: x, value: fx, gradientNorm: gNorm, iterations: iterations, evaluations: evaluations, converged: converged)
    }

    private func identity(_ n: Int) -> [[Double]] {
        (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } }
    }

    /// The BFGS update of the inverse Hessian.
    private func update(_ h: inout [[Double]], s: [Double], y: [Double], sy: Double) {
        let n = s.count
        let rho = 1 / sy
        var hy = [Double](repeating: 0, count: n)
        for i in 0..<n {
            for j in 0..<n { hy[i] += h[i][j] * y[j] }
        }
        let yhy = zip(y, hy).reduce(0) { $0 + $1.0 * $1.1 }
        for i in 0..<n {
            for j in 0..<n {
                h[i][j] += (1 + rho * yhy) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j])
            }
        }
    }
}
