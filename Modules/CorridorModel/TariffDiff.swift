import Foundation

/// The differences between two releases of one national tariff, sorted by code then kind.
public struct TariffDiff: Hashable, Sendable, Codable {
    /// The older release.
    public let from: String
    /// The newer release.
    public let to: String
    /// Every change, sorted by code, then kind, then field.
    public let changes: [TariffChange]

    /// Creates a diff.
    public init(from: String, to: String, changes: [TariffChange]) {
        self.from = from
        self.to = to
        self.changes = changes
    }

    /// How many changes of each kind.
    public var counts: [TariffChange.Kind: Int] {
        changes.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }
}
