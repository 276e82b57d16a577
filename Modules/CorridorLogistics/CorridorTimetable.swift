public import CorridorModel

extension Timetable {
    /// The scheduled rail and ferry services of the corridor dataset as a timetable, so that RAPTOR
    /// answers "earliest arrival" and "arrival × number of trains" over the corridor trains as it
    /// does over a city's metro.
    ///
    /// Times are seconds after midnight of `start`. Each service departs at noon on its weekdays for
    /// `weeks` weeks; a trip reaches each later stop after its share of the running time (P50) plus
    /// the border dwell (P50 under `border`) of the crossings passed. Changing trains at a terminal
    /// takes the hub dwell.
    public init(corridors dataset: CorridorDataset, start: CivilDate, weeks: Int = 6,
                border: MultimodalPlanner.BorderCondition = .normal) {
        let stations = dataset.nodes.map { Station(id: $0.id, name: $0.name, position: $0.position) }
        let index = Dictionary(uniqueKeysWithValues: stations.enumerated().map { ($1.id, $0) })
        let crossings = Dictionary(uniqueKeysWithValues: dataset.crossings.map { ($0.node, $0) })
        let weekday0 = start.isoWeekday
        var patterns: [Pattern] = []
        for s in dataset.services {
            let stops = s.stops.compactMap { index[$0] }
            guard stops.count == s.stops.count, stops.count >= 2 else { continue }
            var cumulative = [0.0]
            for (a, b) in zip(stops, stops.dropFirst()) {
                cumulative.append(cumulative[cumulative.count - 1] + stations[a].position.distanceKm(to: stations[b].position))
            }
            let total = max(cumulative[cumulative.count - 1], 1e-9)
            // Offsets (seconds) from departure at each stop.
            var offsets: [Int32] = []
            var dwell = 0.0
            for (k, stop) in s.stops.enumerated() {
                if k > 0, let c = crossings[stop], let d = c.dwellDays[border.rawValue], d.count == 2 { dwell += d[0] }
                offsets.append(Int32(((cumulative[k] / total) * s.days[0] + dwell) * 86_400))
            }
            var arrivals: [Int32] = [], departures: [Int32] = [], trips: [String] = []
            for day in 0..<(7 * weeks) where s.weekdays.contains((weekday0 - 1 + day) % 7 + 1) {
                let leave = Int32(day * 86_400 + 43_200)
                arrivals += offsets.map { leave + $0 }
                departures += offsets.map { leave + $0 }
                trips.append("\(s.id)@\(start.adding(days: day))")
            }
            guard !trips.isEmpty else { continue }
            patterns.append(Pattern(route: s.name, stations: stops.map(Int32.init), arrivals: arrivals, departures: departures, tripIDs: trips))
        }
        var patternsAt = [[(pattern: Int32, position: Int32)]](repeating: [], count: stations.count)
        for (p, pattern) in patterns.enumerated() {
            for (i, s) in pattern.stations.enumerated() { patternsAt[Int(s)].append((Int32(p), Int32(i))) }
        }
        let change = Int32(dataset.hub.days[0] * 86_400)
        self.init(stations: stations, date: start, patterns: patterns, patternsAt: patternsAt,
                  footpaths: [[(to: Int32, seconds: Int32)]](repeating: [], count: stations.count),
                  changeTime: [Int32](repeating: change, count: stations.count),
                  routeNames: Dictionary(uniqueKeysWithValues: dataset.services.map { ($0.name, $0.name) }), stationIndex: index)
    }
}
