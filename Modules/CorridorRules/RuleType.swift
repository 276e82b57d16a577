import Foundation

/// The static type of a rule expression. Packs are type-checked against these when they load, so a
/// rule that compares money with a date never reaches an evaluation.
public indirect enum RuleType: Hashable, Sendable, CustomStringConvertible {
    /// An exact decimal number (a rate, a count, a mass).
    case decimal
    /// An amount with a currency.
    case money
    /// True or false.
    case bool
    /// Free text.
    case string
    /// A calendar day.
    case date
    /// A code: a country (ISO 3166 alpha-2), a currency, or an HS or national tariff code.
    case code
    /// A set of values of one type.
    case set(RuleType)

    /// Reads a type name as pack authors write it: `Decimal`, `Money`, `Bool`, `String`, `Date`,
    /// `Code`, `Set<Code>`.
    public init?(name: String) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        switch trimmed {
        case "Decimal": self = .decimal
        case "Money": self = .money
        case "Bool": self = .bool
        case "String": self = .string
        case "Date": self = .date
        case "Code": self = .code
        default:
            guard trimmed.hasPrefix("Set<"), trimmed.hasSuffix(">"),
                  let element = RuleType(name: String(trimmed.dropFirst(4).dropLast())) else { return nil }
            self = .set(element)
        }
    }

    public var description: String {
        switch self {
        case .decimal: "Decimal"
        case .money: "Money"
        case .bool: "Bool"
        case .string: "String"
        case .date: "Date"
        case .code: "Code"
        case .set(let element): "Set<\(element)>"
        }
    }
}
