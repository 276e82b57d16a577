import Foundation

/// A point as GeoJSON orders it: longitude, then latitude, in degrees. Longitudes past ±180 are
/// kept as given (a route drawn across the antimeridian needs them).
public struct GeoPoint: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Degrees east; may lie outside [−180, 180] on a line crossing the antimeridian.
    public let longitude: Double
    /// Degrees north, in [−90, 90].
    public let latitude: Double

    /// Creates a point.
    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }

    /// The mean Earth radius (IUGG), the one searoute uses.
    public static let earthRadiusKm = 6371.0088

    /// The great-circle (haversine) distance in kilometres.
    public func distanceKm(to other: GeoPoint) -> Double {
        let dLat = (other.latitude - latitude) * .pi / 180
        let dLon = (other.longitude - longitude) * .pi / 180
        let lat1 = latitude * .pi / 180, lat2 = other.latitude * .pi / 180
        let a = pow(sin(dLat / 2), 2) + pow(sin(dLon / 2), 2) * cos(lat1) * cos(lat2)
        return 2 * atan2(a.squareRoot(), (1 - a).squareRoot()) * Self.earthRadiusKm
    }

    /// The same point with its longitude in [−180, 180).
    public var normalised: GeoPoint {
        var x = longitude.truncatingRemainder(dividingBy: 360)
        if x >= 180 { x -= 360 }
        if x < -180 { x += 360 }
        return GeoPoint(longitude: x, latitude: latitude)
    }

    /// `[longitude, latitude]`, GeoJSON's order.
    public var pair: [Double] { [longitude, latitude] }

    /// `[longitude, latitude]`.
    public var description: String { "[\(longitude), \(latitude)]" }

    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        longitude = try c.decode(Double.self)
        latitude = try c.decode(Double.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(longitude)
        try c.encode(latitude)
    }
}
