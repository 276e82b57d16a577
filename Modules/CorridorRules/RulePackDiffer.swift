public import CorridorModel

/// What changed between two versions of a pack, rule by rule, as the alerts engine ingests it.
public enum RulePackDiffer {
    /// Compares `old` with `new` (the same pack id): rules added, removed, or changed in any way
    /// (condition, outputs, period, source). Each change names the HS prefixes and markets it touches
    /// and when the changed rule takes effect.
    public static func diff(from old: RulePack, to new: RulePack) throws(RulesError) -> RulePackDiff {
        guard old.id == new.id else { throw .conflictingPacks("cannot diff \(old.id) against \(new.id): they are different packs") }
        func rules(_ pack: RulePack) -> [(decision: String, rule: Rule)] {
            pack.decisions.flatMap { d in d.rules.map { (d.id, $0) } }
        }
        let before = Dictionary(rules(old).map { ($0.rule.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(rules(new).map { ($0.rule.id, $0) }, uniquingKeysWith: { a, _ in a })
        let markets = Array(Set(old.markets).union(new.markets)).sorted()
        var changes: [RulePackDiff.Change] = []
        for (decision, rule) in rules(new) {
            if let previous = before[rule.id] {
                guard previous.rule.fingerprint != rule.fingerprint else { continue }
                var what: [String] = []
                if previous.rule.effective != rule.effective { what.append("in force \(previous.rule.effective) → \(rule.effective)") }
                if previous.rule.when.source != rule.when.source { what.append("when `\(previous.rule.when.source)` → `\(rule.when.source)`") }
                let outputs = Set(previous.rule.then.keys).union(rule.then.keys).sorted().filter { previous.rule.then[$0]?.source != rule.then[$0]?.source }
                if !outputs.isEmpty { what.append("outputs " + outputs.map { "\($0): \(previous.rule.then[$0]?.source ?? "–") → \(rule.then[$0]?.source ?? "–")" }.joined(separator: ", ")) }
                if previous.rule.source != rule.source { what.append("source \(previous.rule.source) → \(rule.source)") }
                if what.isEmpty { what.append("wording") }
                changes.append(.init(rule: rule.id, kind: .modified, hsPrefixes: Array(Set(previous.rule.hsPrefixes).union(rule.hsPrefixes)).sorted(),
                                     markets: markets, effective: rule.effective.start, summary: "\(decision): \(rule.summary): " + what.joined(separator: "; ")))
            } else {
                changes.append(.init(rule: rule.id, kind: .added, hsPrefixes: rule.hsPrefixes, markets: new.markets.sorted(),
                                     effective: rule.effective.start, summary: "\(decision): \(rule.summary)"))
            }
        }
        for (decision, rule) in rules(old) where after[rule.id] == nil {
            changes.append(.init(rule: rule.id, kind: .removed, hsPrefixes: rule.hsPrefixes, markets: old.markets.sorted(),
                                 effective: nil, summary: "\(decision): \(rule.summary)"))
        }
        return RulePackDiff(pack: new.id, fromVersion: old.version, toVersion: new.version, jurisdiction: new.jurisdiction,
                            published: new.published, changes: changes)
    }
}
