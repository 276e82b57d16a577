/// A candidate site or a demand point.
public struct CoveragePoint: Sendable, Codable, Equatable {
    public let id: String
    public let name: String
    public let position: GeoPoint
    /// Demand weight (1 when not given); ignored for sites.
    public let weight: Double

    public init(id: String, name: String, position: GeoPoint, weight: Double = 1) {
        self.id = id
        self.name = name
        self.position = position
        self.weight = weight
    }
}
