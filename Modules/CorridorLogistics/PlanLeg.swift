/// One leg of a planned route.
public struct PlanLeg: Sendable, Codable, Equatable {
    /// `rail`, `sea`, `road`, `air` or `ferry`.
    public let mode: String
    /// The scheduled service, for rail and ferry legs.
    public let service: String?
    /// Where the leg starts (node id or UN/LOCODE).
    public let from: String
    /// Where it ends.
    public let to: String
    /// Length, km.
    public let distanceKm: Double
    /// Days after the ready date when the leg departs (p50), including waits for a departure.
    public let departsDay: Double
    /// Days after the ready date when it arrives (p50), border and port dwell included.
    public let arrivesDay: Double
    /// Dwell within the leg (borders, gauge changes, ports), p50 days.
    public let dwellDays: Double
    /// Cost in USD (indicative, see the dataset's sources).
    public let costUSD: String
    /// kg CO2e.
    public let co2eKg: Double
}
