/// One route option: its legs and totals.
public struct PlanOption: Sendable, Codable, Equatable {
    /// The legs in order.
    public let legs: [PlanLeg]
    /// The modes used, in order, e.g. `road+rail+road`.
    public let modes: String
    /// Total cost in USD, as a decimal string.
    public let costUSD: String
    /// Median door-to-door days after the ready date.
    public let p50Days: Double
    /// 90th-percentile days (independent leg spreads combined in quadrature).
    public let p90Days: Double
    /// Total kg CO2e (EN ISO 14083 / GLEC: tonne-km × intensity per mode, plus hub emissions per transshipment).
    public let co2eKg: Double
    /// Notes a shipper should read (lithium on air, estimated distances, congestion scenarios).
    public let notes: [String]
}
