import CorridorModel

/// A decision in a pack: typed outputs, a hit policy, and rules in order.
public struct DecisionTable: Sendable {
    /// The decision id (`regime`, `taxes`, `warnings`, …).
    public let id: String
    /// Consignment or line.
    public let scope: DecisionScope
    /// How rules are chosen.
    public let hit: HitPolicy
    /// The output names and their types, in declared order.
    public let outputs: [(name: String, type: RuleType)]
    /// The rules, in order.
    public let rules: [Rule]

    /// Evaluates the decision in `context` under its hit policy.
    ///
    /// Only rules in force on `context.asOf` take part. When none is in force, the date is outside
    /// the decision's periods and that is an error, never an empty answer.
    public func evaluate(in context: EvaluationContext, pack: String) throws(RulesError) -> DecisionResult {
        switch hit {
        case .first: return try evaluateFirst(in: context, pack: pack)
        case .collect: return try evaluateCollect(in: context, pack: pack)
        case .unique, .priority: return try evaluateOne(in: context, pack: pack)
        }
    }

    /// The hit policies that choose one rule: `unique` and `priority`.
    private func evaluateOne(in context: EvaluationContext, pack: String) throws(RulesError) -> DecisionResult {
        let live = rules.filter { $0.effective.contains(asOf: context.asOf) }
        guard !live.isEmpty else { throw .noRuleInForce(pack: pack, decision: id, asOf: context.asOf.description) }
        var held: [Rule] = []
        var open: [(rule: Rule, facts: Set<String>)] = []
        for rule in live {
            switch try rule.when.evaluate(in: context) {
            case .value(.bool(true)): held.append(rule)
            case .value: continue
            case .missing(let facts): open.append((rule, facts))
            }
        }
        // Under `unique` every holding rule counts; under `priority` only those at the top priority,
        // and an open rule that could reach that priority leaves the decision open.
        let top = hit == .priority ? held.map(\.priority).max() : nil
        let best = hit == .priority ? held.filter { $0.priority == top } : held
        if best.count > 1 { throw .ambiguousRules(pack: pack, decision: id, rules: best.map(\.id)) }
        let contenders = hit == .priority ? open.filter { $0.rule.priority >= (top ?? Int.min) } : open
        var missing = contenders.reduce(into: Set<String>()) { $0.formUnion($1.facts) }
        let chosen = missing.isEmpty ? best : []
        var matches: [DecisionResult.Match] = []
        for rule in chosen { matches.append(try outputs(of: rule, in: context, missing: &missing)) }
        return DecisionResult(decision: id, matches: matches, missingFacts: missing)
    }

    /// The hit policy `first` without intermediate arrays: the commonest policy, on the quote's hot path.
    private func evaluateFirst(in context: EvaluationContext, pack: String) throws(RulesError) -> DecisionResult {
        var anyInForce = false
        for rule in rules where rule.effective.contains(asOf: context.asOf) {
            anyInForce = true
            switch try rule.when.evaluate(in: context) {
            case .value(.bool(true)):
                var missing = Set<String>()
                let match = try outputs(of: rule, in: context, missing: &missing)
                return DecisionResult(decision: id, matches: [match], missingFacts: missing)
            case .value:
                continue
            case .missing(let facts):
                // A rule before the first holding one is open: the answer depends on its facts.
                return DecisionResult(decision: id, matches: [], missingFacts: facts)
            }
        }
        guard anyInForce else { throw .noRuleInForce(pack: pack, decision: id, asOf: context.asOf.description) }
        return DecisionResult(decision: id, matches: [], missingFacts: [])
    }

    /// The hit policy `collect` without intermediate arrays (overlays evaluate it for every line).
    private func evaluateCollect(in context: EvaluationContext, pack: String) throws(RulesError) -> DecisionResult {
        var anyInForce = false
        var matches: [DecisionResult.Match] = []
        var missing = Set<String>()
        for rule in rules where rule.effective.contains(asOf: context.asOf) {
            anyInForce = true
            switch try rule.when.evaluate(in: context) {
            case .value(.bool(true)): matches.append(try outputs(of: rule, in: context, missing: &missing))
            case .value: continue
            case .missing(let facts): missing.formUnion(facts)
            }
        }
        guard anyInForce else { throw .noRuleInForce(pack: pack, decision: id, asOf: context.asOf.description) }
        return DecisionResult(decision: id, matches: matches, missingFacts: missing)
    }

    private func outputs(of rule: Rule, in context: EvaluationContext, missing: inout Set<String>) throws(RulesError) -> DecisionResult.Match {
        if let literal = rule.literalOutputs { return .init(rule: rule.id, source: rule.source, outputs: literal) }
        var values: [String: RuleValue] = Dictionary(minimumCapacity: outputs.count)
        for (name, _) in outputs {
            guard let expression = rule.then[name] else { continue }
            switch try expression.evaluate(in: context) {
            case .value(let v): values[name] = v
            case .missing(let facts): missing.formUnion(facts)
            }
        }
        return .init(rule: rule.id, source: rule.source, outputs: values)
    }
}
