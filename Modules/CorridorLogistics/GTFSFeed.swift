public import CorridorModel
public import Foundation
import ZIPFoundation

/// The tables of a GTFS feed that routing needs, read from the feed's ZIP file or a directory:
/// stops, routes, trips, stop times, calendar, calendar dates and transfers.
public struct GTFSFeed: Sendable {
    /// A stop or station (`location_type` 1), with its parent station.
    public struct Stop: Sendable, Equatable {
        /// `stop_id`.
        public let id: String
        /// `stop_name`.
        public let name: String
        /// `stop_lon`, `stop_lat`.
        public let position: GeoPoint
        /// `parent_station`, when given.
        public let parent: String?
    }

    /// A trip: its route and service.
    public struct Trip: Sendable, Equatable {
        /// `trip_id`.
        public let id: String
        /// `route_id`.
        public let route: String
        /// `service_id`.
        public let service: String
    }

    /// One stop time, in seconds after the service day's noon minus 12 h (GTFS times may pass 24:00).
    public struct StopTime: Sendable, Equatable {
        /// Index into ``trips``.
        public let trip: Int
        /// `stop_id`.
        public let stop: String
        /// Arrival, seconds after midnight (may pass 24 h).
        public let arrival: Int
        /// Departure, seconds after midnight.
        public let departure: Int
        /// `stop_sequence`.
        public let sequence: Int
    }

    /// A service's weekly pattern and date range.
    public struct Service: Sendable, Equatable {
        /// Runs on each weekday, Monday first.
        public let days: [Bool]  // Monday first
        /// `start_date`, yyyymmdd.
        public let start: String
        /// `end_date`, yyyymmdd.
        public let end: String
    }

    /// Every stop and station.
    public let stops: [Stop]
    /// Route id → short (or long) name.
    public let routeNames: [String: String]
    /// Every trip.
    public let trips: [Trip]
    /// Every stop time.
    public let stopTimes: [StopTime]
    /// Services by id (calendar.txt).
    public let services: [String: Service]
    /// (service, yyyymmdd) → added (true) or removed (false).
    public let exceptions: [String: [String: Bool]]
    /// (from stop, to stop, seconds).
    public let transfers: [(from: String, to: String, seconds: Int)]

