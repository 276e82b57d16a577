/// A port from the searoute ports file: UN/LOCODE, name, country and position.
public struct Port: Sendable, Codable, Equatable {
    /// The UN/LOCODE, e.g. `CNSHA`.
    public let locode: String
    /// The port's name.
    public let name: String
    /// The country name as the file gives it.
    public let country: String
    /// Where it is.
    public let position: GeoPoint
}
