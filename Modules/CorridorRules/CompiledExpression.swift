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

    /// Evaluates the expression in `context`.
    public func evaluate(in context: EvaluationContext) throws(RulesError) -> RuleOutcome {
        try evaluator(context)
    }
}
