public import CorridorModel
public import Foundation

/// A value during rule evaluation; its case always matches the `RuleType` the checker gave it.
public enum RuleValue: Hashable, Sendable, CustomStringConvertible, Encodable {
    /// A decimal number.
    case decimal(Decimal)
    /// An amount of money.
    case money(Money)
    /// A truth value.
    case bool(Bool)
    /// Text.
    case string(String)
    /// A day.
    case date(CivilDate)
    /// A code (country, currency, HS).
    case code(String)
    /// A set, kept in first-seen order without duplicates.
    case set([RuleValue])

    /// The value's type (a set's element type is that of its first element, `String` when empty).
    public var type: RuleType {
        switch self {
        case .decimal: .decimal
        case .money: .money
        case .bool: .bool
        case .string: .string
        case .date: .date
        case .code: .code
        case .set(let items): .set(items.first?.type ?? .string)
        }
    }

    /// The value as JSON-friendly text: decimals and amounts as exact strings, amounts with their currency.
    public var description: String {
        switch self {
        case .decimal(let d): d.description
        case .money(let m): "\(m.amount) \(m.currency.code)"
        case .bool(let b): b ? "true" : "false"
        case .string(let s): s
        case .date(let d): d.description
        case .code(let c): c
        case .set(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        }
    }

    /// Encoded as its text (`3 EUR`, `0.19`, `true`), so that no amount passes through a JSON number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Reads a single (non-set) value of `type` written as text, as packs and requests write them:
    /// `0.19`, `true`/`false` (or `yes`/`no`), `CN`, `2026-07-01`, and money as `150 EUR`, or as a
    /// bare `150` when `currency` says which. Nil when the text is not such a value.
    public init?(text: String, type: RuleType, currency: CurrencyCode? = nil) {
        let raw = text.trimmingCharacters(in: .whitespaces)
        switch type {
        case .decimal:
            guard let d = Decimal(exactLiteral: raw) else { return nil }
            self = .decimal(d)
        case .money:
            let parts = raw.split(separator: " ")
            let code: CurrencyCode?
            if parts.count == 2 { code = try? CurrencyCode(String(parts[1])) } else if parts.count == 1 { code = currency } else { code = nil }
            guard let code, let amount = parts.first.flatMap({ Decimal(exactLiteral: String($0)) }), let money = try? Money(amount, code) else { return nil }
            self = .money(money)
        case .bool:
            switch raw.lowercased() {
            case "true", "yes": self = .bool(true)
            case "false", "no": self = .bool(false)
            default: return nil
            }
        case .string: self = .string(raw)
        case .code: self = .code(raw)
        case .date:
            guard let day = try? CivilDate(parsing: raw) else { return nil }
            self = .date(day)
        case .set: return nil
        }
    }

    /// What a value of `type` looks like, for error messages.
    static func example(of type: RuleType) -> String {
        switch type {
        case .decimal: "a decimal number"
        case .money: "an amount"
        case .bool: "true or false"
        case .string: "a text"
        case .code: "a code"
        case .date: "a day written YYYY-MM-DD"
        case .set: "a set"
        }
    }
}
