import CorridorLogistics
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@Suite("Planner and timetable edge cases")
struct PlannerEdgeCaseTests {
    @Test("a shipment boarding part-way along a weekly service waits for the train to reach its stop")
    func boardingMidRoute() throws {
        let json = """
            {"about": "test", "rail_circuity": 1.2, "circuity": {"other": 1.35},
             "nodes": [
               {"id": "A", "locode": null, "name": "A", "kind": "rail-terminal", "country": "KZ", "lon": 70, "lat": 45, "air": false},
               {"id": "B", "locode": null, "name": "B", "kind": "rail-terminal", "country": "KZ", "lon": 75, "lat": 45, "air": false},
               {"id": "C", "locode": null, "name": "C", "kind": "rail-terminal", "country": "KZ", "lon": 80, "lat": 45, "air": false}],
             "crossings": [],
             "services": [{"id": "s", "name": "Monday train", "mode": "rail", "stops": ["A", "B", "C"], "distance_km": null,
                           "days": [4.0, 5.0], "weekdays": [1], "reefer": false, "lithium": false, "source": "test"}],
             "modes": {
               "rail": {"cost_per_tkm": 0.03, "fixed": 0, "co2e_per_tkm": 0.03, "volumetric_kg_per_m3": 333, "source": "t"},
               "sea": {"cost_per_tkm": 0.01, "fixed": 0, "co2e_per_tkm": 0.02, "volumetric_kg_per_m3": 1000, "source": "t"},
               "road": {"cost_per_tkm": 1.0, "fixed": 0, "co2e_per_tkm": 0.1, "volumetric_kg_per_m3": 333, "source": "t"},
               "air": {"cost_per_tkm": 1.0, "fixed": 0, "co2e_per_tkm": 0.6, "volumetric_kg_per_m3": 167, "source": "t"}},
             "hub": {"handling_cost_per_t": 0, "co2e_kg_per_t": 0, "days": [0.0, 0.0], "source": "t"}}
            """
        let dataset = try CorridorDataset.decode(Data(json.utf8), file: "test.json")
        let planner = MultimodalPlanner(dataset: dataset, sea: try LogisticsData.sea(), ports: try LogisticsData.ports())
        // 2026-11-30 is a Monday: the train leaves A at noon and reaches B two days later (half of 4 days).
        var q = MultimodalPlanner.Query(from: "B", to: "C", cargo: try Cargo(massKg: 1_000), ready: try CivilDate(parsing: "2026-11-30"))
        q.modes = ["rail"]
        let leg = try #require(try planner.plan(q).options.first?.legs.first)
        #expect(leg.departsDay == 2.5)
        #expect(leg.arrivesDay == 4.5)
        // Ready on Wednesday after it passed: next Monday's train reaches B on day 7.5.
        q.ready = try CivilDate(parsing: "2026-12-03")
        #expect(try planner.plan(q).options.first?.legs.first?.departsDay == 6.5)
        q.maxDays = .nan
        #expect(throws: LogisticsError.self) { try planner.plan(q) }
        let duplicate = json.replacingOccurrences(of: "\"id\": \"C\"", with: "\"id\": \"B\"")
        #expect(throws: LogisticsError.self) { try CorridorDataset.decode(Data(duplicate.utf8), file: "dup.json") }
    }

    @Test("Hamburg is a gateway port: sea legs reach it", .needsReferenceData)
    func hamburgByShip() throws {
        var q = MultimodalPlanner.Query(from: "CNSHA", to: "DEHAM", cargo: try Cargo(massKg: 5_000, volumeM3: 10), ready: try CivilDate(parsing: "2026-12-01"))
        q.modes = ["sea"]
        let option = try #require(try LogisticsData.planner().plan(q).options.first)
        #expect(option.legs.map(\.mode) == ["sea"])
        #expect(option.legs.first?.to == "DEHAM")
    }

    @Test("an express that overtakes a slower train is still found; absurd times are refused")
    func overtaking() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gtfs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = [
            "stops.txt": "stop_id,stop_name,stop_lat,stop_lon\nA,Alpha,0,0\nB,Beta,0,0.1\n",
            "routes.txt": "route_id,route_short_name\nR,R\n",
            "trips.txt": "route_id,trip_id,service_id\nR,slow,S\nR,express,S\n",
            "stop_times.txt": "trip_id,stop_id,arrival_time,departure_time,stop_sequence\nslow,A,08:00:00,08:00:00,1\nslow,B,09:00:00,09:00:00,2\nexpress,A,08:10:00,08:10:00,1\nexpress,B,08:30:00,08:30:00,2\n",
            "calendar.txt": "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nS,1,1,1,1,1,1,1,20260101,20261231\n",
        ]
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let t = Timetable(feed: try GTFSFeed(contentsOf: dir), date: try CivilDate(parsing: "2026-06-01"))
        let journeys = Raptor(timetable: t).journeys(from: try t.station("A"), to: try t.station("B"), departure: 8 * 3600)
        #expect(journeys.first?.arrival == 8 * 3600 + 30 * 60)
        #expect(journeys.first?.legs.first?.trip == "express")
        #expect(Raptor(timetable: t).journeys(from: 0, to: 1, departure: Int.max).isEmpty)
        #expect(GTFSFeed.seconds("25:10:00") == 90_600)
        #expect(GTFSFeed.seconds("600000:00:00") == nil)
        try "from_stop_id,to_stop_id,transfer_type,min_transfer_time\nA,A,2,99999999\n".write(to: dir.appendingPathComponent("transfers.txt"), atomically: true, encoding: .utf8)
        #expect(throws: LogisticsError.self) { try GTFSFeed(contentsOf: dir) }
    }
}
