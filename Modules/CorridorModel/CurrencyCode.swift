import Foundation

/// A current ISO 4217 currency with its numeric code and minor units.
///
/// The table is generated from `reference/currency-codes.csv` by `Scripts/generate-reference-tables`;
/// withdrawn currencies are not accepted. Encoded as its alphabetic code.
public struct CurrencyCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The alphabetic code, e.g. `CNY`.
    public let code: String
    /// The numeric code, e.g. 156.
    public let numeric: Int
    /// Digits after the decimal point (JPY 0, CNY 2, KWD 3); nil where ISO 4217 says N.A. (XAU, XDR).
    public let minorUnits: Int?
    /// The currency's English name.
    public let name: String

    /// Looks up an alphabetic code, case-insensitively.
    public init(_ text: String) throws(ModelError) {
        guard let row = CurrencyCode.byCode[text.trimmingWhitespace().uppercased()] else {
            throw .invalidCurrencyCode(text)
        }
        code = row.code
        numeric = row.numeric
        minorUnits = row.minorUnits
        name = row.name
    }

    public init(from decoder: any Decoder) throws {
        self = try CurrencyCode(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    /// Every current currency, sorted by code.
    public static var all: [CurrencyCode] { table.compactMap { try? CurrencyCode($0.code) } }

    public var description: String { code }

    public static func == (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.code < rhs.code }

    private typealias Row = (code: String, numeric: Int, minorUnits: Int?, name: String)
    private static let byCode: [String: Row] = Dictionary(table.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
}
