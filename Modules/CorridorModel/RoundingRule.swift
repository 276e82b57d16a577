public import Foundation

/// How an amount is rounded to a currency's minor units.
public enum RoundingRule: String, Sendable, Codable, CaseIterable {
    /// Half away from zero (2.345 → 2.35, −2.345 → −2.35): the usual commercial and customs rule.
    case halfAwayFromZero
    /// Half to even, the banker's rule (2.345 → 2.34, 2.355 → 2.36).
    case halfEven
    /// Towards negative infinity.
    case down
    /// Towards positive infinity.
    case up

    var mode: NSDecimalNumber.RoundingMode {
        switch self {
        case .halfAwayFromZero: .plain
        case .halfEven: .bankers
        case .down: .down
        case .up: .up
        }
    }
}
