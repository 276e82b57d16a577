/// A sea route between two points on the maritime network, or the reason there is none.
public struct SeaRoute: Sendable, Codable, Equatable {
    /// The network node the origin was snapped to, and how far it is from the origin.
    public struct Snap: Sendable, Codable, Equatable {
        /// The point asked for.
        public let requested: GeoPoint
        /// The nearest network node.
        public let node: GeoPoint
        /// Great-circle distance between them.
        public let distanceKm: Double
    }

    /// Where the route starts on the network.
    public let origin: Snap
    /// Where it ends on the network.
    public let destination: Snap
    /// Great-circle length of the route along the network, node to node, in km (`nil` when unreachable).
    public let lengthKm: Double?
    /// Named passages the route goes through, in order.
    public let passages: [String]
    /// The route's points as `[longitude, latitude]`; longitudes continue past ±180 across the
    /// antimeridian so that the line draws without a jump.
    public let coordinates: [GeoPoint]
    /// Passages that were excluded.
    public let excluded: [String]
    /// Why there is no route, when there is none.
    public let unreachableReason: String?

    /// Whether a route was found.
    public var reachable: Bool { lengthKm != nil }
}
