import Foundation

/// A WGS 84 position in decimal degrees. Geometry, not money, so `Double` is right here.
public struct Coordinate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Latitude, −90 to 90.
    public let latitude: Double
    /// Longitude, −180 to 180.
    public let longitude: Double

    /// Validates the ranges.
    public init(latitude: Double, longitude: Double) throws(ModelError) {
        guard latitude.isFinite, (-90...90).contains(latitude) else {
            throw .invalidLocation("latitude \(latitude) is outside −90…90")
        }
        guard longitude.isFinite, (-180...180).contains(longitude) else {
            throw .invalidLocation("longitude \(longitude) is outside −180…180")
        }
        self.latitude = latitude
        self.longitude = longitude
    }

    private enum CodingKeys: String, CodingKey { case latitude, longitude }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(latitude: c.decode(Double.self, forKey: .latitude), longitude: c.decode(Double.self, forKey: .longitude))
    }

    public var description: String { "\(latitude),\(longitude)" }
}
