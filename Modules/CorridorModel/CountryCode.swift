import Foundation

/// An ISO 3166-1 country, identified by its alpha-2 code and carrying its alpha-3 and numeric codes
/// and English name.
///
/// The table is generated from `reference/country-codes.csv` by `Scripts/generate-reference-tables`.
/// Encoded as its alpha-2 code; decoding accepts any of the three forms.
public struct CountryCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// ISO 3166-1 alpha-2, e.g. `CN`.
    public let alpha2: String
    /// ISO 3166-1 alpha-3, e.g. `CHN`.
    public let alpha3: String
    /// ISO 3166-1 numeric, e.g. 156.
    public let numeric: Int
    /// The English short name, e.g. `China`.
    public let name: String

    /// Looks up an alpha-2 (`CN`), alpha-3 (`CHN`) or numeric (`156`, `"156"`) code, case-insensitively.
    public init(_ text: String) throws(ModelError) {
        let key = text.trimmingWhitespace().uppercased()
        let row: (alpha2: String, alpha3: String, numeric: Int, name: String)?
        if let n = Int(key), key.allSatisfy(\.isNumber) {
            row = CountryCode.byNumeric[n]
        } else if key.count == 2 {
            row = CountryCode.byAlpha2[key]
        } else if key.count == 3 {
            row = CountryCode.byAlpha3[key]
        } else {
            row = nil
        }
        guard let row else { throw .invalidCountryCode(text) }
        alpha2 = row.alpha2
        alpha3 = row.alpha3
        numeric = row.numeric
        name = row.name
    }

    public init(from decoder: any Decoder) throws {
        self = try CountryCode(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(alpha2)
    }

    /// Every ISO 3166-1 country in the table, sorted by alpha-2.
    public static var all: [CountryCode] {
        table.map { CountryCode(alpha2: $0.alpha2, alpha3: $0.alpha3, numeric: $0.numeric, name: $0.name) }
    }

    public var description: String { alpha2 }

    public static func == (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.alpha2 == rhs.alpha2 }
    public func hash(into hasher: inout Hasher) { hasher.combine(alpha2) }
    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.alpha2 < rhs.alpha2 }

    private init(alpha2: String, alpha3: String, numeric: Int, name: String) {
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.numeric = numeric
        self.name = name
    }

    private typealias Row = (alpha2: String, alpha3: String, numeric: Int, name: String)
    private static let byAlpha2: [String: Row] = Dictionary(table.map { ($0.alpha2, $0) }, uniquingKeysWith: { a, _ in a })
    private static let byAlpha3: [String: Row] = Dictionary(table.map { ($0.alpha3, $0) }, uniquingKeysWith: { a, _ in a })
    private static let byNumeric: [Int: Row] = Dictionary(table.map { ($0.numeric, $0) }, uniquingKeysWith: { a, _ in a })
}
