/// A pack left out at load because one of its golden cases failed.
public struct RefusedPack: Sendable, Hashable, Encodable {
    /// The pack id.
    public let id: String
    /// Its version.
    public let version: String
    /// The markets it would have covered (quotes to them are refused with `reason`).
    public let markets: [String]
    /// The failing cases and what differed.
    public let failures: [String]

    /// Whether quotes to `destination` are refused because of this pack (an overlay with `*` covers all).
    public func covers(_ destination: String) -> Bool { markets.contains(destination) || markets.contains("*") }

    /// The error a quote to one of its markets gets.
    public var error: RulesError { .failingCases(pack: id, failures: failures) }

    /// "id version: case: what differed | …".
    public var reason: String { "\(id) \(version): " + failures.joined(separator: " | ") }
}
