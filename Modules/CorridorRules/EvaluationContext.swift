public import CorridorModel

/// What an evaluation reads: the supplied facts, the business date, and the exchange rates.
///
/// The date is a parameter, never the clock, so the same context always gives the same answer.
public struct EvaluationContext: Sendable {
    /// The facts supplied, by name (`consignment.value`, `seller.ioss_registered`, `line.code`).
    public var facts: [String: RuleValue]
    /// Facts of a narrower scope (one line's), read before `facts`; kept apart so the consignment's
    /// facts are not copied for every line.
    public var local: [String: RuleValue]
    /// The business date the rules are evaluated at.
    public let asOf: CivilDate
    /// Converts money between currencies when an expression mixes them.
    public let converter: CurrencyConverter?

    /// Creates a context.
    public init(facts: [String: RuleValue], local: [String: RuleValue] = [:], asOf: CivilDate, converter: CurrencyConverter?) {
        self.facts = facts
        self.local = local
        self.asOf = asOf
        self.converter = converter
    }

    /// The fact `name`: the local value if there is one, else the shared one.
    public subscript(fact name: String) -> RuleValue? {
        if !local.isEmpty, let value = local[name] { return value }
        return facts[name]
    }
}
