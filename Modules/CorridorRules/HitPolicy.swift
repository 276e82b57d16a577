/// How a decision chooses among the rules whose conditions hold (as in DMN decision tables).
public enum HitPolicy: String, Hashable, Sendable, CaseIterable, Codable {
    /// The first rule in order whose condition holds. A rule before it whose condition depends on a
    /// missing fact leaves the decision open, with that fact as a question.
    case first
    /// Exactly one rule may hold; two holding is an error.
    case unique
    /// The holding rule with the highest `priority:`.
    case priority
    /// Every holding rule, in order.
    case collect
}
