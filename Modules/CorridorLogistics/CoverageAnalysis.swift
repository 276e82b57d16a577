/// Warehouse coverage and siting: which demand points a warehouse reaches by last-mile road within
/// an hour limit (72 h by default), which sites lie within 200 km of a rail line, and which k sites
/// cover the most demand.
///
/// Road time is great-circle × regional circuity at a truck speed, with one driver under the EU
/// limits (9 h driving, then 15 h of rest and breaks, in every 24 h), plus 12 h of warehouse
/// handling. Rail lines are the corridor services' stop-to-stop segments. Sites further than the
/// rail limit are not rail-connected and cannot be chosen.
public struct CoverageAnalysis: Sendable {
    /// The corridors whose rail lines count.
    public let dataset: CorridorDataset
    /// The delivery limit, hours.
    public var hours = 72.0
    /// How far from a rail line a site may be, km.
    public var railLimitKm = 200.0
    /// Truck speed, km/h.
    public var speedKmh = 60.0
    /// Road distance per great-circle km.
    public var circuity = 1.2
    /// Warehouse handling before dispatch, hours.
    public var handlingHours = 12.0

    /// Creates an analysis with the defaults above.
    public init(dataset: CorridorDataset) {
        self.dataset = dataset
    }

    /// Elapsed hours to drive `km` of road under the driving-time rules.
    public func roadHours(_ km: Double) -> Double {
        let driving = km / speedKmh
        let fullDays = (driving / 9).rounded(.down)
        return handlingHours + driving + fullDays * 15
    }

    /// The rail lines as segments.
    func railSegments() -> [(GeoPoint, GeoPoint)] {
        let nodes = Dictionary(uniqueKeysWithValues: dataset.nodes.map { ($0.id, $0.position) })
        var out: [(GeoPoint, GeoPoint)] = []
        for s in dataset.services where s.mode == "rail" {
            let points = s.stops.compactMap { nodes[$0] }
            for (a, b) in zip(points, points.dropFirst()) { out.append((a, b)) }
        }
        return out
    }

    /// Great-circle km from a point to the nearest rail segment (segments sampled every ~10 km).
    public func kmToRail(_ p: GeoPoint) -> Double {
        kmToRail(p, segments: railSegments())
    }

    func kmToRail(_ p: GeoPoint, segments: [(GeoPoint, GeoPoint)]) -> Double {
        var best = Double.infinity
        for (a, b) in segments {
            let length = a.distanceKm(to: b)
            let steps = max(1, Int(length / 10))
            for i in 0...steps {
                let t = Double(i) / Double(steps)
                let q = GeoPoint(longitude: a.longitude + (b.longitude - a.longitude) * t, latitude: a.latitude + (b.latitude - a.latitude) * t)
                best = min(best, q.distanceKm(to: p))
            }
        }
        return best
    }

