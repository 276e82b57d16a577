public import CorridorModel
public import Foundation

/// Multi-criteria route planning over the land-sea network: scheduled rail and ferry services from
/// the corridor dataset, sea legs on the maritime network between gateway ports, road legs
/// (great-circle × regional circuity, at a truck speed under the EU driving-time limit) and air
/// legs between airports.
///
/// A label-setting search (Martins' multi-objective Dijkstra) keeps, at every node, the labels not
/// dominated on (cost, P50 days, CO2e). Waiting for a service's next weekly departure, border and
/// gauge-change dwell (by condition), port and hub dwell are part of the time; P90 combines each
/// leg's P90−P50 spread in quadrature. CO2e follows EN ISO 14083 / GLEC: tonne-km × the mode's
/// intensity, plus the hub's intensity once per transshipment.
public struct MultimodalPlanner: Sendable {
    /// What the query optimises.
    public enum Objective: String, Sendable, Codable, CaseIterable {
        case pareto, cost, time, co2e
    }

    /// The state of the border crossings.
    public enum BorderCondition: String, Sendable, Codable, CaseIterable {
        case normal, stressed, congested
    }

    /// A planning query.
    public struct Query: Sendable {
        /// Origin: UN/LOCODE or node id.
        public var from: String
        /// Destination: UN/LOCODE or node id.
        public var to: String
        /// What is shipped.
        public var cargo: Cargo
        /// When the cargo is ready at the origin.
        public var ready: CivilDate
        /// What to optimise.
        public var objective: Objective = .pareto
        /// The state of the border crossings.
        public var border: BorderCondition = .normal
        /// Only options whose P90 is at most this many days.
        public var maxDays: Double?
        /// Only options costing at most this, USD.
        public var maxCost: Decimal?
        /// Passages sea legs must avoid (northwest always unless listed otherwise).
        public var excludePassages: [String] = SeaNetwork.defaultExclusions
        /// Only these modes (`nil`: all), e.g. ["sea", "road"] for sea-only fulfilment.
        public var modes: Set<String>?

        public init(from: String, to: String, cargo: Cargo, ready: CivilDate) {
            self.from = from
            self.to = to
            self.cargo = cargo
            self.ready = ready
        }
    }

    /// The land corridors and mode factors.
    public let dataset: CorridorDataset
    /// The maritime network.
    public let sea: SeaNetwork
    /// The ports by UN/LOCODE.
    public let ports: PortDirectory
    /// Sea legs between the fixed sea places under the default exclusions, computed once.
    private let seaCache: [String: SeaRoute]
    /// The network without query endpoints, per border condition, under the default exclusions.
    private let staticEdges: [BorderCondition: [String: [Edge]]]

    /// Gateway ports between which sea legs are offered.
    public static let gateways = ["CNSHA", "CNNGB", "CNSZX", "CNQZH", "NLRTM", "DEHAM", "BEANR", "PLGDN", "ESVLC", "GRPIR", "ITGOA",
                                  "THLCH", "SGSIN", "MYPKG", "VNSGN"]
    /// Per-shipment capacity by mode: (kg, m³). One departure carries one shipment.
    static let capacity: [String: (Double, Double)] = ["air": (100_000, 700), "road": (240_000, 900), "rail": (1_000_000, 3_000), "ferry": (1_500_000, 4_500)]
    static let europe: Set<String> = ["DE", "NL", "BE", "FR", "ES", "PT", "IT", "PL", "CZ", "SK", "AT", "HU", "DK", "SE", "FI", "GR", "RO", "BG", "SI", "HR",
                                      "LU", "IE", "GB", "CH", "NO", "LT", "LV", "EE", "TR"]
    static let asean: Set<String> = ["LA", "TH", "VN", "KH", "MY", "SG", "MM"]

