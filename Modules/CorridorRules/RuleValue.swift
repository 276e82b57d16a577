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
}
