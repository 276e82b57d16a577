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
    /// Whether it is an overlay (which only adds warnings).
    public let overlay: Bool

    /// Whether quotes to `destination` are refused because of this pack. A refused market pack stops
    /// its markets' quotes; a refused overlay does not (it only adds warnings): quotes go on without
    /// it, and their `packs` show that it was not applied.
    public func covers(_ destination: String) -> Bool { !overlay && markets.contains(destination) }

    /// The error a quote to one of its markets gets.
    public var error: RulesError { .failingCases(pack: id, failures: failures) }

    /// "id version: case: what differed | …".
    public var reason: String { "\(id) \(version): " + failures.joined(separator: " | ") }
}
