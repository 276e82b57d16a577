/// The result of evaluating an expression: a value, or the facts that are missing for one.
///
/// Logic is three-valued (Kleene): `false and ?` is false and `true or ?` is true, so a question is
/// only asked when its answer can change the result.
public enum RuleOutcome: Hashable, Sendable {
    /// The expression has a value.
    case value(RuleValue)
    /// The value depends on facts that were not supplied (their names).
    case missing(Set<String>)

    /// The value, or nil when facts are missing.
    public var value: RuleValue? {
        if case .value(let v) = self { return v }
        return nil
    }

    /// The missing facts (empty when there is a value).
    public var missingFacts: Set<String> {
        if case .missing(let facts) = self { return facts }
        return []
    }
}
