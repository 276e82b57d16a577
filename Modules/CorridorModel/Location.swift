import Foundation

/// A place in trade: a UN/LOCODE (`CNSHA` Shanghai, `NLRTM` Rotterdam) with optional coordinates.
public struct Location: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The five-character UN/LOCODE: ISO 3166-1 alpha-2 country plus three letters or digits 2–9.
    public let locode: String
    /// The country the LOCODE belongs to.
    public let country: CountryCode
    /// A human-readable name, e.g. `Shanghai`.
    public let name: String?
    /// WGS 84 coordinates, when known.
    public let coordinate: Coordinate?

    /// Validates the LOCODE's form and country. Spaces (`CN SHA`) are ignored.
    public init(locode: String, name: String? = nil, coordinate: Coordinate? = nil) throws(ModelError) {
        let code = locode.uppercased().filter { $0 != " " }
        guard code.count == 5 else {
            throw .invalidLocation("UN/LOCODE '\(locode)' must have 5 characters: country (2) + place (3), e.g. CNSHA")
        }
        let place = code.dropFirst(2)
        guard place.allSatisfy({ $0.isASCII && ($0.isUppercase || ("2"..."9").contains($0)) }) else {
            throw .invalidLocation("UN/LOCODE '\(locode)': the place part uses letters A–Z and digits 2–9 only")
        }
        do {
            country = try CountryCode(String(code.prefix(2)))
        } catch {
            throw .invalidLocation("UN/LOCODE '\(locode)': '\(code.prefix(2))' is not an ISO 3166-1 country")
        }
        self.locode = code
        self.name = name
        self.coordinate = coordinate
    }

    private enum CodingKeys: String, CodingKey { case locode, name, coordinate }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(locode: c.decode(String.self, forKey: .locode),
                      name: c.decodeIfPresent(String.self, forKey: .name),
                      coordinate: c.decodeIfPresent(Coordinate.self, forKey: .coordinate))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(locode, forKey: .locode)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(coordinate, forKey: .coordinate)
    }

    public var description: String { name.map { "\(locode) (\($0))" } ?? locode }
}
