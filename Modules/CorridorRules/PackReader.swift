import CorridorModel
import Foundation
import Yams

/// Typed access to a pack's YAML nodes, with every error at its file and line.
struct PackReader {
    /// A mapping node whose keys were checked against the allowed ones.
    struct Mapping {
        let node: Node
        let entries: [(key: String, keyNode: Node, value: Node)]
        let reader: PackReader

        func node(_ key: String) -> Node? { entries.first { $0.key == key }?.value }

        func required(_ key: String) throws(RulesError) -> Node {
            guard let value = node(key) else { throw reader.error(node, "'\(key)' is missing") }
            return value
        }
    }

    let file: String

    init(file: String) { self.file = file }

    func error(_ node: Node?, _ reason: String) -> RulesError {
        .malformedPack(file: file, line: node?.mark?.line, reason: reason)
    }

    func mapping(_ node: Node, what: String, allowed: [String]) throws(RulesError) -> Mapping {
        guard let mapping = node.mapping else { throw error(node, "\(what) must be a mapping of keys to values") }
        var entries: [(String, Node, Node)] = []
        for (k, v) in mapping {
            let key = try text(k)
            guard allowed.contains(key) else { throw error(k, "unknown key '\(key)' in \(what) (allowed: \(allowed.joined(separator: ", ")))") }
            guard !entries.contains(where: { $0.0 == key }) else { throw error(k, "key '\(key)' appears twice in \(what)") }
            entries.append((key, k, v))
        }
        return Mapping(node: node, entries: entries, reader: self)
    }

    func pairs(_ node: Node, what: String) throws(RulesError) -> [(Node, Node)] {
        guard let mapping = node.mapping else { throw error(node, "\(what) must be a mapping") }
        return mapping.map { ($0.key, $0.value) }
    }

    func sequence(_ node: Node, what: String) throws(RulesError) -> [Node] {
        guard let sequence = node.sequence else { throw error(node, "\(what) must be a list") }
        return Array(sequence)
    }

    func text(_ node: Node) throws(RulesError) -> String {
        guard let scalar = node.scalar else { throw error(node, "expected a single value here") }
        return scalar.string
    }

    func string(_ m: Mapping, _ key: String) throws(RulesError) -> String {
        let value = try text(try m.required(key)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw error(m.node(key), "'\(key)' is empty") }
        return value
    }

    func date(_ node: Node) throws(RulesError) -> CivilDate {
        let value = try text(node)
        guard let day = try? CivilDate(parsing: value) else { throw error(node, "'\(value)' is not a day written YYYY-MM-DD") }
        return day
    }

    func date(_ m: Mapping, _ key: String) throws(RulesError) -> CivilDate {
        try date(try m.required(key))
    }

    func period(_ node: Node) throws(RulesError) -> EffectivePeriod {
        let m = try mapping(node, what: "effective", allowed: ["from", "to"])
        let from = try date(m, "from")
        let to = try m.node("to").map { n throws(RulesError) in try date(n) }
        do {
            return try EffectivePeriod(start: from, end: to)
        } catch {
            throw self.error(node, "effective period ends (\(to?.description ?? "")) on or before it starts (\(from)); 'to' is the first day no longer in force")
        }
    }

    func expression(_ node: Node, compiler: ExpressionCompiler, expecting: RuleType) throws(RulesError) -> CompiledExpression {
        let source = try text(node)
        do {
            return try compiler.compile(source, expecting: expecting)
        } catch {
            let at = error.column.map { " at column \($0)" } ?? ""
            throw self.error(node, "expression `\(source)`\(at): \(error.message)")
        }
    }

    /// A literal value of `type` as a case or a table writes it: `120 EUR`, `0.19`, `true`, `CN`, `2026-07-01`, a list for a set.
    func value(_ node: Node, type: RuleType) throws(RulesError) -> RuleValue {
        if case .set(let element) = type {
            return .set(try sequence(node, what: "a set").map { n throws(RulesError) in try value(n, type: element) })
        }
        let raw = try text(node).trimmingCharacters(in: .whitespaces)
        guard let value = RuleValue(text: raw, type: type) else {
            throw error(node, "'\(raw)' is not \(type == .money ? "an amount written like '150 EUR'" : RuleValue.example(of: type))")
        }
        return value
    }
}
