import CorridorModel
import Foundation

/// Type-checks `ExpressionSyntax` against the facts and tables a pack declares, and turns it into
/// closures, once, when the pack loads.
///
/// Typing rules, in short: `and or not` take Bool; `== !=` take two values of one type; `< <= > >=`
/// take Decimal, Money or Date; `in` takes a value and a set of its type; `+ -` add Decimal or Money
/// (money in another currency is converted at the context's rates); `*` scales Money by Decimal; `/`
/// divides Decimal or Money by Decimal, or Money by Money (a ratio). A quoted literal beside a Code is
/// a Code. Functions: `min max if under count round date known` and the pack's tables.
struct ExpressionCompiler: Sendable {
    /// The declared facts and their types (`as_of` is always there, a Date).
    let facts: [String: RuleType]
    /// The pack's tables.
    let tables: [String: RuleTable]

    private struct Node {
        let type: RuleType
        let facts: Set<String>
        let evaluate: CompiledExpression.Evaluator
        /// Whether the node is a quoted literal (or a set of them), which may be read as a Code.
        let isTextLiteral: Bool
        /// The value when the node is a literal (reads no fact and not the date), else nil.
        var literal: RuleValue?
    }

    /// Compiles `text`; with `expecting`, the expression must have that type.
    func compile(_ text: String, expecting: RuleType? = nil) throws(ExpressionError) -> CompiledExpression {
        let syntax = try ExpressionParser.parse(text)
        var node = try compile(syntax)
        if let expecting, node.type != expecting {
            if let coerced = coerce(node, to: expecting) {
                node = coerced
            } else {
                throw ExpressionError(column: nil, message: "is \(node.type) but \(expecting) is needed here")
            }
        }
        return CompiledExpression(source: text, type: node.type, facts: node.facts, evaluator: node.evaluate, literal: node.literal)
    }

    private func constant(_ value: RuleValue, textLiteral: Bool = false) -> Node {
        var node = Node(type: value.type, facts: [], evaluate: { _ throws(RulesError) in .value(value) }, isTextLiteral: textLiteral)
        node.literal = value
        return node
    }

    /// A quoted literal (or a set of them) read as a Code.
    private func coerce(_ node: Node, to type: RuleType) -> Node? {
        guard node.isTextLiteral else { return nil }
        switch (node.literal, type) {
        case (.string(let s)?, .code):
            return constant(.code(s))
        case (.set(let items)?, .set(.code)):
            return constant(.set(items.map { item in
                if case .string(let s) = item { return .code(s) }
                return item
            }))
        default:
            break
        }
        switch (node.type, type) {
        case (.string, .code):
            let inner = node.evaluate
            return Node(type: .code, facts: node.facts, evaluate: { context throws(RulesError) in
                guard case .value(.string(let s)) = try inner(context) else { return try inner(context) }
                return .value(.code(s))
            }, isTextLiteral: false)
        case (.set(.string), .set(.code)):
            let inner = node.evaluate
            return Node(type: .set(.code), facts: node.facts, evaluate: { context throws(RulesError) in
                guard case .value(.set(let items)) = try inner(context) else { return try inner(context) }
                return .value(.set(items.map { item in
                    if case .string(let s) = item { return .code(s) }
                    return item
                }))
            }, isTextLiteral: false)
        default:
            return nil
        }
    }

    /// Compiles two operands so that a quoted literal beside a Code becomes a Code.
    private func pair(_ a: ExpressionSyntax, _ b: ExpressionSyntax, setOnRight: Bool = false) throws(ExpressionError) -> (Node, Node) {
        var left = try compile(a)
        var right = try compile(b)
        if setOnRight {
            if left.type == .code, right.type == .set(.string), let c = coerce(right, to: .set(.code)) { right = c }
            if right.type == .set(.code), left.type == .string, let c = coerce(left, to: .code) { left = c }
        } else {
            if left.type == .code, right.type == .string, let c = coerce(right, to: .code) { right = c }
            if right.type == .code, left.type == .string, let c = coerce(left, to: .code) { left = c }
        }
        return (left, right)
    }

