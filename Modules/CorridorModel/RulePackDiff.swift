/// What changed between two versions of a rule pack: the format `corridor-rules packs diff` emits
/// and the alerts engine ingests as events, so that both sides share one definition.
///
/// ```json
/// {"pack":"eu-low-value","from_version":"2026.1","to_version":"2026.2","jurisdiction":"EU","published":"2026-06-15",
///  "changes":[{"rule":"eu-customs-flat-3","kind":"added","hs_prefixes":[],"markets":["EU"],"effective":"2026-07-01",
///              "summary":"EUR 3 per tariff subheading for IOSS consignments"}]}
/// ```
public struct RulePackDiff: Hashable, Sendable, Codable {
    /// How a rule changed.
    public enum ChangeKind: String, Hashable, Sendable, Codable, CaseIterable {
        case added, removed, modified
    }

    /// One rule's change.
    public struct Change: Hashable, Sendable, Codable {
        /// The rule id.
        public let rule: String
        /// Added, removed or modified.
        public let kind: ChangeKind
        /// The HS prefixes the rule touches (empty: every product).
        public let hsPrefixes: [String]
        /// The markets it touches (ISO alpha-2 or EU).
        public let markets: [String]
        /// When the changed rule takes effect.
        public let effective: CivilDate?
        /// What changed, in a sentence.
        public let summary: String

        /// Creates a change.
        public init(rule: String, kind: ChangeKind, hsPrefixes: [String], markets: [String], effective: CivilDate?, summary: String) {
            self.rule = rule
            self.kind = kind
            self.hsPrefixes = hsPrefixes
            self.markets = markets
            self.effective = effective
            self.summary = summary
        }

        enum CodingKeys: String, CodingKey {
            case rule, kind, hsPrefixes = "hs_prefixes", markets, effective, summary
        }
    }

    /// The pack id.
    public let pack: String
    /// The version compared from.
    public let fromVersion: String
    /// The version compared to.
    public let toVersion: String
    /// The pack's jurisdiction.
    public let jurisdiction: String
    /// When the new version was published.
    public let published: CivilDate
    /// The rules that changed.
    public let changes: [Change]

    /// Creates a diff.
    public init(pack: String, fromVersion: String, toVersion: String, jurisdiction: String, published: CivilDate, changes: [Change]) {
        self.pack = pack
        self.fromVersion = fromVersion
        self.toVersion = toVersion
        self.jurisdiction = jurisdiction
        self.published = published
        self.changes = changes
    }

    enum CodingKeys: String, CodingKey {
        case pack, fromVersion = "from_version", toVersion = "to_version", jurisdiction, published, changes
    }
}
