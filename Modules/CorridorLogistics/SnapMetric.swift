/// How a point is snapped to the nearest network node.
public enum SnapMetric: String, Sendable, Codable, CaseIterable {
    /// Euclidean distance on raw (longitude, latitude) degrees: searoute-py's rule, the default, so
    /// that routes and lengths agree with it node for node.
    case planarDegrees = "planar"
    /// Great-circle distance, which is right near the poles and across the antimeridian.
    case greatCircle = "great-circle"
}
