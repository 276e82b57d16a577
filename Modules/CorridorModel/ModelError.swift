import Foundation

/// A value failed validation while a model type was constructed or decoded.
///
/// Every case names the offending input and says what would be accepted, so that a message
/// can be shown to a user unchanged.
public enum ModelError: Error, CustomStringConvertible, Equatable, Sendable {
    /// An HS or national tariff code is malformed.
    case invalidHSCode(String, reason: String)
    /// An HS version is not one of the known editions.
    case invalidHSVersion(String)
    /// A country code is not an ISO 3166-1 alpha-2, alpha-3 or numeric code.
    case invalidCountryCode(String)
    /// A currency code is not a current ISO 4217 code.
    case invalidCurrencyCode(String)
    /// An arithmetic operation mixed two currencies.
    case currencyMismatch(String, String)
    /// A UN/ECE Recommendation 20 unit code is malformed.
    case invalidUnitCode(String)
    /// A quantity is negative or otherwise unusable.
    case invalidQuantity(String)
    /// A calendar date is not a valid `YYYY-MM-DD` date.
    case invalidDate(String)
    /// An effective period ends on or before it starts.
    case invalidPeriod(start: String, end: String)
    /// A UN/LOCODE or coordinate is malformed.
    case invalidLocation(String)
    /// An Incoterm is not one of the eleven Incoterms 2020 rules.
    case invalidIncoterm(String)
    /// A transport mode is unknown.
    case invalidTransportMode(String)
    /// A required text field is empty or too long.
    case invalidField(name: String, reason: String)

    public var description: String {
        switch self {
        case .invalidHSCode(let code, let reason):
            return "invalid HS code '\(code)': \(reason)"
        case .invalidHSVersion(let value):
            return "unknown HS version '\(value)'; use one of \(HSVersion.allCases.map(\.rawValue).joined(separator: ", "))"
        case .invalidCountryCode(let value):
            return "unknown country '\(value)'; use an ISO 3166-1 alpha-2 (CN), alpha-3 (CHN) or numeric (156) code"
        case .invalidCurrencyCode(let value):
            return "unknown currency '\(value)'; use a current ISO 4217 code such as CNY, EUR or USD"
        case .currencyMismatch(let lhs, let rhs):
            return "cannot combine \(lhs) and \(rhs) amounts; convert one currency first"
        case .invalidUnitCode(let value):
            return "invalid unit '\(value)'; use a UN/ECE Rec. 20 code such as KGM, LTR, H87 or MTK"
        case .invalidQuantity(let reason):
            return "invalid quantity: \(reason)"
        case .invalidDate(let value):
            return "invalid date '\(value)'; use YYYY-MM-DD, e.g. 2026-07-01"
        case .invalidPeriod(let start, let end):
            return "invalid effective period: end \(end) must be after start \(start)"
        case .invalidLocation(let reason):
            return "invalid location: \(reason)"
        case .invalidIncoterm(let value):
            return "unknown Incoterm '\(value)'; use one of \(Incoterm.allCases.map(\.rawValue).joined(separator: ", "))"
        case .invalidTransportMode(let value):
            return "unknown transport mode '\(value)'; use one of \(TransportMode.allCases.map(\.rawValue).joined(separator: ", "))"
        case .invalidField(let name, let reason):
            return "invalid \(name): \(reason)"
        }
    }
}