    /// Creates a planner.
    public init(dataset: CorridorDataset, sea: SeaNetwork, ports: PortDirectory) {
        self.dataset = dataset
        self.sea = sea
        self.ports = ports
        var cache: [String: SeaRoute] = [:]
        let probe = MultimodalPlanner(dataset: dataset, sea: sea, ports: ports, cache: [:])
        if let places = try? probe.basePlaces() {
            let seaPlaces = places.values.filter(\.seaPort)
            for a in seaPlaces {
                for b in seaPlaces where Self.seaPair(a, b) {
                    if let route = try? sea.route(from: a.position, to: b.position) { cache[a.id + ">" + b.id] = route }
                }
            }
        }
        seaCache = cache
        let withCache = MultimodalPlanner(dataset: dataset, sea: sea, ports: ports, cache: cache)
        var prepared: [BorderCondition: [String: [Edge]]] = [:]
        if let places = try? withCache.basePlaces() {
            for border in BorderCondition.allCases {
                prepared[border] = try? withCache.buildEdges(places: places, excluding: SeaNetwork.defaultExclusions, border: border, only: nil)
            }
        }
        staticEdges = prepared
    }

    private init(dataset: CorridorDataset, sea: SeaNetwork, ports: PortDirectory, cache: [String: SeaRoute]) {
        self.dataset = dataset
        self.sea = sea
        self.ports = ports
        seaCache = cache
        staticEdges = [:]
    }

    static func seaPair(_ a: Place, _ b: Place) -> Bool {
        let regions: Set<String> = ["CN", "EU", "ASEAN"]
        return a.id != b.id && a.region != b.region && regions.contains(a.region) && regions.contains(b.region)
    }

    struct Place {
        let id: String
        let name: String
        let position: GeoPoint
        let country: String
        let air: Bool
        let boardable: Bool
        /// Offered sea legs (a gateway, a port node, or an endpoint from the ports file).
        let seaPort: Bool
        var region: String {
            if country == "CN" { return "CN" }
            if MultimodalPlanner.europe.contains(country) { return "EU" }
            if MultimodalPlanner.asean.contains(country) { return "ASEAN" }
            return country
        }
    }

    struct Edge {
        let from: String
        let to: String
        let mode: String
        let service: String?
        let distanceKm: Double
        let run: (p50: Double, p90: Double)
        let dwell: (p50: Double, p90: Double)
        let weekdays: [Int]?
        let notes: [String]
        /// Days from the service's departure at its first stop to its departure here (boarding
        /// part-way along a scheduled service).
        var offsetDays = 0.0
        /// The service's cold-chain and lithium acceptance (`nil` for unscheduled modes).
        var reefer: Bool? = nil
        var lithium: Bool? = nil
    }

    /// Plans routes for a query.
    public func plan(_ query: Query) throws(LogisticsError) -> RoutePlan {
        let base = try basePlaces()
        var places = base
        let origin = try resolve(query.from, into: &places)
        let destination = try resolve(query.to, into: &places)
        guard origin != destination else { throw .invalidParameter(name: "to", reason: "the origin and the destination are the same place") }
        if let maxDays = query.maxDays, !(maxDays > 0 && maxDays.isFinite) {
            throw .invalidParameter(name: "max_days", reason: "must be a positive number of days, got \(maxDays)")
        }
        if let modes = query.modes {
            let known = Set(dataset.modes.keys)
            guard !modes.isEmpty, modes.isSubset(of: known) else {
                throw .invalidParameter(name: "modes", reason: "choose from " + known.sorted().joined(separator: ", "))
            }
        }
        let added = Set(places.keys).subtracting(base.keys)
        var edges: [String: [Edge]]
        if Set(query.excludePassages) == Set(SeaNetwork.defaultExclusions), let prepared = staticEdges[query.border] {
            // Only the edges touching a new endpoint are built for this query.
            edges = prepared
            if !added.isEmpty {
                for (from, list) in try buildEdges(places: places, excluding: query.excludePassages, border: query.border, only: added) {
                    edges[from, default: []] += list
                }
            }
        } else {
            edges = try buildEdges(places: places, excluding: query.excludePassages, border: query.border, only: nil)
        }
        var constrained = query
        var labels = search(edges: edges, places: places, from: origin, to: destination, query: constrained)
        var reason: String?
        if labels.isEmpty {
            constrained.maxDays = nil
            constrained.maxCost = nil
            let relaxed = search(edges: edges, places: places, from: origin, to: destination, query: constrained)
            reason = explain(query: query, relaxed: relaxed, places: places)
        }
        labels = select(labels, objective: query.objective)
        let options = labels.map { option($0, places: places, cargo: query.cargo) }
        return RoutePlan(from: origin, to: destination, objective: query.objective.rawValue, border: query.border.rawValue, options: options, reason: reason)
    }

