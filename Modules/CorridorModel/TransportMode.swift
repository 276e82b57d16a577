import Foundation

/// A mode of transport, with its UN/ECE Recommendation 19 code.
public enum TransportMode: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// Maritime transport, including short-sea and ro-ro.
    case sea
    /// Rail, including China–Europe and China–Laos–Thailand services.
    case rail
    /// Road.
    case road
    /// Air.
    case air
    /// Inland waterway.
    case inlandWater = "inland-water"

    /// Parses `sea`, `rail`, `road`, `air`, `inland-water` (or `inland_water`, `inlandWater`).
    public init(parsing text: String) throws(ModelError) {
        let key = text.trimmingWhitespace().lowercased().replacingOccurrences(of: "_", with: "-")
        if let mode = TransportMode(rawValue: key) {
            self = mode
        } else if key == "inlandwater" {
            self = .inlandWater
        } else {
            throw .invalidTransportMode(text)
        }
    }

    /// The UN/ECE Recommendation 19 code: 1 sea, 2 rail, 3 road, 4 air, 8 inland water.
    public var rec19Code: Int {
        switch self {
        case .sea: 1
        case .rail: 2
        case .road: 3
        case .air: 4
        case .inlandWater: 8
        }
    }

    public var description: String { rawValue }
}
