/// An expression checked and turned into a closure once, when its pack loads.
public struct CompiledExpression: Sendable {
    /// The evaluation closure.
    public typealias Evaluator = @Sendable (EvaluationContext) throws(RulesError) -> RuleOutcome

    /// The expression's text as written in the pack.
    public let source: String
    /// Its static type.
    public let type: RuleType
    /// The facts it may read.
    public let facts: Set<String>
    let evaluator: Evaluator
    /// The value, when the expression is a literal (reads no fact and not the date).
    let literal: RuleValue?

    init(source: String, type: RuleType, facts: Set<String>, evaluator: @escaping Evaluator, literal: RuleValue? = nil) {
        self.source = source
        self.type = type
        self.facts = facts
        self.evaluator = evaluator
        self.literal = literal
    }

    /// Evaluates the expression in `context`.
    public func evaluate(in context: EvaluationContext) throws(RulesError) -> RuleOutcome {
        try evaluator(context)
    }
}
