import CorridorTestSupport
import Foundation
import Testing

/// `corridor-route` end to end on the real files: the forms external checks rely on.
@Suite("corridor-route CLI")
struct CorridorRouteCLITests {
    struct Unexpected: Error { let text: String }

    func run(_ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run("corridor-route", arguments, environment: ["CORRIDOR_DATA": TestData.directory.path])
    }

    func json(_ r: CommandRunner.Result) throws -> [String: Any] {
        guard r.status == 0 else { throw Unexpected(text: r.stderr) }
        guard let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] else { throw Unexpected(text: r.stdout) }
        return object
    }

    @Test("sea FROM TO --format json|geojson, --exclude, --svg; no route exits 3 with the reason", .needsReferenceData)
    func sea() throws {
        let object = try json(try run(["sea", "CNSHA", "NLRTM", "--format", "json"]))
        #expect(abs((object["length_km"] as? Double ?? 0) - 19610.079) < 0.01)
        #expect((object["passages"] as? [String])?.contains("suez") == true)
        let coordinates = try #require(object["coordinates"] as? [[Double]])
        #expect(coordinates.count > 10 && coordinates.allSatisfy { $0.count == 2 })
        let feature = try json(try run(["sea", "CNSHA", "NLRTM", "--exclude", "suez,northwest", "--format", "geojson"]))
        #expect(feature["type"] as? String == "Feature")
        #expect((feature["geometry"] as? [String: Any])?["type"] as? String == "LineString")
        #expect(((feature["properties"] as? [String: Any])?["passages"] as? [String])?.contains("panama") == true)
        let svg = try CommandRunner.temporaryDirectory().appendingPathComponent("sea.svg")
        #expect(try run(["sea", "CNSHA", "USLAX", "--svg", svg.path]).status == 0)
        #expect(try String(contentsOf: svg, encoding: .utf8).contains("<path"))
        let cut = try run(["sea", "KZAAU", "NLRTM", "--exclude", "bosporus,northwest"])
        #expect(cut.status == 3)
        #expect(cut.stderr.contains("no route"))
        let unknown = try run(["sea", "CNSHX", "NLRTM"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean CNSHA"))
    }

    @Test("plan --format json lists legs, modes, dwell, cost, P50/P90 and CO2e per option", .needsReferenceData)
    func plan() throws {
        let object = try json(try run(["plan", "--from", "CNCKG", "--to", "DEDUI", "--mass-kg", "8000", "--volume-m3", "30", "--ready", "2026-12-01", "--format", "json"]))
        let options = try #require(object["options"] as? [[String: Any]])
        #expect(!options.isEmpty)
        for option in options {
            #expect(option["costUSD"] is String && option["p50Days"] is Double && option["p90Days"] is Double && option["co2eKg"] is Double)
            let legs = try #require(option["legs"] as? [[String: Any]])
            #expect(legs.allSatisfy { $0["mode"] is String && $0["dwellDays"] is Double })
        }
        let impossible = try run(["plan", "--from", "CNCKG", "--to", "DEDUI", "--mass-kg", "8000", "--ready", "2026-12-01", "--max-days", "1"])
        #expect(impossible.status == 3)
        #expect(impossible.stdout.contains("no option"))
    }

    @Test("gtfs --feed ZIP --from STOP --to STOP --depart HH:MM:SS", .needsReferenceData)
    func gtfs() throws {
        let feed = TestData.directory.appendingPathComponent("logistics/nyc_subway_gtfs.zip").path
        let r = try run(["gtfs", "--feed", feed, "--from", "101", "--to", "142", "--depart", "08:00:00", "--format", "json"])
        let object = try json(r)
        let journeys = try #require(object["journeys"] as? [[String: Any]])
        #expect(journeys.first?["transfers"] as? Int == 0)
        #expect(try run(["gtfs", "--feed", feed, "--from", "Atlantis", "--to", "142", "--depart", "08:00:00"]).stderr.contains("no stop 'Atlantis'"))
    }

    @Test("coverage --sites FILE --demand ports:EU --hours 72 --choose K", .needsReferenceData)
    func coverage() throws {
        let sites = try CommandRunner.temporaryDirectory().appendingPathComponent("sites.csv")
        try "id,name,lon,lat\ndui,Duisburg,6.76,51.43\nlodz,Łódź,19.56,51.74\nmad,Madrid,-3.66,40.39\nrey,Reykjavík,-21.9,64.1\n"
            .write(to: sites, atomically: true, encoding: .utf8)
        let object = try json(try run(["coverage", "--sites", sites.path, "--demand", "ports:EU", "--hours", "72", "--choose", "2", "--compare-sea", "--format", "json"]))
        let rail = try #require(object["rail"] as? [String: Any])
        #expect((rail["chosen"] as? [String])?.count == 2)
        #expect((rail["method"] as? String)?.hasPrefix("exact") == true)
        #expect(object["seaOnly"] is [String: Any])
        let bad = try CommandRunner.temporaryDirectory().appendingPathComponent("bad.csv")
        try "id,name,lon,lat\nx,X,200,95\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(try run(["coverage", "--sites", bad.path, "--demand", "ports:EU"]).stderr.contains("bad.csv:2"))
    }
}
