/// RAPTOR (Delling, Pajor and Werneck, 2012): round-based public-transit routing. Round k finds the
/// earliest arrival at every station with at most k trips, so one query yields the Pareto set of
/// arrival time × number of transfers.
public struct Raptor: Sendable {
    /// One part of a journey.
    public struct Leg: Sendable, Codable, Equatable {
        /// `ride` or `walk`.
        public let kind: String
        /// The route's short name, for a ride.
        public let route: String?
        /// The GTFS trip id, for a ride.
        public let trip: String?
        /// Station names.
        public let from: String
        /// The station the leg ends at.
        public let to: String
        /// Station ids (GTFS parent station or stop).
        public let fromID: String
        /// Its id.
        public let toID: String
        /// Seconds after midnight of the service day.
        public let departure: Int
        /// Arrival, seconds after midnight of the service day.
        public let arrival: Int
    }

    /// A journey on the Pareto front.
    public struct Journey: Sendable, Codable, Equatable {
        /// Arrival at the destination, seconds after midnight.
        public let arrival: Int
        /// Changes of train.
        public let transfers: Int
        /// Rides and walks in order.
        public let legs: [Leg]
    }

    /// The timetable searched.
    public let timetable: Timetable
    /// The most trips in a journey.
    public var maxRounds = 8

    /// Creates a router.
    public init(timetable: Timetable) {
        self.timetable = timetable
    }

    private enum Label {
        case none
        case ride(pattern: Int32, trip: Int32, boardPosition: Int32, alightPosition: Int32)
        case walk(from: Int32, seconds: Int32)
        case origin
    }

    /// The Pareto set of journeys from `source` to `target` leaving at or after `departure`
    /// (seconds after midnight), ordered by number of transfers. Empty when the target cannot be
    /// reached that day.
    public func journeys(from source: Int, to target: Int, departure requested: Int) -> [Journey] {
        let n = timetable.stations.count
        guard timetable.stations.indices.contains(source), timetable.stations.indices.contains(target) else { return [] }
        // Timetable times fit in Int32 with room to spare; a departure past them finds nothing.
        let departure = min(max(requested, 0), Int(Int32.max / 2))
        let infinity = Int32.max
        var best = [Int32](repeating: infinity, count: n)
        var arrival = [[Int32]](repeating: [Int32](repeating: infinity, count: n), count: maxRounds + 1)
        var labels = [[Label]](repeating: [Label](repeating: .none, count: n), count: maxRounds + 1)
        arrival[0][source] = Int32(departure)
        best[source] = Int32(departure)
        labels[0][source] = .origin
        var marked = Set<Int>([source])
        // Footpaths from the origin in round 0.
        for f in timetable.footpaths[source] where Int32(departure) + f.seconds < arrival[0][Int(f.to)] {
            arrival[0][Int(f.to)] = Int32(departure) + f.seconds
            best[Int(f.to)] = min(best[Int(f.to)], arrival[0][Int(f.to)])
            labels[0][Int(f.to)] = .walk(from: Int32(source), seconds: f.seconds)
            marked.insert(Int(f.to))
        }
        var results: [Journey] = []
        var bestAtTarget = infinity
        // Whether the best arrival so far at a station came off a train (changing trains costs the change time).
        var rode = [[Bool]](repeating: [Bool](repeating: false, count: n), count: maxRounds + 1)
        for k in 1...maxRounds {
            // τ_k starts as τ_{k−1}: a station reached with fewer trips stays reached.
            arrival[k] = arrival[k - 1]
            rode[k] = rode[k - 1]
            // Patterns serving a marked station, from the earliest marked position.
            var queue: [Int32: Int32] = [:]
            for s in marked {
                for (p, i) in timetable.patternsAt[s] {
                    if let j = queue[p] { queue[p] = min(i, j) } else { queue[p] = i }
                }
            }
            marked.removeAll()
            for (p, start) in queue {
                let pattern = timetable.patterns[Int(p)]
                let m = pattern.stations.count
                var trip: Int32 = -1
                var boardPosition: Int32 = -1
                for i in Int(start)..<m {
                    let s = Int(pattern.stations[i])
                    if trip >= 0 {
                        let a = pattern.arrivals[Int(trip) * m + i]
                        if a < min(best[s], best[target]) {
                            arrival[k][s] = a
                            best[s] = a
                            labels[k][s] = .ride(pattern: p, trip: trip, boardPosition: boardPosition, alightPosition: Int32(i))
                            rode[k][s] = true
                            marked.insert(s)
                        }
                    }
                    // Can an earlier trip be caught here? Changing trains costs the station's change time.
                    let previous = arrival[k - 1][s]
                    if previous == infinity { continue }
                    let ready = previous + (rode[k - 1][s] ? timetable.changeTime[s] : 0)
                    if trip < 0 || ready <= pattern.departures[Int(trip) * m + i] {
                        // The earliest trip departing at or after `ready` (trips are ordered).
                        var lo = 0, hi = pattern.tripCount
                        while lo < hi {
                            let mid = (lo + hi) / 2
                            if pattern.departures[mid * m + i] < ready { lo = mid + 1 } else { hi = mid }
                        }
                        if lo < pattern.tripCount, trip < 0 || Int32(lo) < trip {
                            trip = Int32(lo)
                            boardPosition = Int32(i)
                        }
                    }
                }
            }
            // Footpaths between stations.
            for s in Array(marked) {
                for f in timetable.footpaths[s] {
                    let t = arrival[k][s] + f.seconds
                    if t < min(best[Int(f.to)], best[target]) {
                        arrival[k][Int(f.to)] = t
                        best[Int(f.to)] = t
                        labels[k][Int(f.to)] = .walk(from: Int32(s), seconds: f.seconds)
                        rode[k][Int(f.to)] = false
                        marked.insert(Int(f.to))
                    }
                }
            }
            if arrival[k][target] < bestAtTarget {
                bestAtTarget = arrival[k][target]
                results.append(reconstruct(target: target, round: k, arrival: arrival, labels: labels))
            }
            if marked.isEmpty { break }
        }
        return results
    }