    /// Every place the planner knows (dataset nodes and gateway ports) by id, for drawing.
    public func positions() -> [String: GeoPoint] {
        var out: [String: GeoPoint] = [:]
        for n in dataset.nodes { out[n.id] = n.position }
        for (code, port) in ports.ports where out[code] == nil { out[code] = port.position }
        return out
    }

    // MARK: - Places and edges

    func basePlaces() throws(LogisticsError) -> [String: Place] {
        var places: [String: Place] = [:]
        for n in dataset.nodes {
            places[n.id] = Place(id: n.id, name: n.name, position: n.position, country: n.country, air: n.air,
                                 boardable: n.kind != "border-crossing", seaPort: n.kind == "port" || Self.gateways.contains(n.id))
        }
        for code in Self.gateways where places[code] == nil {
            let port = try ports.port(code)
            places[code] = Place(id: code, name: port.name, position: port.position, country: String(code.prefix(2)), air: false, boardable: true, seaPort: true)
        }
        return places
    }

    /// A place id from a dataset id, a dataset node's UN/LOCODE, or a port in the ports file.
    func resolve(_ text: String, into places: inout [String: Place]) throws(LogisticsError) -> String {
        let code = text.uppercased().replacingOccurrences(of: " ", with: "")
        if places[code] != nil { return code }
        if let node = dataset.nodes.first(where: { $0.locode == code || $0.id.uppercased() == code }) { return node.id }
        let port = try ports.port(code)
        places[code] = Place(id: code, name: port.name, position: port.position, country: String(code.prefix(2)), air: false, boardable: true, seaPort: true)
        return code
    }