    /// Reads a feed from a `.zip` file or a directory of `.txt` files.
    public init(contentsOf url: URL) throws(LogisticsError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .malformedFile(file: url.path, line: 0, reason: "not found")
        }
        let read: (String) throws(LogisticsError) -> Data?
        if isDirectory.boolValue {
            read = { name in try? Data(contentsOf: url.appendingPathComponent(name)) }
        } else {
            let archive: Archive
            do {
                archive = try Archive(url: url, accessMode: .read)
            } catch {
                throw .malformedFile(file: url.lastPathComponent, line: 0, reason: "not a readable ZIP file (\(error))")
            }
            read = { (name: String) throws(LogisticsError) -> Data? in
                guard let entry = archive[name] else { return nil }
                var data = Data()
                do {
                    _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
                } catch {
                    throw .malformedFile(file: "\(url.lastPathComponent)/\(name)", line: 0, reason: "cannot be extracted (\(error))")
                }
                return data
            }
        }
        try self.init(reader: read, name: url.lastPathComponent)
    }

    private init(reader read: (String) throws(LogisticsError) -> Data?, name: String) throws(LogisticsError) {
        func table(_ file: String, required: Bool = true) throws(LogisticsError) -> GTFSTable? {
            guard let data = try read(file) else {
                if required { throw .malformedFile(file: "\(name)/\(file)", line: 0, reason: "missing; a GTFS feed needs it") }
                return nil
            }
            return try GTFSTable(data: data, file: "\(name)/\(file)")
        }
        guard let stopsTable = try table("stops.txt"), let tripsTable = try table("trips.txt"),
              let timesTable = try table("stop_times.txt"), let routesTable = try table("routes.txt") else {
            throw .malformedFile(file: name, line: 0, reason: "incomplete feed")
        }
        var stops: [Stop] = []
        for r in 0..<stopsTable.count {
            let id = try stopsTable.value(r, "stop_id")
            guard let lat = Double(try stopsTable.value(r, "stop_lat")), let lon = Double(try stopsTable.value(r, "stop_lon")) else {
                throw .malformedFile(file: "\(name)/stops.txt", line: r + 2, reason: "stop \(id) has no numeric stop_lat/stop_lon")
            }
            let parent = stopsTable.optional(r, "parent_station")
            stops.append(Stop(id: id, name: stopsTable.optional(r, "stop_name") ?? id, position: GeoPoint(longitude: lon, latitude: lat),
                              parent: parent?.isEmpty == false ? parent : nil))
        }
        var routeNames: [String: String] = [:]
        for r in 0..<routesTable.count {
            let id = try routesTable.value(r, "route_id")
            routeNames[id] = routesTable.optional(r, "route_short_name").flatMap { $0.isEmpty ? nil : $0 } ?? routesTable.optional(r, "route_long_name") ?? id
        }
        var trips: [Trip] = []
        var tripIndex: [String: Int] = [:]
        for r in 0..<tripsTable.count {
            let trip = Trip(id: try tripsTable.value(r, "trip_id"), route: try tripsTable.value(r, "route_id"), service: try tripsTable.value(r, "service_id"))
            tripIndex[trip.id] = trips.count
            trips.append(trip)
        }
        var stopTimes: [StopTime] = []
        stopTimes.reserveCapacity(timesTable.count)
        let tripColumn = try timesTable.column("trip_id"), stopColumn = try timesTable.column("stop_id")
        let arrivalColumn = try timesTable.column("arrival_time"), departureColumn = try timesTable.column("departure_time")
        let sequenceColumn = try timesTable.column("stop_sequence")
        for r in 0..<timesTable.count {
            let tripID = timesTable.cell(r, tripColumn)
            guard let trip = tripIndex[tripID] else {
                throw .malformedFile(file: "\(name)/stop_times.txt", line: r + 2, reason: "trip '\(tripID)' is not in trips.txt")
            }
            guard let arrival = Self.seconds(timesTable.cell(r, arrivalColumn)), let departure = Self.seconds(timesTable.cell(r, departureColumn)),
                  let sequence = Int(timesTable.cell(r, sequenceColumn)) else {
                throw .malformedFile(file: "\(name)/stop_times.txt", line: r + 2, reason: "times must be H:MM:SS and stop_sequence a whole number")
            }
            stopTimes.append(StopTime(trip: trip, stop: timesTable.cell(r, stopColumn), arrival: arrival, departure: departure, sequence: sequence))
        }
        var services: [String: Service] = [:]
        if let calendar = try table("calendar.txt", required: false) {
            let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            for r in 0..<calendar.count {
                var days: [Bool] = []
                for day in names { days.append(try calendar.value(r, day) == "1") }
                services[try calendar.value(r, "service_id")] = Service(days: days, start: try calendar.value(r, "start_date"), end: try calendar.value(r, "end_date"))
            }
        }
        var exceptions: [String: [String: Bool]] = [:]
        if let dates = try table("calendar_dates.txt", required: false) {
            for r in 0..<dates.count {
                exceptions[try dates.value(r, "service_id"), default: [:]][try dates.value(r, "date")] = try dates.value(r, "exception_type") == "1"
            }
        }
        var transfers: [(String, String, Int)] = []
        if let table = try table("transfers.txt", required: false) {
            for r in 0..<table.count where table.optional(r, "transfer_type") != "3" {
                let text = table.optional(r, "min_transfer_time") ?? ""
                let seconds = text.isEmpty ? 0 : Int(text) ?? -1
                guard (0...86_400).contains(seconds) else {
                    throw .malformedFile(file: "\(name)/transfers.txt", line: r + 2, reason: "min_transfer_time '\(text)' must be 0 to 86400 seconds")
                }
                transfers.append((try table.value(r, "from_stop_id"), try table.value(r, "to_stop_id"), seconds))
            }
        }
        self.stops = stops
        self.routeNames = routeNames
        self.trips = trips
        self.stopTimes = stopTimes
        self.services = services
        self.exceptions = exceptions
        self.transfers = transfers
    }

    /// The first Monday-to-Friday date on or after the earliest calendar start on which some service
    /// runs: the default day for queries that give none.
    public func defaultServiceDate() -> CivilDate? {
        guard let start = services.values.map(\.start).min(), start.count == 8,
              let y = Int(start.prefix(4)), let m = Int(start.dropFirst(4).prefix(2)), let d = Int(start.suffix(2)),
              var date = try? CivilDate(year: y, month: m, day: d) else { return nil }
        for _ in 0..<400 {
            let weekday = date.isoWeekday - 1
            let key = String(format: "%04d%02d%02d", date.year, date.month, date.day)
            if weekday < 5, services.keys.contains(where: { runs($0, on: key, weekday: weekday) }) { return date }
            date = date.adding(days: 1)
        }
        return nil
    }

    /// `H:MM:SS` (hours may pass 24, up to 48) as seconds; `nil` for anything else.
    public static func seconds(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        // Service days run past midnight (25:10:00), but not by days: 48 h bounds every real feed.
        guard parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]), let s = Int(parts[2]), (0...48).contains(h), (0..<60).contains(m), (0..<60).contains(s) else {
            return nil
        }
        return h * 3600 + m * 60 + s
    }

    /// Whether a service runs on a date (`yyyymmdd`, with its weekday, Monday = 0).
    func runs(_ service: String, on date: String, weekday: Int) -> Bool {
        if let exception = exceptions[service]?[date] { return exception }
        guard let s = services[service] else { return false }
        return date >= s.start && date <= s.end && s.days[weekday]
    }
}
