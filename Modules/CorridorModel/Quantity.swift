public import Foundation

/// An amount of something in a Rec. 20 unit: `12.5 KGM`, `100 H87`.
public struct Quantity: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The non-negative amount.
    public let value: Decimal
    /// The unit.
    public let unit: UnitCode

    /// Creates a quantity; negative values are rejected.
    public init(_ value: Decimal, _ unit: UnitCode) throws(ModelError) {
        guard value >= 0, !value.isNaN else { throw .invalidQuantity("\(value) \(unit) is negative or not a number") }
        self.value = value
        self.unit = unit
    }

    private enum CodingKeys: String, CodingKey { case value, unit }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let unit = try c.decode(UnitCode.self, forKey: .unit)
        let text = try c.decode(String.self, forKey: .value)
        guard let value = Decimal(exactLiteral: text), text == text.trimmingCharacters(in: .whitespaces) else {
            throw ModelError.invalidQuantity("'\(text)' is not a decimal number")
        }
        try self.init(value, unit)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(NSDecimalNumber(decimal: value).stringValue, forKey: .value)
        try c.encode(unit, forKey: .unit)
    }

    public var description: String { "\(NSDecimalNumber(decimal: value).stringValue) \(unit.code)" }
}
