public import Foundation

/// An amount of money in one currency. The amount is an exact `Decimal`; rounding to the
/// currency's minor units (CNY 2, JPY 0, KWD 3) happens only when asked, with an explicit rule.
///
/// There is no mixed-currency arithmetic: adding EUR to USD throws. Encoded as
/// `{"amount": "12.34", "currency": "EUR"}` with the amount as a string, so no JSON number
/// ever passes through `Double`.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The exact amount.
    public let amount: Decimal
    /// The currency.
    public let currency: CurrencyCode

    /// Creates an amount, kept exactly as given; a NaN amount is rejected.
    public init(_ amount: Decimal, _ currency: CurrencyCode) throws(ModelError) {
        guard !amount.isNaN else { throw .invalidField(name: "amount", reason: "not a number") }
        self.init(exact: amount, currency)
    }

    /// For results of arithmetic on valid amounts.
    private init(exact amount: Decimal, _ currency: CurrencyCode) {
        self.amount = amount
        self.currency = currency
    }

    /// Parses a decimal string such as `"1234.5"` in a currency.
    public init(parsing text: String, currency: CurrencyCode) throws(ModelError) {
        let trimmed = text.trimmingWhitespace()
        guard let value = Decimal(exactLiteral: trimmed) else {
            throw .invalidField(name: "amount", reason: "'\(text)' is not a decimal number such as 1234.56")
        }
        self.init(exact: value, currency)
    }

    /// The amount in minor units as an integer (`12.34 EUR` → 1234), after rounding.
    public func minorUnitAmount(rule: RoundingRule = .halfAwayFromZero) -> Decimal {
        let scale = currency.minorUnits ?? 0
        var value = rounded(rule: rule).amount
        var result = Decimal()
        NSDecimalMultiplyByPowerOf10(&result, &value, Int16(scale), .plain)
        return result
    }

    /// The amount rounded to the currency's minor units. `.halfAwayFromZero` is the commercial rule,
    /// `.halfEven` the banker's rule. Currencies without minor units (XAU) are returned unchanged.
    public func rounded(rule: RoundingRule = .halfAwayFromZero) -> Money {
        guard let scale = currency.minorUnits else { return self }
        var value = amount
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, rule.mode)
        return Money(exact: result, currency)
    }

    /// The sum of two amounts in the same currency.
    public func adding(_ other: Money) throws(ModelError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch(currency.code, other.currency.code) }
        return Money(exact: amount + other.amount, currency)
    }

    /// The difference of two amounts in the same currency.
    public func subtracting(_ other: Money) throws(ModelError) -> Money {
        guard currency == other.currency else { throw .currencyMismatch(currency.code, other.currency.code) }
        return Money(exact: amount - other.amount, currency)
    }

    /// The amount scaled by a factor (a quantity, a duty rate); not rounded. A NaN factor is rejected.
    public func multiplied(by factor: Decimal) throws(ModelError) -> Money {
        guard !factor.isNaN else { throw .invalidField(name: "factor", reason: "not a number") }
        return Money(exact: amount * factor, currency)
    }

    /// The sum of amounts that must all be in `currency`.
    public static func sum(_ amounts: [Money], currency: CurrencyCode) throws(ModelError) -> Money {
        var total = Money(exact: 0, currency)
        for m in amounts { total = try total.adding(m) }
        return total
    }

    /// Whether the amount is below zero.
    public var isNegative: Bool { amount < 0 }

    /// The amount rounded to the currency's minor units and written with all of them: `12.30`, `5`
    /// for JPY. This is how quotes and reports print amounts.
    public func minorUnitText(rule: RoundingRule = .halfAwayFromZero) -> String {
        let r = rounded(rule: rule)
        var text = NSDecimalNumber(decimal: r.amount).stringValue
        if let scale = currency.minorUnits, scale > 0 {
            let fraction = text.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            if fraction.isEmpty { text += "." }
            text += String(repeating: "0", count: max(0, scale - fraction.count))
        }
        return text
    }

    /// `12.34 EUR`, with the amount rounded to the currency's minor units.
    public var description: String { "\(minorUnitText()) \(currency.code)" }

    private enum CodingKeys: String, CodingKey { case amount, currency }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let currency = try c.decode(CurrencyCode.self, forKey: .currency)
        let text: String
        if let s = try? c.decode(String.self, forKey: .amount) {
            text = s
        } else {
            throw DecodingError.dataCorruptedError(
                forKey: .amount, in: c, debugDescription: "amount must be a decimal string such as \"12.34\"")
        }
        try self.init(parsing: text, currency: currency)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(NSDecimalNumber(decimal: amount).stringValue, forKey: .amount)
        try c.encode(currency, forKey: .currency)
    }
}
