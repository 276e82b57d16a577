public import CorridorModel

/// What an evaluation reads: the supplied facts, the business date, and the exchange rates.
///
/// The date is a parameter, never the clock, so the same context always gives the same answer.
public struct EvaluationContext: Sendable {
    /// The facts supplied, by name (`consignment.value`, `seller.ioss_registered`, `line.code`).
    public var facts: [String: RuleValue]
    /// The business date the rules are evaluated at.
    public let asOf: CivilDate
    /// Converts money between currencies when an expression mixes them.
    public let converter: CurrencyConverter?

    /// Creates a context.
    public init(facts: [String: RuleValue], asOf: CivilDate, converter: CurrencyConverter?) {
        self.facts = facts
        self.asOf = asOf
        self.converter = converter
    }
}
