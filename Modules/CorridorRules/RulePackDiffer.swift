public import CorridorModel

/// What changed between two versions of a pack, rule by rule, as the alerts engine ingests it.
public enum RulePackDiffer {
    /// Compares `old` with `new` (the same pack id): rules added, removed, or changed in any way
    /// (condition, outputs, period, source); decisions whose hit policy, scope or outputs changed; and
    /// table rows (a VAT rate) that changed. Each change names the HS prefixes and markets it touches
    /// and the day it takes effect (for a table, the new version's publication).
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
                // The day the change bites: a new start, else a new end (the rule stops), else its start.
                let effective = previous.rule.effective.start != rule.effective.start ? rule.effective.start
                    : (previous.rule.effective.end != rule.effective.end ? (rule.effective.end ?? previous.rule.effective.end) : rule.effective.start)
                changes.append(.init(rule: rule.id, kind: .modified, hsPrefixes: Array(Set(previous.rule.hsPrefixes).union(rule.hsPrefixes)).sorted(),
                                     markets: markets, effective: effective, summary: "\(decision): \(rule.summary): " + what.joined(separator: "; ")))
            } else {
                changes.append(.init(rule: rule.id, kind: .added, hsPrefixes: rule.hsPrefixes, markets: new.markets.sorted(),
                                     effective: rule.effective.start, summary: "\(decision): \(rule.summary)"))
            }
        }
        for (decision, rule) in rules(old) where after[rule.id] == nil {
            changes.append(.init(rule: rule.id, kind: .removed, hsPrefixes: rule.hsPrefixes, markets: old.markets.sorted(),
                                 effective: nil, summary: "\(decision): \(rule.summary)"))
        }
        // Decisions whose policy, scope or outputs changed.
        for decision in new.decisions {
            guard let previous = old.decision(decision.id) else { continue }
            var what: [String] = []
            if previous.hit != decision.hit { what.append("hit \(previous.hit.rawValue) → \(decision.hit.rawValue)") }
            if previous.scope != decision.scope { what.append("scope \(previous.scope.rawValue) → \(decision.scope.rawValue)") }
            let before = previous.outputs.map { "\($0.name): \($0.type)" }, after = decision.outputs.map { "\($0.name): \($0.type)" }
            if before != after { what.append("outputs \(before.joined(separator: ", ")) → \(after.joined(separator: ", "))") }
            if !what.isEmpty {
                changes.append(.init(rule: "decision:\(decision.id)", kind: .modified, hsPrefixes: [], markets: markets, effective: new.published,
                                     summary: "decision \(decision.id): " + what.joined(separator: "; ")))
            }
        }
        // Tables: a changed row is a changed rate for the markets (or codes) it is keyed by.
        for name in Set(old.tables.keys).union(new.tables.keys).sorted() {
            let before = old.tables[name], after = new.tables[name]
            let keys = Set(before?.rows.keys.map { $0 } ?? []).union(after?.rows.keys.map { $0 } ?? []).sorted()
            let changed = keys.filter { before?.rows[$0] != after?.rows[$0] }
            let defaultChanged = before?.defaultValue != after?.defaultValue
            guard !changed.isEmpty || defaultChanged || (before == nil) != (after == nil) else { continue }
            let kind: RulePackDiff.ChangeKind = before == nil ? .added : (after == nil ? .removed : .modified)
            let touchedMarkets = changed.filter { markets.contains($0) }
            let codes = changed.filter { $0.allSatisfy(\.isNumber) }
            let rows = changed.prefix(12).map { "\($0) \(before?.rows[$0]?.description ?? "–") → \(after?.rows[$0]?.description ?? "–")" }
            changes.append(.init(rule: "table:\(name)", kind: kind, hsPrefixes: codes, markets: touchedMarkets.isEmpty ? markets : touchedMarkets,
                                 effective: kind == .removed ? nil : new.published,
                                 summary: "table \(name): " + (rows.isEmpty ? "\(kind.rawValue)" : rows.joined(separator: ", ")) + (changed.count > 12 ? ", …" : "")
                                    + (defaultChanged ? "; default \(before?.defaultValue?.description ?? "–") → \(after?.defaultValue?.description ?? "–")" : "")))
        }
        return RulePackDiff(pack: new.id, fromVersion: old.version, toVersion: new.version, jurisdiction: new.jurisdiction,
                            published: new.published, changes: changes)
    }
}