    private func compile(_ syntax: ExpressionSyntax) throws(ExpressionError) -> Node {
        switch syntax {
        case .number(let d):
            return constant(.decimal(d))
        case .money(let amount, let currency):
            guard let code = try? CurrencyCode(currency) else {
                throw ExpressionError(column: nil, message: "'\(currency)' is not an ISO 4217 currency")
            }
            guard let money = try? Money(amount, code) else { throw ExpressionError(column: nil, message: "\(amount) \(currency) is not an amount") }
            return constant(.money(money))
        case .string(let s):
            return constant(.string(s), textLiteral: true)
        case .bool(let b):
            return constant(.bool(b))
        case .fact(let name):
            return try fact(name)
        case .set(let items):
            return try setLiteral(items)
        case .unary(let op, let operand):
            return try unary(op, operand)
        case .binary(let op, let a, let b):
            return try binary(op, a, b)
        case .call(let name, let arguments):
            return try call(name, arguments)
        }
    }

    private func fact(_ name: String) throws(ExpressionError) -> Node {
        if name == "as_of" {
            return Node(type: .date, facts: [], evaluate: { context throws(RulesError) in .value(.date(context.asOf)) }, isTextLiteral: false)
        }
        guard let type = facts[name] else {
            let near = facts.keys.filter { $0.hasPrefix(name.split(separator: ".").first.map(String.init) ?? name) }.sorted()
            let hint = near.isEmpty ? "declare it under facts:" : "known: \(near.prefix(6).joined(separator: ", "))"
            throw ExpressionError(column: nil, message: "unknown fact '\(name)' (\(hint))")
        }
        return Node(type: type, facts: [name], evaluate: { context throws(RulesError) in
            guard let value = context[fact: name] else { return .missing([name]) }
            return .value(value)
        }, isTextLiteral: false)
    }

    private func setLiteral(_ items: [ExpressionSyntax]) throws(ExpressionError) -> Node {
        var nodes: [Node] = []
        for item in items { nodes.append(try compile(item)) }
        guard let first = nodes.first else { return constant(.set([]), textLiteral: true) }
        guard nodes.allSatisfy({ $0.type == first.type }) else {
            throw ExpressionError(column: nil, message: "a set holds values of one type; found \(Set(nodes.map(\.type.description)).sorted().joined(separator: " and "))")
        }
        let literal = nodes.allSatisfy(\.isTextLiteral)
        if nodes.allSatisfy({ $0.literal != nil }) {
            var values: [RuleValue] = []
            for node in nodes { if let v = node.literal, !values.contains(v) { values.append(v) } }
            return constant(.set(values), textLiteral: literal)
        }
        let evaluators = nodes.map(\.evaluate)
        return Node(type: .set(first.type), facts: nodes.reduce(into: Set<String>()) { $0.formUnion($1.facts) }, evaluate: { context throws(RulesError) in
            var values: [RuleValue] = []
            var missing = Set<String>()
            for evaluate in evaluators {
                switch try evaluate(context) {
                case .value(let v): if !values.contains(v) { values.append(v) }
                case .missing(let m): missing.formUnion(m)
                }
            }
            return missing.isEmpty ? .value(.set(values)) : .missing(missing)
        }, isTextLiteral: literal)
    }

    private func unary(_ op: String, _ operand: ExpressionSyntax) throws(ExpressionError) -> Node {
        let node = try compile(operand)
        let inner = node.evaluate
        switch (op, node.type) {
        case ("not", .bool):
            return Node(type: .bool, facts: node.facts, evaluate: { context throws(RulesError) in
                let outcome = try inner(context)
                guard case .value(.bool(let b)) = outcome else { return outcome }
                return .value(.bool(!b))
            }, isTextLiteral: false)
        case ("-", .decimal), ("-", .money):
            return Node(type: node.type, facts: node.facts, evaluate: { context throws(RulesError) in
                switch try inner(context) {
                case .value(.decimal(let d)): return .value(.decimal(-d))
                case .value(.money(let m)): return .value(.money(try Self.money(-m.amount, m.currency)))
                case let other: return other
                }
            }, isTextLiteral: false)
        default:
            throw ExpressionError(column: nil, message: "'\(op)' does not apply to \(node.type)")
        }
    }

