public import Foundation

/// The authored land-corridor dataset (`Resources/land-corridors.json`): terminals, border crossings
/// with gauge-change dwell distributions, scheduled rail and ferry services, and per-mode cost and
/// CO2e factors, every row with its source.
public struct CorridorDataset: Sendable, Decodable {
    /// A terminal, crossing, port or hub.
    public struct Node: Sendable, Decodable, Equatable {
        /// The node id used by services and queries.
        public let id: String
        /// Its UN/LOCODE, where one exists.
        public let locode: String?
        /// A readable name.
        public let name: String
        /// `rail-terminal`, `border-crossing`, `port` or `hub`.
        public let kind: String
        /// ISO 3166 alpha-2 country.
        public let country: String
        /// Longitude, degrees.
        public let lon: Double
        /// Latitude, degrees.
        public let lat: Double
        /// Whether it has an air-cargo airport.
        public let air: Bool
        /// Where it is.
        public var position: GeoPoint { GeoPoint(longitude: lon, latitude: lat) }
    }

    /// A border crossing or reload point: dwell days (p50, p90) under three conditions.
    public struct Crossing: Sendable, Decodable, Equatable {
        /// The node where the dwell applies.
        public let node: String
        /// The crossing, e.g. "Brest / Małaszewicze".
        public let pair: String
        /// The gauge change, e.g. "1520 → 1435 mm", or "ferry".
        public let gauge: String
        /// Per condition (normal, stressed, congested): [P50, P90] days.
        public let dwellDays: [String: [Double]]
        /// Where the figures come from.
        public let source: String

        enum CodingKeys: String, CodingKey { case node, pair, gauge, dwellDays = "dwell_days", source }
    }

    /// A scheduled service along a sequence of stops.
    public struct Service: Sendable, Decodable, Equatable {
        /// The service id.
        public let id: String
        /// A readable name.
        public let name: String
        /// `rail` or `ferry`.
        public let mode: String
        /// Node ids in running order.
        public let stops: [String]
        /// The published terminal-to-terminal distance, or `nil` where the row says it is estimated.
        public let distanceKm: Double?
        /// Running days, p50 and p90, without border dwell.
        public let days: [Double]
        /// ISO weekdays with a departure (1 = Monday).
        public let weekdays: [Int]
        /// Carries reefer containers.
        public let reefer: Bool
        /// Accepts lithium batteries.
        public let lithium: Bool
        /// The published source of the row.
        public let source: String

        enum CodingKeys: String, CodingKey {
            case id, name, mode, stops, distanceKm = "distance_km", days, weekdays, reefer, lithium, source
        }
    }

    /// Cost, CO2e and speed of a mode.
    public struct Mode: Sendable, Decodable, Equatable {
        /// USD per chargeable tonne-km.
        public let costPerTkm: Decimal
        /// USD per leg.
        public let fixed: Decimal
        /// kg CO2e per tonne-km.
        public let co2ePerTkm: Double
        /// kg per m³ for the chargeable weight.
        public let volumetricKgPerM3: Double
        /// Speed, km/h.
        public let speedKmh: Double?
        /// Driving hours a day (road).
        public let drivingHoursPerDay: Double?
        /// Port dwell per sea leg, [P50, P90] days.
        public let portDays: [Double]?
        /// Handling per air leg, [P50, P90] days.
        public let handlingDays: [Double]?
        /// Where the factors come from.
        public let source: String

        enum CodingKeys: String, CodingKey {
            case costPerTkm = "cost_per_tkm", fixed, co2ePerTkm = "co2e_per_tkm", volumetricKgPerM3 = "volumetric_kg_per_m3"
            case speedKmh = "speed_kmh", drivingHoursPerDay = "driving_hours_per_day", portDays = "port_days", handlingDays = "handling_days", source
        }
    }

    /// Transshipment at a hub.
    public struct Hub: Sendable, Decodable, Equatable {
        /// USD per tonne handled.
        public let handlingCostPerT: Decimal
        /// kg CO2e per tonne transshipped.
        public let co2eKgPerT: Double
        /// Dwell per transshipment, [P50, P90] days.
        public let days: [Double]
        /// Where the figures come from.
        public let source: String

        enum CodingKeys: String, CodingKey { case handlingCostPerT = "handling_cost_per_t", co2eKgPerT = "co2e_kg_per_t", days, source }
    }

    /// What the dataset is and how its figures were made.
    public let about: String
    /// Terminals, crossings, ports and hubs.
    public let nodes: [Node]
    /// Border crossings and reloads with dwell.
    public let crossings: [Crossing]
    /// Scheduled services.
    public let services: [Service]
    /// Factors per mode (rail, sea, road, air, ferry).
    public let modes: [String: Mode]
    /// Transshipment parameters.
    public let hub: Hub
    /// Road circuity per region (CN, EU, ASEAN, other).
    public let circuity: [String: Double]
    /// Rail circuity for estimated distances.
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
        for (name, keys) in [("node", dataset.nodes.map(\.id)), ("crossing", dataset.crossings.map(\.node)), ("service", dataset.services.map(\.id))]
        where Set(keys).count != keys.count {
            throw .malformedFile(file: file, line: 0, reason: "a \(name) id appears twice")
        }
        let pairs = [("hub.days", dataset.hub.days)] + dataset.modes.flatMap { key, mode in
            [("\(key).port_days", mode.portDays), ("\(key).handling_days", mode.handlingDays)].compactMap { n, v in v.map { (n, $0) } }
        } + dataset.crossings.flatMap { c in c.dwellDays.map { ("\(c.pair) \($0.key)", $0.value) } }
        for (name, values) in pairs where !(values.count == 2 && values[0] >= 0 && values[0] <= values[1]) {
            throw .malformedFile(file: file, line: 0, reason: "\(name) must be [P50, P90] with 0 ≤ P50 ≤ P90")
        }
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
