import CorridorLogistics
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@Suite("RAPTOR over GTFS")
struct RaptorTests {
    static let loaded: Result<GTFSFeed, LogisticsError> = Result { () throws(LogisticsError) in
        try GTFSFeed(contentsOf: TestData.directory.appendingPathComponent("logistics/nyc_subway_gtfs.zip"))
    }

    func timetable(_ day: String = "2025-01-08") throws -> Timetable {
        _ = try TestData.requireData()
        return Timetable(feed: try Self.loaded.get(), date: try CivilDate(parsing: day))
    }

    @Test("the NYC feed: weekday, holiday and weekend services differ", .needsReferenceData)
    func calendar() throws {
        let feed = try Self.loaded.get()
        #expect(feed.defaultServiceDate()?.description == "2024-12-16")
        let weekday = try timetable("2025-01-08"), christmas = try timetable("2024-12-25"), sunday = try timetable("2025-01-12")
        #expect(weekday.tripCount > sunday.tripCount)
        #expect(christmas.tripCount == sunday.tripCount, "Christmas Day runs the Sunday service (calendar_dates.txt)")
    }

    @Test("Van Cortlandt Park to South Ferry on the 1 train: one ride, times from stop_times.txt", .needsReferenceData)
    func directRide() throws {
        let t = try timetable()
        let raptor = Raptor(timetable: t)
        let from = try t.station("Van Cortlandt Park-242 St"), to = try t.station("South Ferry")
        let journeys = raptor.journeys(from: from, to: to, departure: 8 * 3600)
        let first = try #require(journeys.first)
        #expect(first.transfers == 0)
        #expect(first.legs.count == 1)
        #expect(first.legs[0].route == "1")
        #expect(first.legs[0].departure >= 8 * 3600)
        #expect(first.arrival - first.legs[0].departure > 40 * 60, "the 1 train takes about an hour end to end")
        // Leaving a minute later never arrives earlier (FIFO).
        let later = raptor.journeys(from: from, to: to, departure: 8 * 3600 + 60)
        #expect((later.first?.arrival ?? .max) >= first.arrival)
    }

    @Test("the Pareto front trades transfers for arrival time, and transfers respect change times", .needsReferenceData)
    func paretoFront() throws {
        let t = try timetable()
        let raptor = Raptor(timetable: t)
        var fronts = 0
        for (a, b) in [("Van Cortlandt Park-242 St", "Flatbush Av-Brooklyn College"), ("Wakefield-241 St", "South Ferry")] {
            let journeys = raptor.journeys(from: try t.station(a), to: try t.station(b), departure: 7 * 3600 + 30 * 60)
            #expect(!journeys.isEmpty, "\(a) → \(b)")
            for (x, y) in zip(journeys, journeys.dropFirst()) {
                #expect(y.transfers > x.transfers)
                #expect(y.arrival < x.arrival, "more transfers only when it arrives earlier")
            }
            for j in journeys {
                let rides = j.legs.filter { $0.kind == "ride" }
                for (r1, r2) in zip(rides, rides.dropFirst()) where r1.toID == r2.fromID {
                    let change = t.minimumChange(at: try t.station(r1.toID))
                    #expect(r2.departure >= r1.arrival + change, "\(change) s to change at \(r1.to)")
                }
            }
            fronts += journeys.count
        }
        #expect(fronts >= 2)
        #expect(t.minimumChange(at: try t.station("96 St")) == 180)
        #expect(t.minimumChange(at: try t.station("Times Sq-42 St")) == 0, "a cross-platform change (transfers.txt gives 0)")
    }

    @Test("an unknown stop is a precise error; a stop with no later trip is an empty answer", .needsReferenceData)
    func errors() throws {
        let t = try timetable()
        #expect(throws: LogisticsError.unknownStop("Atlantis Av")) { try t.station("Atlantis Av") }
        let late = Raptor(timetable: t).journeys(from: try t.station("101"), to: try t.station("142"), departure: 30 * 3600)
        #expect(late.isEmpty)
    }
}

@Suite("RAPTOR over the corridor trains")
struct CorridorTimetableTests {
    @Test("the Middle Corridor: rail, the Caspian ferry and the BTK line, connected by RAPTOR with hub dwell")
    func middleCorridor() throws {
        let dataset = try CorridorDataset.bundled()
        let start = try CivilDate(parsing: "2026-12-01")
        let t = Timetable(corridors: dataset, start: start)
        let raptor = Raptor(timetable: t)
        let journeys = raptor.journeys(from: try t.station("CN-XIAN"), to: try t.station("TRIST"), departure: 0)
        let best = try #require(journeys.last)
        #expect(best.legs.map(\.route) == ["Middle Corridor (Trans-Caspian), Xi'an–Istanbul", "Aktau–Alat Caspian ferry", "Baku–Tbilisi–Kars–Istanbul"])
        #expect(best.transfers == 2)
        let days = Double(best.arrival) / 86_400
        #expect(days > 14 && days < 30, "the World Bank's 18–23 days end to end: \(days)")
        // Each change waits at least the hub dwell (half a day).
        for (a, b) in zip(best.legs, best.legs.dropFirst()) { #expect(b.departure - a.arrival >= 43_200) }
        // Yixinou leaves Yiwu on Wednesdays only.
        let yiwu = raptor.journeys(from: try t.station("CN-YIWU"), to: try t.station("ESMAD"), departure: 0)
        #expect(yiwu.first?.legs.first?.departure == 86_400 + 43_200)
    }
}