    private func binary(_ op: String, _ a: ExpressionSyntax, _ b: ExpressionSyntax) throws(ExpressionError) -> Node {
        switch op {
        case "and", "or":
            let left = try compile(a), right = try compile(b)
            guard left.type == .bool, right.type == .bool else {
                throw ExpressionError(column: nil, message: "'\(op)' joins two Bool values, not \(left.type) and \(right.type)")
            }
            let l = left.evaluate, r = right.evaluate
            let isAnd = op == "and"
            return Node(type: .bool, facts: left.facts.union(right.facts), evaluate: { context throws(RulesError) in
                let x = try l(context)
                // Short circuit: false and _, true or _.
                if case .value(.bool(let b)) = x, b != isAnd { return x }
                let y = try r(context)
                if case .value(.bool(let b)) = y, b != isAnd { return y }
                if case .value = x, case .value = y { return .value(.bool(isAnd)) }
                return .missing(x.missingFacts.union(y.missingFacts))
            }, isTextLiteral: false)
        case "==", "!=":
            let (left, right) = try pair(a, b)
            guard left.type == right.type else {
                throw ExpressionError(column: nil, message: "'\(op)' compares values of one type, not \(left.type) and \(right.type)")
            }
            let negate = op == "!="
            return combine(left, right, type: .bool) { x, y, context throws(RulesError) in
                .bool(try Self.equal(x, y, context) != negate)
            }
        case "<", "<=", ">", ">=":
            let left = try compile(a), right = try compile(b)
            guard left.type == right.type, [.decimal, .money, .date].contains(left.type) else {
                throw ExpressionError(column: nil, message: "'\(op)' orders Decimal, Money or Date values of one type, not \(left.type) and \(right.type)")
            }
            return combine(left, right, type: .bool) { x, y, context throws(RulesError) in
                let order = try Self.order(x, y, context)
                switch op {
                case "<": return .bool(order < 0)
                case "<=": return .bool(order <= 0)
                case ">": return .bool(order > 0)
                default: return .bool(order >= 0)
                }
            }
        case "in":
            let (left, right) = try pair(a, b, setOnRight: true)
            guard case .set(let element) = right.type, element == left.type || (right.isTextLiteral && right.type == .set(.string) && left.type == .string) else {
                throw ExpressionError(column: nil, message: "'in' needs a set of \(left.type) on its right, not \(right.type)")
            }
            // A literal set of codes or texts (`destination in ['DE', 'FR', …]`) is hashed once; money
            // needs the context's rates, so it is compared item by item.
            if case .set(let items)? = right.literal, element != .money {
                let members = Set(items)
                let l = left.evaluate
                return Node(type: .bool, facts: left.facts, evaluate: { context throws(RulesError) in
                    let outcome = try l(context)
                    guard case .value(let value) = outcome else { return outcome }
                    return .value(.bool(members.contains(value)))
                }, isTextLiteral: false)
            }
            return combine(left, right, type: .bool) { x, y, context throws(RulesError) in
                guard case .set(let items) = y else { return .bool(false) }
                for item in items where try Self.equal(x, item, context) { return .bool(true) }
                return .bool(false)
            }
        case "+", "-":
            let left = try compile(a), right = try compile(b)
            guard left.type == right.type, left.type == .decimal || left.type == .money else {
                throw ExpressionError(column: nil, message: "'\(op)' adds Decimal to Decimal or Money to Money, not \(left.type) and \(right.type)")
            }
            let subtract = op == "-"
            return combine(left, right, type: left.type) { x, y, context throws(RulesError) in
                switch (x, y) {
                case (.decimal(let p), .decimal(let q)): return .decimal(subtract ? p - q : p + q)
                case (.money(let p), .money(let q)):
                    let q2 = try Self.convert(q, to: p.currency, context)
                    return .money(try Self.money(subtract ? p.amount - q2.amount : p.amount + q2.amount, p.currency))
                default: throw RulesError.evaluation("'\(op)' met \(x.type) and \(y.type)")
                }
            }
        case "*":
            let left = try compile(a), right = try compile(b)
            let type: RuleType
            switch (left.type, right.type) {
            case (.decimal, .decimal): type = .decimal
            case (.money, .decimal), (.decimal, .money): type = .money
            default: throw ExpressionError(column: nil, message: "'*' multiplies Decimal by Decimal or Money by Decimal, not \(left.type) and \(right.type)")
            }
            return combine(left, right, type: type) { x, y, _ throws(RulesError) in
                switch (x, y) {
                case (.decimal(let p), .decimal(let q)): return .decimal(p * q)
                case (.money(let m), .decimal(let d)), (.decimal(let d), .money(let m)): return .money(try Self.money(m.amount * d, m.currency))
                default: throw RulesError.evaluation("'*' met \(x.type) and \(y.type)")
                }
            }
        case "/":
            let left = try compile(a), right = try compile(b)
            let type: RuleType
            switch (left.type, right.type) {
            case (.decimal, .decimal), (.money, .money): type = .decimal
            case (.money, .decimal): type = .money
            default: throw ExpressionError(column: nil, message: "'/' divides Decimal or Money by Decimal, or Money by Money, not \(left.type) and \(right.type)")
            }
            let text = "\(b)"
            return combine(left, right, type: type) { x, y, context throws(RulesError) in
                switch (x, y) {
                case (.decimal(let p), .decimal(let q)):
                    guard q != 0 else { throw RulesError.evaluation("division by zero (\(text) is 0)") }
                    return .decimal(p / q)
                case (.money(let m), .decimal(let q)):
                    guard q != 0 else { throw RulesError.evaluation("division by zero (\(text) is 0)") }
                    return .money(try Self.money(m.amount / q, m.currency))
                case (.money(let p), .money(let q)):
                    let q2 = try Self.convert(q, to: p.currency, context)
                    guard q2.amount != 0 else { throw RulesError.evaluation("division by zero (\(text) is 0)") }
                    return .decimal(p.amount / q2.amount)
                default: throw RulesError.evaluation("'/' met \(x.type) and \(y.type)")
                }
            }
        default:
            throw ExpressionError(column: nil, message: "unknown operator '\(op)'")
        }
    }