    /// Analyses `sites` against `demand`; with `choose`, picks that many rail-connected sites.
    public func analyse(sites: [CoveragePoint], demand: [CoveragePoint], choose: Int?) throws(LogisticsError) -> CoverageReport {
        guard !sites.isEmpty else { throw .invalidParameter(name: "sites", reason: "the file lists no sites") }
        guard !demand.isEmpty else { throw .invalidParameter(name: "demand", reason: "the file lists no demand points") }
        guard hours > 0 else { throw .invalidParameter(name: "hours", reason: "must be positive") }
        if let choose, choose < 1 { throw .invalidParameter(name: "choose", reason: "must be at least 1") }
        let segments = railSegments()
        let rail = sites.map { kmToRail($0.position, segments: segments) }
        let connected = sites.indices.filter { rail[$0] <= railLimitKm }
        // covers[s] = set of demand indices site s reaches in time.
        var covers: [Set<Int>] = []
        var hoursTo = [[Double]](repeating: [], count: sites.count)
        for s in sites.indices {
            var set = Set<Int>()
            for (d, point) in demand.enumerated() {
                let h = roadHours(sites[s].position.distanceKm(to: point.position) * circuity)
                hoursTo[s].append(h)
                if h <= hours { set.insert(d) }
            }
            covers.append(set)
        }
        func weight(_ set: Set<Int>) -> Double { set.reduce(0) { $0 + demand[$1].weight } }
        var chosen: [Int]
        var method = "all rail-connected sites"
        var gap: Double?
        if let k = choose {
            guard connected.count >= 1 else {
                throw .invalidParameter(name: "sites", reason: "no site lies within \(Int(railLimitKm)) km of a rail line, so none can be chosen")
            }
            let kk = min(k, connected.count)
            chosen = greedy(connected, covers: covers, k: kk, weight: weight)
            chosen = localSearch(chosen, candidates: connected, covers: covers, weight: weight)
            let found = weight(chosen.reduce(into: Set<Int>()) { $0.formUnion(covers[$1]) })
            if kk <= 6, connected.count <= 40 {
                chosen = branchAndBound(connected, covers: covers, k: kk, incumbent: chosen, weight: weight)
                method = "exact (branch and bound)"
            } else {
                // Σ of the k largest single-site reaches bounds any k sites' union.
                let bound = connected.map { weight(covers[$0]) }.sorted(by: >).prefix(kk).reduce(0, +)
                method = "greedy+local-search"
                gap = bound > 0 ? max(0, (bound - found) / bound) : 0
            }
        } else {
            chosen = connected
        }
        let union = chosen.reduce(into: Set<Int>()) { $0.formUnion(covers[$1]) }
        var hoursByDemand: [String: Double] = [:]
        for (d, point) in demand.enumerated() {
            if let h = chosen.map({ hoursTo[$0][d] }).min() { hoursByDemand[point.id] = (h * 10).rounded() / 10 }
        }
        let status = sites.indices.map { s in
            CoverageReport.SiteStatus(id: sites[s].id, name: sites[s].name, kmToRail: (rail[s] * 10).rounded() / 10,
                                      railConnected: rail[s] <= railLimitKm, reach: weight(covers[s]))
        }
        return CoverageReport(hours: hours, railLimitKm: railLimitKm, sites: status, chosen: chosen.map { sites[$0].id }, covered: weight(union),
                              total: demand.reduce(0) { $0 + $1.weight }, method: method, gap: gap,
                              coveredDemand: union.sorted().map { demand[$0].id }, hoursByDemand: hoursByDemand)
    }

    func greedy(_ candidates: [Int], covers: [Set<Int>], k: Int, weight: (Set<Int>) -> Double) -> [Int] {
        var chosen: [Int] = []
        var union = Set<Int>()
        for _ in 0..<k {
            var best: (Int, Double)?
            for c in candidates where !chosen.contains(c) {
                let gain = weight(covers[c].subtracting(union))
                if best.map({ gain > $0.1 }) ?? true { best = (c, gain) }
            }
            guard let pick = best else { break }
            chosen.append(pick.0)
            union.formUnion(covers[pick.0])
        }
        return chosen
    }

    func localSearch(_ start: [Int], candidates: [Int], covers: [Set<Int>], weight: (Set<Int>) -> Double) -> [Int] {
        var current = start
        func value(_ set: [Int]) -> Double { weight(set.reduce(into: Set<Int>()) { $0.formUnion(covers[$1]) }) }
        var best = value(current)
        var improved = true
        while improved {
            improved = false
            for i in current.indices {
                for c in candidates where !current.contains(c) {
                    var trial = current
                    trial[i] = c
                    let v = value(trial)
                    if v > best + 1e-9 {
                        current = trial
                        best = v
                        improved = true
                    }
                }
            }
        }
        return current
    }

    func branchAndBound(_ candidates: [Int], covers: [Set<Int>], k: Int, incumbent: [Int], weight: (Set<Int>) -> Double) -> [Int] {
        var best = incumbent
        var bestValue = weight(incumbent.reduce(into: Set<Int>()) { $0.formUnion(covers[$1]) })
        let order = candidates.sorted { weight(covers[$0]) > weight(covers[$1]) }
        func recurse(_ start: Int, _ chosen: [Int], _ union: Set<Int>) {
            let value = weight(union)
            if chosen.count == k || start == order.count {
                if value > bestValue + 1e-9 {
                    bestValue = value
                    best = chosen
                }
                return
            }
            // Bound: the current union plus the best remaining marginal gains.
            let gains = order[start...].map { weight(covers[$0].subtracting(union)) }.sorted(by: >)
            let bound = value + gains.prefix(k - chosen.count).reduce(0, +)
            if bound <= bestValue + 1e-9 { return }
            for i in start..<order.count {
                recurse(i + 1, chosen + [order[i]], union.union(covers[order[i]]))
            }
        }
        recurse(0, [], [])
        return best
    }
}
