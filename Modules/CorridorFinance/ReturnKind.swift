/// How a return is computed from two successive rates.
public enum ReturnKind: String, Sendable, Codable, CaseIterable {
    /// vₜ / vₜ₋₁ − 1, the default for VaR and ES.
    case simple
    /// ln(vₜ / vₜ₋₁).
    case log

    /// The returns of a series of positive values: n values give n − 1 returns.
    public func returns(of values: [Double]) -> [Double] {
        guard values.count > 1 else { return [] }
        var out: [Double] = []
        out.reserveCapacity(values.count - 1)
        for i in 1..<values.count {
            switch self {
            case .simple: out.append(values[i] / values[i - 1] - 1)
            case .log: out.append(_log(values[i] / values[i - 1]))
            }
        }
        return out
    }
}
