import Crypto
public import CorridorModel
public import Foundation
import Yams

/// Reads rule packs from YAML, checks them completely, and compiles their expressions.
///
/// Every problem is reported with the file and line: an unknown key, a missing citation, an
/// expression that does not type-check, an effective period that ends before it starts.
public struct RulePackLoader: Sendable {
    /// The facts the caller supplies without any pack declaring them (a quote's `origin`, `line.code`…).
    public let builtins: [FactDeclaration]

    /// Creates a loader that knows the built-in facts.
    public init(builtins: [FactDeclaration]) {
        self.builtins = builtins
    }

    /// Loads one pack from its text; `file` names it in errors.
    public func load(text: String, file: String) throws(RulesError) -> RulePack {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw RulesError.malformedPack(file: file, line: nil, reason: "the file is empty") }
            root = node
        } catch let error as RulesError {
            throw error
        } catch let error as YamlError {
            throw .malformedPack(file: file, line: Self.line(of: error), reason: "not valid YAML: \(error)")
        } catch {
            throw .malformedPack(file: file, line: nil, reason: "not valid YAML: \(error)")
        }
        let reader = PackReader(file: file)
        let top = try reader.mapping(root, what: "the pack", allowed: ["pack", "version", "title", "jurisdiction", "markets", "overlay", "currency", "published", "sources", "facts", "tables", "decisions", "cases"])
        let id = try reader.string(top, "pack")
        let version = try reader.string(top, "version")
        let currencyText = try reader.string(top, "currency")
        guard let currency = try? CurrencyCode(currencyText) else {
            throw reader.error(top.node("currency"), "currency '\(currencyText)' is not an ISO 4217 code")
        }
        let published = try reader.date(top, "published")
        var overlay = false
        if let node = top.node("overlay") {
            guard case .bool(let flag) = try reader.value(node, type: .bool) else { throw reader.error(node, "overlay is true or false") }
            overlay = flag
        }

        var sources: [RuleSource] = []
        for node in try reader.sequence(top.required("sources"), what: "sources") {
            let m = try reader.mapping(node, what: "a source", allowed: ["id", "title", "url", "date"])
            let url = try reader.string(m, "url")
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else { throw reader.error(m.node("url"), "a source url must start with https://") }
            let source = RuleSource(id: try reader.string(m, "id"), title: try reader.string(m, "title"), url: url, date: try reader.date(m, "date"))
            guard !sources.contains(where: { $0.id == source.id }) else { throw reader.error(node, "source id '\(source.id)' is used twice") }
            sources.append(source)
        }
        guard !sources.isEmpty else { throw reader.error(root, "a pack cites at least one source under sources:") }

        var facts: [String: FactDeclaration] = [:]
        for declaration in builtins { facts[declaration.name] = declaration }
        var declared: [String: FactDeclaration] = [:]
        if let node = top.node("facts") {
            for (keyNode, valueNode) in try reader.pairs(node, what: "facts") {
                let name = try reader.text(keyNode)
                let m = try reader.mapping(valueNode, what: "fact \(name)", allowed: ["type", "question"])
                let typeText = try reader.string(m, "type")
                guard let type = RuleType(name: typeText) else { throw reader.error(m.node("type"), "'\(typeText)' is not a type (Decimal, Money, Bool, String, Date, Code, Set<…>)") }
                if let builtin = facts[name], builtin.type != type {
                    throw reader.error(keyNode, "fact \(name) is built in as \(builtin.type), not \(type)")
                }
                let declaration = FactDeclaration(name: name, type: type, question: try reader.string(m, "question"))
                facts[name] = declaration
                declared[name] = declaration
            }
        }

        var tables: [String: RuleTable] = [:]
        if let node = top.node("tables") {
            for (keyNode, valueNode) in try reader.pairs(node, what: "tables") {
                let name = try reader.text(keyNode)
                let m = try reader.mapping(valueNode, what: "table \(name)", allowed: ["key", "value", "source", "rows", "default"])
                guard let keyType = RuleType(name: try reader.string(m, "key")), keyType == .code || keyType == .string else {
                    throw reader.error(m.node("key"), "a table key is Code or String")
                }
                guard let valueType = RuleType(name: try reader.string(m, "value")) else { throw reader.error(m.node("value"), "unknown value type") }
                let source = try reader.string(m, "source")
                guard sources.contains(where: { $0.id == source }) else { throw reader.error(m.node("source"), "table \(name) cites '\(source)', which is not under sources:") }
                var rows: [String: RuleValue] = [:]
                for (k, v) in try reader.pairs(m.required("rows"), what: "rows") {
                    rows[try reader.text(k)] = try reader.value(v, type: valueType)
                }
                let defaultValue = try m.node("default").map { node throws(RulesError) in try reader.value(node, type: valueType) }
                tables[name] = RuleTable(name: name, keyType: keyType, valueType: valueType, rows: rows, defaultValue: defaultValue, source: source)
            }
        }

        let compiler = ExpressionCompiler(facts: facts.mapValues(\.type), tables: tables)
        var decisions: [DecisionTable] = []
        var ruleIDs = Set<String>()
        for node in try reader.sequence(top.required("decisions"), what: "decisions") {
            let m = try reader.mapping(node, what: "a decision", allowed: ["id", "scope", "hit", "outputs", "rules"])
            let decisionID = try reader.string(m, "id")
            guard !decisions.contains(where: { $0.id == decisionID }) else { throw reader.error(node, "decision '\(decisionID)' appears twice") }
            let scopeText = try reader.string(m, "scope")
            guard let scope = DecisionScope(rawValue: scopeText) else { throw reader.error(m.node("scope"), "scope is consignment or line, not '\(scopeText)'") }
            let hitText = try reader.string(m, "hit")
            guard let hit = HitPolicy(rawValue: hitText) else { throw reader.error(m.node("hit"), "hit is first, unique, priority or collect, not '\(hitText)'") }
            var outputs: [(name: String, type: RuleType)] = []
            for (k, v) in try reader.pairs(m.required("outputs"), what: "outputs") {
                let typeText = try reader.text(v)
                guard let type = RuleType(name: typeText) else { throw reader.error(v, "'\(typeText)' is not a type") }
                outputs.append((try reader.text(k), type))
            }
            var rules: [Rule] = []
            for ruleNode in try reader.sequence(m.required("rules"), what: "rules") {
                let r = try reader.mapping(ruleNode, what: "a rule", allowed: ["id", "effective", "when", "then", "priority", "source", "summary", "hs"])
                let ruleID = try reader.string(r, "id")
                guard ruleIDs.insert(ruleID).inserted else { throw reader.error(ruleNode, "rule id '\(ruleID)' is used twice in the pack") }
                let source = try reader.string(r, "source")
                guard sources.contains(where: { $0.id == source }) else { throw reader.error(r.node("source"), "rule \(ruleID) cites '\(source)', which is not under sources:") }
                let effective = try reader.period(r.required("effective"))
                let whenNode = try r.required("when")
                let when = try reader.expression(whenNode, compiler: compiler, expecting: .bool)
                var then: [String: CompiledExpression] = [:]
                if let thenNode = r.node("then") {
                    for (k, v) in try reader.pairs(thenNode, what: "then") {
                        let name = try reader.text(k)
                        guard let output = outputs.first(where: { $0.name == name }) else {
                            throw reader.error(k, "'\(name)' is not an output of decision \(decisionID) (outputs: \(outputs.map(\.name).joined(separator: ", ")))")
                        }
                        if output.type == .string, v.mapping == nil {
                            let literal = try reader.text(v)
                            if literal.contains("{") {
                                then[name] = try Self.template(literal, node: v, reader: reader, compiler: compiler)
                            } else {
                                then[name] = CompiledExpression(source: literal, type: .string, facts: [], evaluator: { _ throws(RulesError) in .value(.string(literal)) },
                                                        literal: .string(literal))
                            }
                        } else if output.type == .string, let expressionNode = v.mapping?["expr"] {
                            then[name] = try reader.expression(expressionNode, compiler: compiler, expecting: .string)
                        } else {
                            then[name] = try reader.expression(v, compiler: compiler, expecting: output.type)
                        }
                    }
                }
                var priority = 0
                if let node = r.node("priority") {
                    guard hit == .priority else { throw reader.error(node, "priority: only applies under hit: priority (this decision is \(hit.rawValue))") }
                    guard let value = Int(try reader.text(node)) else { throw reader.error(node, "priority is a whole number") }
                    priority = value
                } else if hit == .priority {
                    throw reader.error(ruleNode, "rule \(ruleID) needs a priority: under hit: priority")
                }
                let hs = try r.node("hs").map { node throws(RulesError) in try reader.sequence(node, what: "hs").map { n throws(RulesError) in try reader.text(n) } } ?? []
                let fingerprint = Self.digest(Data(Self.fingerprintText(ruleNode).utf8))
                rules.append(Rule(id: ruleID, effective: effective, when: when, then: then, priority: priority,
                                  source: source, summary: (try? reader.string(r, "summary")) ?? ruleID, hsPrefixes: hs,
                                  line: ruleNode.mark?.line, fingerprint: fingerprint))
            }
            decisions.append(DecisionTable(id: decisionID, scope: scope, hit: hit, outputs: outputs, rules: rules))
        }

        var cases: [GoldenCase] = []
        if let node = top.node("cases") {
            for caseNode in try reader.sequence(node, what: "cases") {
                let c = try reader.mapping(caseNode, what: "a case", allowed: ["name", "as_of", "facts", "expect", "questions"])
                var values: [String: RuleValue] = [:]
                if let factsNode = c.node("facts") {
                    for (k, v) in try reader.pairs(factsNode, what: "facts") {
                        let name = try reader.text(k)
                        guard let declaration = facts[name] else { throw reader.error(k, "case fact '\(name)' is not a built-in or declared fact") }
                        values[name] = try reader.value(v, type: declaration.type)
                    }
                }
                var expect: [(key: String, value: String)] = []
                if let expectNode = c.node("expect") {
                    for (k, v) in try reader.pairs(expectNode, what: "expect") {
                        let key = try reader.text(k)
                        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
                        guard parts.count == 2, let decision = decisions.first(where: { $0.id == parts[0] }),
                              parts[1] == "rule" || parts[1] == "count" || decision.outputs.contains(where: { $0.name == parts[1] }) else {
                            throw reader.error(k, "expect key '\(key)' is not decision.output, decision.rule or decision.count")
                        }
                        expect.append((key, try reader.text(v)))
                    }
                }
                let questions = try c.node("questions").map { node throws(RulesError) in try reader.sequence(node, what: "questions").map { n throws(RulesError) in try reader.text(n) } }
                cases.append(GoldenCase(name: try reader.string(c, "name"), asOf: try reader.date(c, "as_of"), facts: values, expect: expect, questions: questions, line: caseNode.mark?.line))
            }
        }

        return RulePack(id: id, version: version, title: try reader.string(top, "title"), jurisdiction: try reader.string(top, "jurisdiction"),
                        markets: try reader.sequence(top.required("markets"), what: "markets").map { n throws(RulesError) in try reader.text(n) },
                        overlay: overlay, currency: currency, published: published, sources: sources, facts: declared, tables: tables,
                        decisions: decisions, cases: cases, sha256: Self.digest(Data(text.utf8)), file: file, text: text)
    }

    /// Loads a pack file.
    public func load(contentsOf url: URL) throws(RulesError) -> RulePack {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw .unreadableFile(url.path, reason: error.localizedDescription) }
        return try load(text: text, file: url.lastPathComponent)
    }

    /// A text output with `{expression}` parts, each written as its value (`3 EUR`, `1.52`): the
    /// output is open while any part's facts are missing.
    static func template(_ text: String, node: Node, reader: PackReader, compiler: ExpressionCompiler) throws(RulesError) -> CompiledExpression {
        enum Part: Sendable { case text(String), value(CompiledExpression) }
        var parts: [Part] = []
        var facts = Set<String>()
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else { throw reader.error(node, "text `\(text)` opens a { without closing it") }
            let source = String(rest[rest.index(after: open)..<close])
            do {
                let compiled = try compiler.compile(source)
                facts.formUnion(compiled.facts)
                parts.append(.value(compiled))
            } catch {
                throw reader.error(node, "text `\(text)`, part {\(source)}: \(error.message)")
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        let fixed = parts
        return CompiledExpression(source: text, type: .string, facts: facts, evaluator: { context throws(RulesError) in
            var out = ""
            var missing = Set<String>()
            for part in fixed {
                switch part {
                case .text(let t): out += t
                case .value(let e):
                    switch try e.evaluate(in: context) {
                    case .value(let v): out += v.description
                    case .missing(let m): missing.formUnion(m)
                    }
                }
            }
            return missing.isEmpty ? .value(.string(out)) : .missing(missing)
        })
    }

    static func digest(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    private static func fingerprintText(_ node: Node) -> String {
        (try? Yams.serialize(node: node)) ?? "\(node)"
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }
}
