/// What is shipped: mass, volume and handling needs.
public struct Cargo: Sendable, Codable, Equatable {
    /// Gross mass in kg.
    public let massKg: Double
    /// Volume in m³ (0 when not given).
    public let volumeM3: Double
    /// Needs a temperature-controlled chain.
    public let reefer: Bool
    /// Contains lithium batteries (UN 3480/3481), which some services refuse.
    public let lithium: Bool

    /// Creates a cargo; mass must be positive and volume not negative.
    public init(massKg: Double, volumeM3: Double = 0, reefer: Bool = false, lithium: Bool = false) throws(LogisticsError) {
        guard massKg > 0, massKg.isFinite else { throw .invalidParameter(name: "mass", reason: "must be a positive number of kg, got \(massKg)") }
        guard volumeM3 >= 0, volumeM3.isFinite else { throw .invalidParameter(name: "volume", reason: "must be zero or a positive number of m³, got \(volumeM3)") }
        self.massKg = massKg
        self.volumeM3 = volumeM3
        self.reefer = reefer
        self.lithium = lithium
    }

    /// The chargeable weight in tonnes under a mode's volumetric factor (kg per m³).
    func chargeableTonnes(volumetric: Double) -> Double {
        max(massKg, volumeM3 * volumetric) / 1000
    }
}
