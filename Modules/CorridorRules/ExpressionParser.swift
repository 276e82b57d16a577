import CorridorModel
import Foundation

/// Reads the text of a rule expression into `ExpressionSyntax` (precedence climbing).
///
/// Precedence, loosest first: `or`; `and`; `not`; comparisons and `in`; `+ -`; `* /`; unary `-`.
/// Errors name the column, counted from 1 within the expression.
struct ExpressionParser {
    private enum Token: Equatable {
        case number(Decimal)
        case string(String)
        case identifier(String)
        case symbol(String)
        case end
    }

    private var tokens: [(token: Token, column: Int)] = []
    private var index = 0

    /// Parses `text`; throws a message with the column of the problem.
    static func parse(_ text: String) throws(ExpressionError) -> ExpressionSyntax {
        var parser = ExpressionParser()
        parser.tokens = try tokenize(text)
        let result = try parser.parseOr()
        guard case .end = parser.current else {
            throw ExpressionError(column: parser.currentColumn, message: "unexpected \(parser.describeCurrent()) after a complete expression")
        }
        return result
    }

    private static func tokenize(_ text: String) throws(ExpressionError) -> [(token: Token, column: Int)] {
        let scalars = Array(text.unicodeScalars)
        var result: [(Token, Int)] = []
        var i = 0
        func isIdentifierStart(_ c: Unicode.Scalar) -> Bool { c == "_" || (c.properties.isAlphabetic && c.isASCII) }
        func isIdentifierPart(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || ("0"..."9").contains(c) || c == "." }
        while i < scalars.count {
            let c = scalars[i]
            let column = i + 1
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            if ("0"..."9").contains(c) {
                var j = i
                while j < scalars.count, ("0"..."9").contains(scalars[j]) || scalars[j] == "." { j += 1 }
                let literal = String(String.UnicodeScalarView(scalars[i..<j]))
                guard let value = Decimal(exactLiteral: literal) else {
                    throw ExpressionError(column: column, message: "'\(literal)' is not a decimal number")
                }
                result.append((.number(value), column))
                i = j
            } else if c == "'" || c == "\"" {
                var j = i + 1
                while j < scalars.count, scalars[j] != c { j += 1 }
                guard j < scalars.count else { throw ExpressionError(column: column, message: "a quoted text is not closed") }
                result.append((.string(String(String.UnicodeScalarView(scalars[(i + 1)..<j]))), column))
                i = j + 1
            } else if isIdentifierStart(c) {
                var j = i
                while j < scalars.count, isIdentifierPart(scalars[j]) { j += 1 }
                result.append((.identifier(String(String.UnicodeScalarView(scalars[i..<j]))), column))
                i = j
            } else {
                let two = i + 1 < scalars.count ? String(String.UnicodeScalarView([c, scalars[i + 1]])) : ""
                if ["==", "!=", "<=", ">="].contains(two) {
                    result.append((.symbol(two), column))
                    i += 2
                } else if "<>+-*/(),[]".unicodeScalars.contains(c) {
                    result.append((.symbol(String(c)), column))
                    i += 1
                } else if c == "=" {
                    throw ExpressionError(column: column, message: "'=' is not an operator; compare with '=='")
                } else {
                    throw ExpressionError(column: column, message: "unexpected character '\(c)'")
                }
            }
        }
        result.append((.end, scalars.count + 1))
        return result
    }

    private var current: Token { tokens[index].token }
    private var currentColumn: Int { tokens[index].column }

    private func describeCurrent() -> String {
        switch current {
        case .number(let n): "number \(n)"
        case .string(let s): "text '\(s)'"
        case .identifier(let s): "'\(s)'"
        case .symbol(let s): "'\(s)'"
        case .end: "end of expression"
        }
    }

    private mutating func accept(_ symbol: String) -> Bool {
        switch current {
        case .symbol(symbol), .identifier(symbol):
            index += 1
            return true
        default:
            return false
        }
    }

    private mutating func expect(_ symbol: String) throws(ExpressionError) {
        guard accept(symbol) else { throw ExpressionError(column: currentColumn, message: "expected '\(symbol)', found \(describeCurrent())") }
    }

    private mutating func parseOr() throws(ExpressionError) -> ExpressionSyntax {
        var left = try parseAnd()
        while accept("or") { left = .binary("or", left, try parseAnd()) }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> ExpressionSyntax {
        var left = try parseNot()
        while accept("and") { left = .binary("and", left, try parseNot()) }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> ExpressionSyntax {
        if accept("not") { return .unary("not", try parseNot()) }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> ExpressionSyntax {
        let left = try parseAdditive()
        for op in ["==", "!=", "<=", ">=", "<", ">", "in"] where accept(op) {
            return .binary(op, left, try parseAdditive())
        }
        if accept("not") {
            try expect("in")
            return .unary("not", .binary("in", left, try parseAdditive()))
        }
        return left
    }

    private mutating func parseAdditive() throws(ExpressionError) -> ExpressionSyntax {
        var left = try parseMultiplicative()
        while true {
            if accept("+") { left = .binary("+", left, try parseMultiplicative()) }
            else if accept("-") { left = .binary("-", left, try parseMultiplicative()) }
            else { return left }
        }
    }

    private mutating func parseMultiplicative() throws(ExpressionError) -> ExpressionSyntax {
        var left = try parseUnary()
        while true {
            if accept("*") { left = .binary("*", left, try parseUnary()) }
            else if accept("/") { left = .binary("/", left, try parseUnary()) }
            else { return left }
        }
    }

    private mutating func parseUnary() throws(ExpressionError) -> ExpressionSyntax {
        if accept("-") { return .unary("-", try parseUnary()) }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionError) -> ExpressionSyntax {
        let column = currentColumn
        switch current {
        case .number(let value):
            index += 1
            // `150 EUR`: a number followed by three capital letters is an amount of money.
            if case .identifier(let unit) = current, unit.count == 3, unit.allSatisfy({ $0.isUppercase && $0.isASCII }) {
                index += 1
                return .money(value, currency: unit)
            }
            return .number(value)
        case .string(let text):
            index += 1
            return .string(text)
        case .identifier(let name):
            index += 1
            switch name {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "and", "or", "not", "in":
                throw ExpressionError(column: column, message: "'\(name)' needs an operand before it")
            default: break
            }
            if accept("(") {
                var arguments: [ExpressionSyntax] = []
                if !accept(")") {
                    repeat { arguments.append(try parseOr()) } while accept(",")
                    try expect(")")
                }
                return .call(name, arguments)
            }
            return .fact(name)
        case .symbol("("):
            index += 1
            let inner = try parseOr()
            try expect(")")
            return inner
        case .symbol("["):
            index += 1
            var items: [ExpressionSyntax] = []
            if !accept("]") {
                repeat { items.append(try parseOr()) } while accept(",")
                try expect("]")
            }
            return .set(items)
        default:
            throw ExpressionError(column: column, message: "expected a value, found \(describeCurrent())")
        }
    }
}