    private func reconstruct(target: Int, round: Int, arrival: [[Int32]], labels: [[Label]]) -> Journey {
        var legs: [Leg] = []
        var station = target
        var k = round
        var rides = 0
        while true {
            // A label may have been set in an earlier round and carried forward.
            while k > 0, case .none = labels[k][station] { k -= 1 }
            switch labels[k][station] {
            case .ride(let p, let trip, let board, let alight):
                let pattern = timetable.patterns[Int(p)]
                let m = pattern.stations.count
                let from = Int(pattern.stations[Int(board)])
                legs.append(Leg(kind: "ride", route: timetable.routeNames[pattern.route] ?? pattern.route, trip: pattern.tripIDs[Int(trip)],
                                from: timetable.stations[from].name, to: timetable.stations[station].name,
                                fromID: timetable.stations[from].id, toID: timetable.stations[station].id,
                                departure: Int(pattern.departures[Int(trip) * m + Int(board)]),
                                arrival: Int(pattern.arrivals[Int(trip) * m + Int(alight)])))
                station = from
                k -= 1
                rides += 1
            case .walk(let from, let seconds):
                let end = Int(arrival[k][station])
                legs.append(Leg(kind: "walk", route: nil, trip: nil, from: timetable.stations[Int(from)].name,
                                to: timetable.stations[station].name, fromID: timetable.stations[Int(from)].id, toID: timetable.stations[station].id,
                                departure: end - Int(seconds), arrival: end))
                station = Int(from)
            case .origin, .none:
                return Journey(arrival: Int(arrival[round][target]), transfers: max(0, rides - 1), legs: legs.reversed())
            }
        }
    }
}
