/// How much an event matters to an exporter. Global Trade Alert's evaluation maps to it as
/// green → low, amber → medium, red → high.
public enum AlertSeverity: String, Sendable, Codable, CaseIterable, Comparable {
    case low, medium, high, critical

    /// The order low < medium < high < critical.
    public var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool { lhs.rank < rhs.rank }

    /// The GTA evaluation colour (`Red`, `Amber`, `Green`) as a severity, or `nil` for another word.
    public init?(gtaEvaluation colour: String) {
        switch colour.lowercased() {
        case "red": self = .high
        case "amber": self = .medium
        case "green": self = .low
        default: return nil
        }
    }
}