    private func combine(_ left: Node, _ right: Node, type: RuleType,
                         _ body: @escaping @Sendable (RuleValue, RuleValue, EvaluationContext) throws(RulesError) -> RuleValue) -> Node {
        let l = left.evaluate, r = right.evaluate
        // A literal operand (`150 EUR`, `'CN'`) is evaluated once, here, not at every evaluation.
        if let constant = right.literal {
            return Node(type: type, facts: left.facts, evaluate: { context throws(RulesError) in
                let x = try l(context)
                guard case .value(let p) = x else { return x }
                return .value(try body(p, constant, context))
            }, isTextLiteral: false)
        }
        return Node(type: type, facts: left.facts.union(right.facts), evaluate: { context throws(RulesError) in
            let x = try l(context), y = try r(context)
            guard case .value(let p) = x, case .value(let q) = y else { return .missing(x.missingFacts.union(y.missingFacts)) }
            return .value(try body(p, q, context))
        }, isTextLiteral: false)
    }

    private func call(_ name: String, _ arguments: [ExpressionSyntax]) throws(ExpressionError) -> Node {
        func arity(_ n: Int) throws(ExpressionError) {
            guard arguments.count == n else { throw ExpressionError(column: nil, message: "\(name)() takes \(n) argument\(n == 1 ? "" : "s"), not \(arguments.count)") }
        }
        switch name {
        case "min", "max":
            try arity(2)
            let left = try compile(arguments[0]), right = try compile(arguments[1])
            guard left.type == right.type, [.decimal, .money, .date].contains(left.type) else {
                throw ExpressionError(column: nil, message: "\(name)() takes two Decimal, Money or Date values of one type, not \(left.type) and \(right.type)")
            }
            let wantMin = name == "min"
            return combine(left, right, type: left.type) { x, y, context throws(RulesError) in
                let order = try Self.order(x, y, context)
                return (order <= 0) == wantMin ? x : y
            }
        case "if":
            try arity(3)
            let condition = try compile(arguments[0])
            guard condition.type == .bool else { throw ExpressionError(column: nil, message: "if() needs a Bool condition, not \(condition.type)") }
            let (yes, no) = try pair(arguments[1], arguments[2])
            guard yes.type == no.type else { throw ExpressionError(column: nil, message: "if() needs both branches of one type, not \(yes.type) and \(no.type)") }
            let c = condition.evaluate, y = yes.evaluate, n = no.evaluate
            return Node(type: yes.type, facts: condition.facts.union(yes.facts).union(no.facts), evaluate: { context throws(RulesError) in
                switch try c(context) {
                case .value(.bool(true)): return try y(context)
                case .value: return try n(context)
                case .missing(let m): return .missing(m)
                }
            }, isTextLiteral: false)
        case "under":
            try arity(2)
            let code = try compile(arguments[0])
            var prefixes = try compile(arguments[1])
            guard code.type == .code else { throw ExpressionError(column: nil, message: "under() needs a Code first, not \(code.type)") }
            if let c = coerce(prefixes, to: prefixes.type == .string ? .code : .set(.code)) { prefixes = c }
            guard prefixes.type == .code || prefixes.type == .set(.code) else {
                throw ExpressionError(column: nil, message: "under() needs a code prefix or a set of them second, not \(prefixes.type)")
            }
            @Sendable func normalized(_ code: String) -> String {
                code.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: " ") }) ? code.filter { $0 != "." && $0 != " " } : code
            }
            @Sendable func codes(_ value: RuleValue) -> [String] {
                let items: [RuleValue]
                if case .set(let set) = value { items = set } else { items = [value] }
                return items.compactMap { if case .code(let p) = $0 { normalized(p) } else { nil } }
            }
            // A literal list of prefixes (the usual case: `under(line.code, ['8507', '8506'])`) is
            // normalised once, here.
            if let literal = prefixes.literal {
                // Grouped by length, so a long list (the CBAM scope) costs one lookup per length.
                let byLength = Dictionary(grouping: codes(literal), by: \.count).mapValues(Set.init).sorted { $0.key < $1.key }
                let c = code.evaluate
                return Node(type: .bool, facts: code.facts, evaluate: { context throws(RulesError) in
                    let outcome = try c(context)
                    guard case .value(.code(let value)) = outcome else { return outcome }
                    let digits = normalized(value)
                    for (length, set) in byLength where digits.utf8.count >= length && set.contains(String(digits.prefix(length))) {
                        return .value(.bool(true))
                    }
                    return .value(.bool(false))
                }, isTextLiteral: false)
            }
            return combine(code, prefixes, type: .bool) { x, y, _ throws(RulesError) in
                guard case .code(let c) = x else { return .bool(false) }
                let digits = normalized(c)
                return .bool(codes(y).contains { digits.hasPrefix($0) })
            }
        case "count":
            try arity(1)
            let set = try compile(arguments[0])
            guard case .set = set.type else { throw ExpressionError(column: nil, message: "count() needs a set, not \(set.type)") }
            let s = set.evaluate
            return Node(type: .decimal, facts: set.facts, evaluate: { context throws(RulesError) in
                switch try s(context) {
                case .value(.set(let items)): return .value(.decimal(Decimal(items.count)))
                case let other: return other
                }
            }, isTextLiteral: false)
        case "round":
            try arity(1)
            let value = try compile(arguments[0])
            guard value.type == .money else { throw ExpressionError(column: nil, message: "round() rounds Money to its minor units, not \(value.type)") }
            let v = value.evaluate
            return Node(type: .money, facts: value.facts, evaluate: { context throws(RulesError) in
                switch try v(context) {
                case .value(.money(let m)): return .value(.money(m.rounded()))
                case let other: return other
                }
            }, isTextLiteral: false)
        case "date":
            try arity(1)
            guard case .string(let text) = arguments[0], let day = try? CivilDate(parsing: text) else {
                throw ExpressionError(column: nil, message: "date() takes a quoted day such as '2026-07-01'")
            }
            return constant(.date(day))
        case "known":
            try arity(1)
            guard case .fact(let fact) = arguments[0] else { throw ExpressionError(column: nil, message: "known() takes a fact name") }
            let node = try self.fact(fact)
            let f = node.evaluate
            return Node(type: .bool, facts: [], evaluate: { context throws(RulesError) in
                if case .value = try f(context) { return .value(.bool(true)) }
                return .value(.bool(false))
            }, isTextLiteral: false)
        default:
            guard let table = tables[name] else {
                throw ExpressionError(column: nil, message: "unknown function or table '\(name)' (functions: min, max, if, under, count, round, date, known; tables: \(tables.keys.sorted().joined(separator: ", ")))")
            }
            try arity(1)
            var key = try compile(arguments[0])
            if key.type != table.keyType, let c = coerce(key, to: table.keyType) { key = c }
            guard key.type == table.keyType else {
                throw ExpressionError(column: nil, message: "table \(name) is keyed by \(table.keyType), not \(key.type)")
            }
            let k = key.evaluate
            return Node(type: table.valueType, facts: key.facts, evaluate: { context throws(RulesError) in
                switch try k(context) {
                case .value(let keyValue):
                    if let row = table.rows[keyValue.description] ?? table.defaultValue { return .value(row) }
                    throw RulesError.evaluation("table \(table.name) has no row for '\(keyValue)' (rows: \(table.rows.keys.sorted().joined(separator: ", ")))")
                case let other: return other
                }
            }, isTextLiteral: false)
        }
    }

    // MARK: - Value operations

    static func money(_ amount: Decimal, _ currency: CurrencyCode) throws(RulesError) -> Money {
        do { return try Money(amount, currency) } catch { throw RulesError.evaluation("an amount in \(currency.code) is not a number") }
    }

    static func convert(_ m: Money, to currency: CurrencyCode, _ context: EvaluationContext) throws(RulesError) -> Money {
        if m.currency.code == currency.code { return m }
        guard let converter = context.converter else {
            throw RulesError.evaluation("\(m.currency.code) and \(currency.code) are mixed but no exchange rates were given")
        }
        return try converter.convert(m, to: currency)
    }

    static func equal(_ x: RuleValue, _ y: RuleValue, _ context: EvaluationContext) throws(RulesError) -> Bool {
        if case .money(let p) = x, case .money(let q) = y {
            return p.amount == (try convert(q, to: p.currency, context)).amount
        }
        return x == y
    }

    /// -1, 0 or 1.
    static func order(_ x: RuleValue, _ y: RuleValue, _ context: EvaluationContext) throws(RulesError) -> Int {
        switch (x, y) {
        case (.decimal(let p), .decimal(let q)): return p < q ? -1 : (p == q ? 0 : 1)
        case (.date(let p), .date(let q)): return p < q ? -1 : (p == q ? 0 : 1)
        case (.money(let p), .money(let q)):
            let q2 = try convert(q, to: p.currency, context)
            return p.amount < q2.amount ? -1 : (p.amount == q2.amount ? 0 : 1)
        default: throw RulesError.evaluation("cannot order \(x.type) and \(y.type)")
        }
    }
}