    /// Builds the edges among `places`; with `only`, just those touching one of those places.
    func buildEdges(places: [String: Place], excluding: [String], border: BorderCondition, only: Set<String>?) throws(LogisticsError) -> [String: [Edge]] {
        var edges: [String: [Edge]] = [:]
        func add(_ e: Edge) {
            if let only, !only.contains(e.from), !only.contains(e.to) { return }
            edges[e.from, default: []].append(e)
        }
        let crossings = Dictionary(uniqueKeysWithValues: dataset.crossings.map { ($0.node, $0) })
        // Scheduled services: any boardable stop to any later boardable stop.
        for s in dataset.services {
            let stops = s.stops.compactMap { places[$0] }
            var cumulative = [0.0]
            for (a, b) in zip(stops, stops.dropFirst()) { cumulative.append(cumulative[cumulative.count - 1] + a.position.distanceKm(to: b.position) * dataset.railCircuity) }
            let total = cumulative.last ?? 0
            let scale = s.distanceKm.map { total > 0 ? $0 / total : 1 } ?? 1
            // P50 days from the first stop's departure to each stop: running share plus dwell.
            var reach = [0.0]
            for k in 1..<max(stops.count, 1) {
                var d = (total > 0 ? (cumulative[k] - cumulative[k - 1]) / total : 0) * s.days[0]
                if let c = crossings[stops[k].id], let dw = c.dwellDays[border.rawValue], dw.count == 2 { d += dw[0] }
                reach.append(reach[k - 1] + d)
            }
            for i in stops.indices where stops[i].boardable {
                for j in (i + 1)..<stops.count where stops[j].boardable {
                    let km = (cumulative[j] - cumulative[i]) * scale
                    let share = total > 0 ? (cumulative[j] - cumulative[i]) / total : 1
                    var dwell = (0.0, 0.0)
                    var notes: [String] = []
                    for k in (i + 1)...j {
                        if let c = crossings[stops[k].id], let d = c.dwellDays[border.rawValue], d.count == 2 {
                            dwell.0 += d[0]
                            dwell.1 += d[1]
                            notes.append("\(c.pair) (\(c.gauge)): \(border.rawValue) dwell \(d[0])–\(d[1]) days")
                        }
                    }
                    if s.distanceKm == nil { notes.append("\(s.name): distance estimated (great-circle × \(dataset.railCircuity))") }
                    add(Edge(from: stops[i].id, to: stops[j].id, mode: s.mode, service: s.name, distanceKm: km,
                             run: (s.days[0] * share, s.days[1] * share), dwell: dwell, weekdays: s.weekdays, notes: notes,
                             offsetDays: reach[i], reefer: s.reefer, lithium: s.lithium))
                }
            }
        }
        let list = Array(places.values).sorted { $0.id < $1.id }
        let road = dataset.modes["road"], air = dataset.modes["air"], seaMode = dataset.modes["sea"]
        for a in list {
            for b in list where a.id != b.id {
                if let only, !only.contains(a.id), !only.contains(b.id) { continue }
                let gc = a.position.distanceKm(to: b.position)
                // Road within a region, up to 2,500 km great-circle.
                if let road, a.region == b.region, ["CN", "EU", "ASEAN"].contains(a.region) || a.country == b.country, gc <= 2_500, gc > 1 {
                    let km = gc * (dataset.circuity[a.region] ?? dataset.circuity["other"] ?? 1.35)
                    let perDay = (road.speedKmh ?? 60) * (road.drivingHoursPerDay ?? 9)
                    let days = km / perDay + 0.25
                    add(Edge(from: a.id, to: b.id, mode: "road", service: nil, distanceKm: km, run: (days, days * 1.3), dwell: (0, 0), weekdays: nil, notes: []))
                }
                // Air between airports in different regions.
                if let air, a.air, b.air, a.region != b.region, gc >= 1_000 {
                    let km = gc * 1.05
                    let flying = km / (air.speedKmh ?? 800) / 24
                    let handling = air.handlingDays ?? [2, 4]
                    add(Edge(from: a.id, to: b.id, mode: "air", service: nil, distanceKm: km, run: (flying, flying),
                             dwell: (handling[0], handling[1]), weekdays: nil, notes: []))
                }
            }
        }
        // Sea legs between gateway ports (and endpoint ports) in different regions.
        let seaPlaces = list.filter(\.seaPort)
        if let seaMode {
            for a in seaPlaces {
                for b in seaPlaces where Self.seaPair(a, b) {
                    if let only, !only.contains(a.id), !only.contains(b.id) { continue }
                    let route: SeaRoute
                    if Set(excluding) == Set(SeaNetwork.defaultExclusions), let cached = seaCache[a.id + ">" + b.id] {
                        route = cached
                    } else {
                        route = try sea.route(from: a.position, to: b.position, excluding: excluding)
                    }
                    guard let km = route.lengthKm else { continue }
                    let sailing = km / (seaMode.speedKmh ?? 29.6) / 24
                    let port = seaMode.portDays ?? [2, 4]
                    let notes = route.passages.isEmpty ? [] : ["sea leg via " + route.passages.joined(separator: ", ")]
                    add(Edge(from: a.id, to: b.id, mode: "sea", service: nil, distanceKm: km, run: (sailing, sailing * 1.1),
                             dwell: (port[0], port[1]), weekdays: nil, notes: notes))
                }
            }
        }
        return edges
    }

    // MARK: - Search

    /// A search label. Legs are not copied: each label points at its parent in an arena.
    struct Label {
        let node: String
        /// USD cents: exact integer minor units, summed without rounding drift.
        let cost: Int64
        let time: Double
        let spread: Double
        let co2: Double
        let parent: Int
        let depth: Int
        let mode: String?
        /// The leg that reached this label (`nil` at the origin).
        let edge: Edge?
        let departs: Double
        let legCost: Int64
        let legCO2: Double
        let lithiumByAir: Bool
        var p90: Double { time + spread.squareRoot() }

        /// Pareto dominance on (cost, P50 days, CO2e): the criteria of the answer.
        func dominates(_ other: Label) -> Bool {
            cost <= other.cost && time <= other.time + 1e-9 && co2 <= other.co2 + 1e-9
                && (cost < other.cost || time < other.time - 1e-9 || co2 < other.co2 - 1e-9)
        }

        /// Dominance for pruning at an intermediate place: P90 counts too (the day limit bounds it),
        /// and a label that arrived by road is only compared with others that did (the next road leg
        /// costs it no transshipment).
        func prunes(_ other: Label) -> Bool {
            (mode == "road") == (other.mode == "road") && p90 <= other.p90 + 1e-9
                && (dominates(other) || (cost == other.cost && time == other.time && co2 == other.co2))
        }
    }

    /// A finished option: the labels from the origin to the destination.
    struct Path {
        let labels: [Label]
        var last: Label { labels[labels.count - 1] }
    }

