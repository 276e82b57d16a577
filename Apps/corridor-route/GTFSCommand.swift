import CorridorCommandLine
import ArgumentParser
import CorridorLogistics
import CorridorModel
import Foundation

/// `corridor-route gtfs`
struct GTFSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gtfs",
        abstract: "Earliest arrival and the Pareto set of arrival × transfers over a GTFS timetable (RAPTOR).",
        discussion: "Stops are stop_ids, platform ids or station names. Example: corridor-route gtfs --feed nyc_subway_gtfs.zip --from 101 --to 142 --depart 08:00:00"
    )

    @Option(help: "The GTFS feed: a .zip file or a directory.") var feed: String
    @Option(help: "Origin stop.") var from: String
    @Option(help: "Destination stop.") var to: String
    @Option(help: "Departure time, HH:MM:SS.") var depart: String
    @Option(help: "Service date, YYYY-MM-DD (default: the first weekday the feed runs).") var date: String?
    @Option(help: "json | table.") var format: String = "table"

    struct Output: Encodable {
        let date: CivilDate
        let from: String
        let to: String
        let departure: String
        let journeys: [Raptor.Journey]
        let reason: String?
    }

    func run() async throws {
        guard let seconds = GTFSFeed.seconds(depart) else { throw ValidationError("--depart must be HH:MM:SS") }
        let gtfs = try logistics { () throws(LogisticsError) in try GTFSFeed(contentsOf: URL(fileURLWithPath: feed)) }
        let day: CivilDate
        if let date {
            do { day = try CivilDate(parsing: date) } catch { throw ValidationError("--date: \(error.description)") }
        } else {
            guard let first = gtfs.defaultServiceDate() else { throw CLIError("the feed's calendar has no weekday service; give --date") }
            day = first
        }
        let timetable = Timetable(feed: gtfs, date: day)
        let a = try logistics { () throws(LogisticsError) in try timetable.station(from) }
        let b = try logistics { () throws(LogisticsError) in try timetable.station(to) }
        let journeys = Raptor(timetable: timetable).journeys(from: a, to: b, departure: seconds)
        let reason = journeys.isEmpty ? (timetable.tripCount == 0 ? "no trips run on \(day)" : "no trip reaches \(timetable.stations[b].name) after \(depart) on \(day)") : nil
        let output = Output(date: day, from: timetable.stations[a].name, to: timetable.stations[b].name, departure: depart, journeys: journeys, reason: reason)
        if format == "json" {
            try printJSON(output)
        } else {
            print("\(output.from) → \(output.to), \(day), leaving \(depart)")
            for j in journeys {
                print("arrive \(clock(j.arrival)) with \(j.transfers) transfer(s)")
                for leg in j.legs {
                    print("   \(leg.kind == "ride" ? "line \(leg.route ?? "?")" : "walk") \(leg.from) \(clock(leg.departure)) → \(leg.to) \(clock(leg.arrival))")
                }
            }
            if let reason { print("no journey: \(reason)") }
        }
        if journeys.isEmpty { throw ExitCode(noRouteStatus) }
    }

    func clock(_ s: Int) -> String { String(format: "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) }
}
