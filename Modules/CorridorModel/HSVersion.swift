import Foundation

/// An edition of the Harmonized System nomenclature.
///
/// Source: World Customs Organization, HS Convention amendments; each edition enters into force
/// on 1 January of its year (HS 2012, HS 2017, HS 2022). HS 2028 was accepted by the WCO Council
/// in 2025 and enters into force on 1 January 2028.
public enum HSVersion: String, CaseIterable, Comparable, Sendable, Codable, CustomStringConvertible {
    case hs2012
    case hs2017
    case hs2022
    case hs2028

    /// Parses `hs2022`, `HS2022`, `HS 2022` or `2022`.
    public init(parsing text: String) throws(ModelError) {
        let key = text.lowercased().filter { !$0.isWhitespace }
        let normalized = key.hasPrefix("hs") ? key : "hs" + key
        guard let version = HSVersion(rawValue: normalized) else { throw .invalidHSVersion(text) }
        self = version
    }

    /// The edition's year.
    public var year: Int {
        switch self {
        case .hs2012: 2012
        case .hs2017: 2017
        case .hs2022: 2022
        case .hs2028: 2028
        }
    }

    /// The day the edition enters into force (1 January of its year).
    public var entryIntoForce: CivilDate {
        CivilDate(unchecked: year, 1, 1)
    }

    public var description: String { "HS \(year)" }

    public static func < (lhs: HSVersion, rhs: HSVersion) -> Bool { lhs.year < rhs.year }
}
