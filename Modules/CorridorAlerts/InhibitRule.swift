public import CorridorModel

/// An Alertmanager inhibition rule: an active alert matching `source` mutes every alert matching
/// `target` that has the same values of the `equal` labels. The default rule lets an adopted
/// measure mute the alerts for its own proposal.
public struct InhibitRule: Sendable, Codable, Equatable {
    /// What the muting alert must match.
    public let source: [LabelMatcher]
    /// What the muted alert must match.
    public let target: [LabelMatcher]
    /// Labels that must be equal in both.
    public let equal: [String]

    /// Creates a rule.
    public init(source: [LabelMatcher], target: [LabelMatcher], equal: [String]) {
        self.source = source
        self.target = target
        self.equal = equal
    }

    /// `stage="final"` mutes `stage="proposed"` for the same enterprise, subscription and measure.
    public static let adoptedMutesProposed: InhibitRule = {
        // Both matchers are literal and valid; a failure here would be a programming error caught by the tests.
        let source = (try? LabelMatcher(name: "stage", op: .equal, value: PolicyStage.final.rawValue)).map { [$0] } ?? []
        let target = (try? LabelMatcher(name: "stage", op: .equal, value: PolicyStage.proposed.rawValue)).map { [$0] } ?? []
        return InhibitRule(source: source, target: target, equal: ["enterprise", "subscription", "measure_key"])
    }()

    private enum CodingKeys: String, CodingKey { case source = "source_matchers", target = "target_matchers", equal }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func matchers(_ key: CodingKeys) throws -> [LabelMatcher] {
            try (c.decodeIfPresent([String].self, forKey: key) ?? []).map { (text: String) throws -> LabelMatcher in
                do { return try LabelMatcher(parsing: text) } catch {
                    throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\(error)")
                }
            }
        }
        source = try matchers(.source)
        target = try matchers(.target)
        equal = try c.decodeIfPresent([String].self, forKey: .equal) ?? []
        guard !source.isEmpty, !target.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .source, in: c, debugDescription: "an inhibit rule needs source_matchers and target_matchers")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source.map(\.description), forKey: .source)
        try c.encode(target.map(\.description), forKey: .target)
        try c.encode(equal, forKey: .equal)
    }
}
