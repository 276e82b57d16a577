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

    private enum CodingKeys: String, CodingKey { case from, to, counts, changes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(from: try c.decode(String.self, forKey: .from), to: try c.decode(String.self, forKey: .to),
                  changes: try c.decode([TariffChange].self, forKey: .changes))
    }

    /// Encodes `from`, `to`, `counts` (every kind, zero included) and `changes`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        let counts = self.counts
        try c.encode(Dictionary(uniqueKeysWithValues: TariffChange.Kind.allCases.map { ($0.rawValue, counts[$0] ?? 0) }), forKey: .counts)
        try c.encode(changes, forKey: .changes)
    }
}
