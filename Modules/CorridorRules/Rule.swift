public import CorridorModel

/// One row of a decision: in force over `effective`, it holds when `when` is true and then gives
/// its outputs.
public final class Rule: Sendable {
    /// The rule id, unique in its pack.
    public let id: String
    /// When the rule is in force.
    public let effective: EffectivePeriod
    /// The condition (Bool).
    public let when: CompiledExpression
    /// The outputs, by name, each an expression of the output's declared type.
    public let then: [String: CompiledExpression]
    /// The priority under the hit policy `priority` (higher wins).
    public let priority: Int
    /// The id of the pack source the rule rests on.
    public let source: String
    /// One sentence on what the rule does (used by `packs diff`).
    public let summary: String
    /// The HS prefixes the rule touches (empty: every product), for `packs diff` and the alerts.
    public let hsPrefixes: [String]
    /// The line in the pack file where the rule starts.
    public let line: Int?
    /// A digest of the rule's text, so `packs diff` sees a changed rule with the same id.
    public let fingerprint: String

    /// The outputs when every one is a literal, built once at load (then no evaluation is needed).
    let literalOutputs: [String: RuleValue]?

    init(id: String, effective: EffectivePeriod, when: CompiledExpression, then: [String: CompiledExpression], priority: Int,
         source: String, summary: String, hsPrefixes: [String], line: Int?, fingerprint: String) {
        self.id = id
        self.effective = effective
        self.when = when
        self.then = then
        self.priority = priority
        self.source = source
        self.summary = summary
        self.hsPrefixes = hsPrefixes
        self.line = line
        self.fingerprint = fingerprint
        var values: [String: RuleValue]? = [:]
        for (name, expression) in then {
            guard let v = expression.literal else { values = nil; break }
            values?[name] = v
        }
        self.literalOutputs = values
    }
}