    func search(edges: [String: [Edge]], places: [String: Place], from origin: String, to destination: String, query: Query) -> [Path] {
        var arena = [Label(node: origin, cost: 0, time: 0, spread: 0, co2: 0, parent: -1, depth: 0, mode: nil, edge: nil,
                           departs: 0, legCost: 0, legCO2: 0, lithiumByAir: false)]
        var frontier = [0]
        var kept: [String: [Int]] = [origin: [0]]
        var results: [Int] = []
        let weekday0 = query.ready.isoWeekday
        func visited(_ index: Int, _ node: String) -> Bool {
            var i = index
            while i >= 0 {
                if arena[i].node == node { return true }
                i = arena[i].parent
            }
            return false
        }
        while !frontier.isEmpty {
            // Expand the label with the smallest time first.
            var k = 0
            for i in frontier.indices where arena[frontier[i]].time < arena[frontier[k]].time { k = i }
            let index = frontier.remove(at: k)
            let label = arena[index]
            if label.node == destination || label.depth >= 7 { continue }
            for edge in edges[label.node] ?? [] where !visited(index, edge.to) {
                guard let next = extend(label, parent: index, edge, query: query, weekday0: weekday0) else { continue }
                if let maxDays = query.maxDays, next.p90 > maxDays { continue }
                if let maxCost = query.maxCost, Self.amount(next.cost) > maxCost { continue }
                if results.contains(where: { arena[$0].dominates(next) }) { continue }
                let here = kept[next.node] ?? []
                if here.contains(where: { arena[$0].prunes(next) }) { continue }
                let id = arena.count
                arena.append(next)
                kept[next.node] = here.filter { !next.prunes(arena[$0]) } + [id]
                if next.node == destination {
                    results = results.filter { !next.dominates(arena[$0]) } + [id]
                } else {
                    frontier.append(id)
                }
            }
        }
        return results.map { id in
            var chain: [Label] = []
            var i = id
            while i >= 0 {
                chain.append(arena[i])
                i = arena[i].parent
            }
            return Path(labels: chain.reversed())
        }.sorted { $0.last.time < $1.last.time }
    }

    func extend(_ label: Label, parent: Int, _ edge: Edge, query: Query, weekday0: Int) -> Label? {
        let cargo = query.cargo
        guard let mode = dataset.modes[edge.mode] else { return nil }
        if let allowed = query.modes, !allowed.contains(edge.mode) { return nil }
        if let cap = Self.capacity[edge.mode], cargo.massKg > cap.0 || cargo.volumeM3 > cap.1 { return nil }
        if cargo.reefer, edge.mode == "ferry" { return nil }
        if cargo.reefer, edge.reefer == false { return nil }
        if cargo.lithium, edge.lithium == false { return nil }
        // Transshipment at a hub between legs (consecutive road legs excepted).
        let transship = label.mode != nil && !(label.mode == "road" && edge.mode == "road")
        var time = label.time, spread = label.spread, cost = label.cost, co2 = label.co2
        if transship {
            time += dataset.hub.days[0]
            spread += pow(dataset.hub.days[1] - dataset.hub.days[0], 2)
            cost += Self.cents(Self.double(dataset.hub.handlingCostPerT) * cargo.massKg / 1000)
            co2 += dataset.hub.co2eKgPerT * cargo.massKg / 1000
        }
        // Wait for the next scheduled departure: services leave their first stop at noon on their
        // weekdays and pass a later stop `offsetDays` after that.
        var departs = time
        if let weekdays = edge.weekdays {
            var day = Int((time - edge.offsetDays).rounded(.down)) - 1
            while true {
                let weekday = ((weekday0 - 1 + day) % 7 + 7) % 7 + 1
                if weekdays.contains(weekday), Double(day) + 0.5 + edge.offsetDays >= time { break }
                day += 1
            }
            departs = Double(day) + 0.5 + edge.offsetDays
        }
        let arrives = departs + edge.run.p50 + edge.dwell.p50
        spread += pow(edge.run.p90 - edge.run.p50, 2) + pow(edge.dwell.p90 - edge.dwell.p50, 2)
        let tonnes = cargo.chargeableTonnes(volumetric: mode.volumetricKgPerM3)
        let legCost = Self.cents(Self.double(mode.fixed) + Self.double(mode.costPerTkm) * tonnes * edge.distanceKm)
        let legCO2 = cargo.massKg / 1000 * edge.distanceKm * mode.co2ePerTkm
        return Label(node: edge.to, cost: cost + legCost, time: arrives, spread: spread, co2: co2 + legCO2, parent: parent, depth: label.depth + 1,
                     mode: edge.mode, edge: edge, departs: departs, legCost: legCost, legCO2: legCO2,
                     lithiumByAir: label.lithiumByAir || (cargo.lithium && edge.mode == "air"))
    }

