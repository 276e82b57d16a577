/// What a decision gave: the rules that held with their outputs, and the facts it still needs.
public struct DecisionResult: Hashable, Sendable {
    /// A rule that held.
    public struct Match: Hashable, Sendable {
        /// The rule id.
        public let rule: String
        /// The source it rests on.
        public let source: String
        /// Its outputs.
        public let outputs: [String: RuleValue]
    }

    /// The decision id.
    public let decision: String
    /// The rules chosen under the hit policy (one at most for first, unique and priority).
    public let matches: [Match]
    /// Facts whose absence leaves the decision (or part of it) open.
    public let missingFacts: Set<String>

    /// Whether the decision is settled (no missing facts).
    public var isSettled: Bool { missingFacts.isEmpty }

    /// The first match's output `name`.
    public func output(_ name: String) -> RuleValue? { matches.first?.outputs[name] }
}
