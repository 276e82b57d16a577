public import CorridorModel
import Foundation

/// A GTFS feed prepared for RAPTOR on one service date: stations (platforms folded into their
/// parent), route patterns (trips with the same station sequence, ordered by departure), and
/// footpaths (transfers, including the minimum change time within a station).
public struct Timetable: Sendable {
    /// A station: a GTFS parent station, or a stop without one.
    public struct Station: Sendable, Equatable, Codable {
        /// The station id.
        public let id: String
        /// Its name.
        public let name: String
        /// Where it is.
        public let position: GeoPoint
    }

    struct Pattern: Sendable {
        let route: String
        let stations: [Int32]
        /// Per trip, per stop: arrival and departure seconds; trips sorted by first departure.
        let arrivals: [Int32]
        let departures: [Int32]
        let tripIDs: [String]
        var tripCount: Int { tripIDs.count }
    }

    /// Every station.
    public let stations: [Station]
    /// The service date.
    public let date: CivilDate
    let patterns: [Pattern]
    let patternsAt: [[(pattern: Int32, position: Int32)]]
    let footpaths: [[(to: Int32, seconds: Int32)]]
    let changeTime: [Int32]
    let routeNames: [String: String]
    private let stationIndex: [String: Int]

    /// Assembles a timetable from prepared parts (used by the corridor timetable).
    init(stations: [Station], date: CivilDate, patterns: [Pattern], patternsAt: [[(pattern: Int32, position: Int32)]],
         footpaths: [[(to: Int32, seconds: Int32)]], changeTime: [Int32], routeNames: [String: String], stationIndex: [String: Int]) {
        self.stations = stations
        self.date = date
        self.patterns = patterns
        self.patternsAt = patternsAt
        self.footpaths = footpaths
        self.changeTime = changeTime
        self.routeNames = routeNames
        self.stationIndex = stationIndex
    }

    /// Builds the timetable of the trips that run on `date`.
    public init(feed: GTFSFeed, date: CivilDate) {
        var stationIndex: [String: Int] = [:]
        var stations: [Station] = []
        var parentOf: [String: String] = [:]
        for stop in feed.stops where stop.parent == nil {
            stationIndex[stop.id] = stations.count
            stations.append(Station(id: stop.id, name: stop.name, position: stop.position))
        }
        for stop in feed.stops {
            if let parent = stop.parent, stationIndex[parent] != nil { parentOf[stop.id] = parent } else { parentOf[stop.id] = stop.id }
        }
        let key = String(format: "%04d%02d%02d", date.year, date.month, date.day)
        let weekday = date.isoWeekday - 1  // Monday = 0
        // Trips that run on the date, with their station sequence.
        var byTrip: [Int: [GTFSFeed.StopTime]] = [:]
        for st in feed.stopTimes where feed.runs(feed.trips[st.trip].service, on: key, weekday: weekday) {
            byTrip[st.trip, default: []].append(st)
        }
        struct Key: Hashable { let route: String; let stations: [Int32] }
        var groups: [Key: [(id: String, times: [GTFSFeed.StopTime])]] = [:]
        for (trip, var times) in byTrip {
            times.sort { $0.sequence < $1.sequence }
            let seq = times.compactMap { parentOf[$0.stop].flatMap { stationIndex[$0] } }.map(Int32.init)
            guard seq.count == times.count, seq.count >= 2 else { continue }
            groups[Key(route: feed.trips[trip].route, stations: seq), default: []].append((feed.trips[trip].id, times))
        }
        var patterns: [Pattern] = []
        for (k, trips) in groups.sorted(by: { ($0.key.route, $0.key.stations.count) < ($1.key.route, $1.key.stations.count) }) {
            // RAPTOR needs trips that never overtake one another: a trip joins the first group whose
            // last trip it follows at every stop, else it starts a group of its own.
            let sorted = trips.sorted { a, b in a.times[0].departure < b.times[0].departure }
            var groupsOfTrips: [[(id: String, times: [GTFSFeed.StopTime])]] = []
            for t in sorted {
                if let g = groupsOfTrips.firstIndex(where: { group in
                    guard let last = group.last else { return false }
                    return zip(last.times, t.times).allSatisfy { $0.departure <= $1.departure && $0.arrival <= $1.arrival }
                }) {
                    groupsOfTrips[g].append(t)
                } else {
                    groupsOfTrips.append([t])
                }
            }
            for group in groupsOfTrips {
                var arrivals: [Int32] = [], departures: [Int32] = []
                for t in group {
                    arrivals += t.times.map { Int32($0.arrival) }
                    departures += t.times.map { Int32($0.departure) }
                }
                patterns.append(Pattern(route: k.route, stations: k.stations, arrivals: arrivals, departures: departures, tripIDs: group.map(\.id)))
            }
        }
        var patternsAt = [[(pattern: Int32, position: Int32)]](repeating: [], count: stations.count)
        for (p, pattern) in patterns.enumerated() {
            for (i, s) in pattern.stations.enumerated() { patternsAt[Int(s)].append((Int32(p), Int32(i))) }
        }
        var footpaths = [[(to: Int32, seconds: Int32)]](repeating: [], count: stations.count)
        var changeTime = [Int32](repeating: 0, count: stations.count)
        for t in feed.transfers {
            guard let a = parentOf[t.from].flatMap({ stationIndex[$0] }), let b = parentOf[t.to].flatMap({ stationIndex[$0] }) else { continue }
            if a == b { changeTime[a] = max(changeTime[a], Int32(t.seconds)) } else { footpaths[a].append((Int32(b), Int32(t.seconds))) }
        }
        self.init(stations: stations, date: date, patterns: patterns, patternsAt: patternsAt, footpaths: footpaths,
                  changeTime: changeTime, routeNames: feed.routeNames, stationIndex: stationIndex)
    }

    /// The minimum time to change trains at a station, seconds (from transfers.txt; 0 when none is given).
    public func minimumChange(at station: Int) -> Int { Int(changeTime[station]) }

    /// The number of trips running on the date.
    public var tripCount: Int { patterns.reduce(0) { $0 + $1.tripCount } }

    /// The station with an id, or the one whose name matches (case-insensitive; an exact match first).
    public func station(_ text: String) throws(LogisticsError) -> Int {
        if let i = stationIndex[text] { return i }
        // A platform id (e.g. 101N) maps to its station by prefix.
        if text.count > 1, let i = stationIndex[String(text.dropLast())], "NS".contains(text.last ?? " ") { return i }
        let lowered = text.lowercased()
        if let i = stations.firstIndex(where: { $0.name.lowercased() == lowered }) { return i }
        if let i = stations.firstIndex(where: { $0.name.lowercased().contains(lowered) }) { return i }
        throw .unknownStop(text)
    }
}
