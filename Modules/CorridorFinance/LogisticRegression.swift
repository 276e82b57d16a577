/// Logistic regression with an L2 penalty on the coefficients (not the intercept), fitted by
/// iteratively reweighted least squares (Newton's method), which converges in a handful of steps
/// on WoE-transformed features.
public struct LogisticRegression: Sendable, Codable, Equatable {
    /// The intercept.
    public let intercept: Double
    /// One coefficient per feature column.
    public let coefficients: [Double]
    /// Newton iterations used.
    public let iterations: Int

    /// Creates a model from known parameters.
    public init(intercept: Double, coefficients: [Double], iterations: Int = 0) {
        self.intercept = intercept
        self.coefficients = coefficients
        self.iterations = iterations
    }

    /// Fits P(event | x) = 1 / (1 + exp(−(b₀ + b·x))) by penalised maximum likelihood:
    /// maximise ℓ(b) − (l2 / 2)‖b‖².
    public static func fit(_ rows: [[Double]], events: [Bool], l2: Double = 1.0, maxIterations: Int = 100) throws(FinanceError) -> LogisticRegression {
        guard rows.count == events.count, let width = rows.first?.count else {
            throw .invalidParameter(name: "rows", reason: "need one row per outcome and at least one row")
        }
        guard rows.allSatisfy({ $0.count == width }) else { throw .invalidParameter(name: "rows", reason: "rows have different widths") }
        guard l2 >= 0 else { throw .invalidParameter(name: "l2", reason: "must be zero or positive") }
        let p = width + 1
        var beta = [Double](repeating: 0, count: p)
        let rate = Double(events.filter { $0 }.count) / Double(events.count)
        guard rate > 0, rate < 1 else { throw .targetNotBinary(column: "target", values: [rate == 0 ? "non-event only" : "event only"]) }
        beta[0] = _log(rate / (1 - rate))
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            var hessian = [Double](repeating: 0, count: p * p)
            var gradient = [Double](repeating: 0, count: p)
            var x = [Double](repeating: 1, count: p)
            for (row, y) in zip(rows, events) {
                for j in 0..<width { x[j + 1] = row[j] }
                var eta = 0.0
                for j in 0..<p { eta += beta[j] * x[j] }
                let mu = 1 / (1 + _exp(-eta))
                let w = max(mu * (1 - mu), 1e-12)
                let residual = (y ? 1 : 0) - mu
                for a in 0..<p {
                    gradient[a] += residual * x[a]
                    let wa = w * x[a]
                    for b in a..<p { hessian[a * p + b] += wa * x[b] }
                }
            }
            for a in 0..<p {
                for b in 0..<a { hessian[a * p + b] = hessian[b * p + a] }
            }
            for j in 1..<p {
                gradient[j] -= l2 * beta[j]
                hessian[j * p + j] += l2
            }
            guard let step = solveSymmetric(hessian, gradient, n: p) else {
                throw .didNotConverge("logistic regression (the features are collinear; drop duplicates or raise the L2 penalty)")
            }
            var largest = 0.0
            for j in 0..<p {
                beta[j] += step[j]
                largest = max(largest, abs(step[j]))
            }
            if largest < 1e-10 { break }
            if iterations == maxIterations { throw .didNotConverge("logistic regression after \(maxIterations) Newton steps") }
        }
        return LogisticRegression(intercept: beta[0], coefficients: Array(beta[1...]), iterations: iterations)
    }

    /// The linear predictor b₀ + b·x (the log-odds of the event).
    public func logOdds(_ row: [Double]) -> Double {
        zip(coefficients, row).reduce(intercept) { $0 + $1.0 * $1.1 }
    }

    /// P(event | x).
    public func probability(_ row: [Double]) -> Double {
        1 / (1 + _exp(-logOdds(row)))
    }

    /// Solves A x = b for a symmetric positive-definite A by Cholesky; `nil` when A is not.
    static func solveSymmetric(_ a: [Double], _ b: [Double], n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = a[i * n + j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard s > 1e-14 else { return nil }
                    l[i * n + i] = s.squareRoot()
                } else {
                    l[i * n + j] = s / l[j * n + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = b[i]
            for k in 0..<i { s -= l[i * n + k] * y[k] }
            y[i] = s / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = y[i]
            for k in (i + 1)..<n { s -= l[k * n + i] * x[k] }
            x[i] = s / l[i * n + i]
        }
        return x
    }
}
