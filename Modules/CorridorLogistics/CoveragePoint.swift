/// A candidate site or a demand point.
public struct CoveragePoint: Sendable, Codable, Equatable {
    /// An identifier from the input.
    public let id: String
    /// A readable name.
    public let name: String
    /// Where it is.
    public let position: GeoPoint
    /// Demand weight (1 when not given); ignored for sites.
    public let weight: Double

    /// Creates a point.
    public init(id: String, name: String, position: GeoPoint, weight: Double = 1) {
        self.id = id
        self.name = name
        self.position = position
        self.weight = weight
    }
}
