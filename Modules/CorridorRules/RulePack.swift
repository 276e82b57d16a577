public import CorridorModel

/// A versioned, cited, effective-dated set of decisions for one jurisdiction, loaded from YAML.
///
/// See Docs/RULE-PACKS.md for the format. Packs are data: a rule change is a new pack version, and
/// every quote records the id, version and SHA-256 of each pack it used.
public struct RulePack: Sendable {
    /// The pack id, e.g. `eu-low-value`.
    public let id: String
    /// The version, e.g. `2026.2`.
    public let version: String
    /// A title for people.
    public let title: String
    /// The jurisdiction (`EU`, `US`, `CN`, …).
    public let jurisdiction: String
    /// The destination countries the pack answers for (ISO alpha-2); `*` in an overlay means all.
    public let markets: [String]
    /// Whether the pack is an overlay: it adds warnings (restrictions, CBAM) to the quotes of its
    /// markets on top of the market's own pack, and decides no regime.
    public let overlay: Bool
    /// The currency the jurisdiction assesses in.
    public let currency: CurrencyCode
    /// When this version was published.
    public let published: CivilDate
    /// The legal sources, in the order written.
    public let sources: [RuleSource]
    /// The facts the pack declares beyond the built-in ones, by name.
    public let facts: [String: FactDeclaration]
    /// Lookup tables, by name.
    public let tables: [String: RuleTable]
    /// The decisions, in order.
    public let decisions: [DecisionTable]
    /// The golden cases.
    public let cases: [GoldenCase]
    /// The SHA-256 of the file's bytes, lower-case hex.
    public let sha256: String
    /// Where the pack was read from.
    public let file: String
    /// The file's text, kept so a decision can be replayed against exactly this pack.
    public let text: String

    /// The decision with this id.
    public func decision(_ id: String) -> DecisionTable? { decisions.first { $0.id == id } }

    /// Whether the pack applies to quotes for `destination`.
    public func covers(_ destination: String) -> Bool { markets.contains(destination) || (overlay && markets.contains("*")) }

    /// The source with this id.
    public func source(_ id: String) -> RuleSource? { sources.first { $0.id == id } }
}