    func select(_ paths: [Path], objective: Objective) -> [Path] {
        switch objective {
        case .pareto: paths
        case .cost: paths.min { $0.last.cost < $1.last.cost }.map { [$0] } ?? []
        case .time: paths.min { $0.last.time < $1.last.time }.map { [$0] } ?? []
        case .co2e: paths.min { $0.last.co2 < $1.last.co2 }.map { [$0] } ?? []
        }
    }

    func option(_ path: Path, places: [String: Place], cargo: Cargo) -> PlanOption {
        var notes: [String] = []
        var legs: [PlanLeg] = []
        for label in path.labels.dropFirst() {
            guard let edge = label.edge else { continue }
            legs.append(PlanLeg(mode: edge.mode, service: edge.service, from: edge.from, to: edge.to, distanceKm: (edge.distanceKm * 10).rounded() / 10,
                                departsDay: (label.departs * 100).rounded() / 100, arrivesDay: (label.time * 100).rounded() / 100,
                                dwellDays: edge.dwell.p50, costUSD: Self.money(label.legCost), co2eKg: (label.legCO2 * 10).rounded() / 10))
            for n in edge.notes where !notes.contains(n) { notes.append(n) }
        }
        if path.last.lithiumByAir { notes.append("lithium batteries by air: cargo aircraft only (IATA DGR PI 965/968), state of charge ≤ 30%") }
        let last = path.last
        return PlanOption(legs: legs, modes: legs.map(\.mode).joined(separator: "+"), costUSD: Self.money(last.cost),
                          p50Days: (last.time * 10).rounded() / 10, p90Days: (last.p90 * 10).rounded() / 10,
                          co2eKg: (last.co2 * 10).rounded() / 10, notes: notes)
    }

    func explain(query: Query, relaxed paths: [Path], places: [String: Place]) -> String {
        let relaxed = paths.map(\.last)
        guard !relaxed.isEmpty else {
            var reasons: [String] = []
            if query.cargo.reefer { reasons.append("cold chain (no reefer service or ferry)") }
            if query.cargo.lithium { reasons.append("lithium batteries (refused by some services)") }
            if Self.capacity.values.contains(where: { query.cargo.massKg > $0.0 }) { reasons.append("mass \(query.cargo.massKg) kg exceeds air, road or rail capacity per departure") }
            return "no route connects \(query.from) and \(query.to)" + (reasons.isEmpty ? " on this network" : " under: " + reasons.joined(separator: "; "))
        }
        var parts: [String] = []
        if let maxDays = query.maxDays, let fastest = relaxed.min(by: { $0.p90 < $1.p90 }) {
            parts.append("the fastest option has a P90 of \(String(format: "%.1f", fastest.p90)) days, over the \(maxDays)-day limit")
        }
        if let maxCost = query.maxCost, let cheapest = relaxed.min(by: { $0.cost < $1.cost }) {
            parts.append("the cheapest option costs USD \(Self.money(cheapest.cost)), over the USD \(maxCost) limit")
        }
        return "no option meets the constraints: " + parts.joined(separator: "; ")
    }

    /// An estimate in USD rounded to whole cents.
    static func cents(_ usd: Double) -> Int64 { Int64((usd * 100).rounded()) }

    static func double(_ d: Decimal) -> Double { NSDecimalNumber(decimal: d).doubleValue }

    /// Cents as an exact decimal amount.
    static func amount(_ cents: Int64) -> Decimal { Decimal(cents) / 100 }

    /// Cents as a decimal string with two places, e.g. "3500.35".
    static func money(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let v = abs(cents)
        return sign + "\(v / 100)." + String(format: "%02d", Int(v % 100))
    }
}
