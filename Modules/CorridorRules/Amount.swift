public import CorridorModel

/// An amount in a quote: exact until written, then written with all the currency's minor units
/// (`3.00`, `1235` for JPY), rounded half away from zero, as a JSON string.
public struct Amount: Sendable, Hashable, Encodable, CustomStringConvertible {
    /// The amount.
    public let money: Money

    /// Wraps an amount.
    public init(_ money: Money) {
        self.money = money
    }

    /// `3.00`.
    public var description: String { money.minorUnitText() }

    /// Encoded as the text, e.g. `"3.00"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
