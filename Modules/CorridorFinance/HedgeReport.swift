/// An exposure's risk and the hedge that meets its limit.
public struct HedgeReport: Sendable, Codable, Equatable {
    /// The valuation and VaR.
    public let exposure: ExposureRisk
    /// The forwards.
    public let plan: HedgePlan
}
