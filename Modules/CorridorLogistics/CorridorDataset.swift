public import Foundation

/// The authored land-corridor dataset (`Resources/land-corridors.json`): terminals, border crossings
/// with gauge-change dwell distributions, scheduled rail and ferry services, and per-mode cost and
/// CO2e factors, every row with its source.
public struct CorridorDataset: Sendable, Decodable {
    /// A terminal, crossing, port or hub.
    public struct Node: Sendable, Decodable, Equatable {
        public let id: String
        public let locode: String?
        public let name: String
        public let kind: String
        public let country: String
        public let lon: Double
        public let lat: Double
        public let air: Bool
        public var position: GeoPoint { GeoPoint(longitude: lon, latitude: lat) }
    }

    /// A border crossing or reload point: dwell days (p50, p90) under three conditions.
    public struct Crossing: Sendable, Decodable, Equatable {
        public let node: String
        public let pair: String
        public let gauge: String
        public let dwellDays: [String: [Double]]
        public let source: String

        enum CodingKeys: String, CodingKey { case node, pair, gauge, dwellDays = "dwell_days", source }
    }

    /// A scheduled service along a sequence of stops.
    public struct Service: Sendable, Decodable, Equatable {
        public let id: String
        public let name: String
        public let mode: String
        public let stops: [String]
        /// The published terminal-to-terminal distance, or `nil` where the row says it is estimated.
        public let distanceKm: Double?
        /// Running days, p50 and p90, without border dwell.
        public let days: [Double]
        /// ISO weekdays with a departure (1 = Monday).
        public let weekdays: [Int]
        public let reefer: Bool
        public let lithium: Bool
        public let source: String

        enum CodingKeys: String, CodingKey {
            case id, name, mode, stops, distanceKm = "distance_km", days, weekdays, reefer, lithium, source
        }
    }

    /// Cost, CO2e and speed of a mode.
    public struct Mode: Sendable, Decodable, Equatable {
        public let costPerTkm: Decimal
        public let fixed: Decimal
        public let co2ePerTkm: Double
        public let volumetricKgPerM3: Double
        public let speedKmh: Double?
        public let drivingHoursPerDay: Double?
        public let portDays: [Double]?
        public let handlingDays: [Double]?
        public let source: String

        enum CodingKeys: String, CodingKey {
            case costPerTkm = "cost_per_tkm", fixed, co2ePerTkm = "co2e_per_tkm", volumetricKgPerM3 = "volumetric_kg_per_m3"
            case speedKmh = "speed_kmh", drivingHoursPerDay = "driving_hours_per_day", portDays = "port_days", handlingDays = "handling_days", source
        }
    }

    /// Transshipment at a hub.
    public struct Hub: Sendable, Decodable, Equatable {
        public let handlingCostPerT: Decimal
        public let co2eKgPerT: Double
        public let days: [Double]
        public let source: String

        enum CodingKeys: String, CodingKey { case handlingCostPerT = "handling_cost_per_t", co2eKgPerT = "co2e_kg_per_t", days, source }
    }

    public let about: String
    public let nodes: [Node]
    public let crossings: [Crossing]
    public let services: [Service]
    public let modes: [String: Mode]
    public let hub: Hub
    public let circuity: [String: Double]
    public let railCircuity: Double

    enum CodingKeys: String, CodingKey {
        case about, nodes, crossings, services, modes, hub, circuity, railCircuity = "rail_circuity"
    }

    /// The dataset compiled into the module.
    public static func bundled() throws(LogisticsError) -> CorridorDataset {
        try decode(Data(PackageResources.land_corridors_json), file: "land-corridors.json")
    }

    /// Decodes and checks a dataset: every stop and crossing names a node, every service has a
    /// source, a mode with factors, and running days p50 ≤ p90.
    public static func decode(_ data: Data, file: String) throws(LogisticsError) -> CorridorDataset {
        let dataset: CorridorDataset
        do {
            dataset = try JSONDecoder().decode(CorridorDataset.self, from: data)
        } catch {
            throw .malformedFile(file: file, line: 0, reason: "\(error)")
        }
        let ids = Set(dataset.nodes.map(\.id))
        for s in dataset.services {
            for stop in s.stops where !ids.contains(stop) {
                throw .malformedFile(file: file, line: 0, reason: "service \(s.id) stops at unknown node \(stop)")
            }
            guard dataset.modes[s.mode] != nil else { throw .malformedFile(file: file, line: 0, reason: "service \(s.id) has mode \(s.mode), which has no factors") }
            guard s.days.count == 2, s.days[0] <= s.days[1], !s.source.isEmpty, !s.weekdays.isEmpty, s.weekdays.allSatisfy({ (1...7).contains($0) }) else {
                throw .malformedFile(file: file, line: 0, reason: "service \(s.id) needs days [p50, p90] with p50 ≤ p90, weekdays 1–7 and a source")
            }
        }
        for c in dataset.crossings where !ids.contains(c.node) {
            throw .malformedFile(file: file, line: 0, reason: "crossing \(c.pair) is at unknown node \(c.node)")
        }
        for name in ["rail", "sea", "road", "air"] where dataset.modes[name] == nil {
            throw .malformedFile(file: file, line: 0, reason: "mode \(name) has no factors")
        }
        return dataset
    }
}
