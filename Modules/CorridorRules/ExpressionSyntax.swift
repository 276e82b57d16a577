import CorridorModel
import Foundation

/// The parsed form of a rule expression, before type-checking.
///
/// The grammar is small and total: literals, facts, set literals, unary and binary operators and a
/// fixed set of functions. There are no loops, no recursion and no user-defined functions, so every
/// expression terminates.
indirect enum ExpressionSyntax: Sendable {
    /// `12.5`
    case number(Decimal)
    /// `150 EUR`
    case money(Decimal, currency: String)
    /// `'text'`
    case string(String)
    /// `true`, `false`
    case bool(Bool)
    /// `seller.ioss_registered`
    case fact(String)
    /// `['CN', 'HK']`
    case set([ExpressionSyntax])
    /// `not x`, `-x`
    case unary(String, ExpressionSyntax)
    /// `a and b`, `a + b`, `a in s`
    case binary(String, ExpressionSyntax, ExpressionSyntax)
    /// `min(a, b)`, `vat_rate(destination)`
    case call(String, [ExpressionSyntax])
}
