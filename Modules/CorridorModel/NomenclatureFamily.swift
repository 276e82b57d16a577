import Foundation

/// A line of nomenclature releases that replace one another over time.
public enum NomenclatureFamily: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// The WCO Harmonized System (6 digits).
    case hs
    /// The Harmonized Tariff Schedule of the United States (8-digit tariff lines, 10-digit statistical).
    case usHTS = "us-hts"
    /// The EU Combined Nomenclature (8 digits).
    case euCN = "eu-cn"

    /// The importing jurisdiction, nil for the international HS.
    public var jurisdiction: String? {
        switch self {
        case .hs: nil
        case .usHTS: "US"
        case .euCN: "EU"
        }
    }

    public var description: String { rawValue }
}
