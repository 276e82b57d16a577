import CorridorLogistics
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@Suite("Sea lanes")
struct SeaNetworkTests {
    func route(_ a: String, _ b: String, excluding: [String] = SeaNetwork.defaultExclusions) throws -> SeaRoute {
        let ports = try LogisticsData.ports()
        return try LogisticsData.sea().route(from: ports.port(a).position, to: ports.port(b).position, excluding: excluding)
    }

    @Test("great-circle distance: one degree of latitude is 111.2 km; the antimeridian is no distance")
    func haversine() {
        let a = GeoPoint(longitude: 0, latitude: 0), b = GeoPoint(longitude: 0, latitude: 1)
        #expect(abs(a.distanceKm(to: b) - 111.195) < 0.01)
        #expect(GeoPoint(longitude: 180, latitude: 10).distanceKm(to: GeoPoint(longitude: -180, latitude: 10)) < 1e-9)
        #expect(GeoPoint(longitude: 541, latitude: 3).normalised.longitude == -179)
    }

    // searoute-py 1.6.0 on the same network gives these lengths (Benchmarks/peer_logistics.py checks 200 pairs).
    @Test("Shanghai–Rotterdam goes by Malacca and Suez; without Suez, by Panama", .needsReferenceData)
    func shanghaiRotterdam() throws {
        let r = try route("CNSHA", "NLRTM")
        #expect(abs((r.lengthKm ?? 0) - 19610.079) < 0.01)
        #expect(r.passages == ["malacca", "babalmandab", "suez", "gibraltar"])
        let around = try route("CNSHA", "NLRTM", excluding: ["suez", "northwest"])
        #expect(around.passages.contains("panama"))
        #expect((around.lengthKm ?? 0) > (r.lengthKm ?? 0) + 5_000)
    }

    @Test("a trans-Pacific route crosses the antimeridian without a jump in its coordinates", .needsReferenceData)
    func antimeridian() throws {
        let r = try route("CNSHA", "USLAX")
        let length = try #require(r.lengthKm)
        #expect(length > 10_000 && length < 11_500)
        for (a, b) in zip(r.coordinates, r.coordinates.dropFirst()) { #expect(abs(a.longitude - b.longitude) < 180) }
        #expect((r.coordinates.last?.longitude ?? 0) > 180, "Los Angeles continues east of 180° as 241.7")
    }

    @Test("excluding every way out is an answer with a reason, not a crash", .needsReferenceData)
    func unreachable() throws {
        // The Caspian reaches the ocean only through the Black Sea, so without the Bosporus Aktau is cut off.
        #expect(try route("KZAAU", "NLRTM").passages.contains("bosporus"))
        let r = try route("KZAAU", "NLRTM", excluding: ["bosporus", "northwest"])
        #expect(!r.reachable)
        #expect(r.lengthKm == nil)
        #expect(r.unreachableReason?.contains("bosporus") == true)
        #expect(throws: LogisticsError.self) { try route("CNSHA", "NLRTM", excluding: ["atlantis"]) }
    }

    @Test("an unknown LOCODE is refused with a suggestion from the same country", .needsReferenceData)
    func unknownPort() throws {
        #expect(throws: LogisticsError.unknownLocation("CNSHX", suggestion: "CNSHA (Shanghai)")) { try LogisticsData.ports().port("CNSHX") }
    }

    @Test("planar snapping (searoute's rule) and great-circle snapping can pick different nodes, both nearby", .needsReferenceData)
    func snapping() throws {
        let network = try LogisticsData.sea()
        let madrid = try LogisticsData.ports().port("ESMAD").position
        let planar = try #require(network.snap(madrid, metric: .planarDegrees))
        let sphere = try #require(network.snap(madrid, metric: .greatCircle))
        #expect(sphere.distanceKm <= planar.distanceKm)
        #expect(planar.distanceKm < 500)
    }
}

@Suite("Malformed logistics inputs")
struct MalformedLogisticsInputTests {
    @Test("a file that is not a FeatureCollection, a bad coordinate and a GTFS directory without stops.txt are refused by name")
    func malformed() throws {
        #expect(throws: LogisticsError.malformedFile(file: "x.geojson", line: 0, reason: "no `features` array (a GeoJSON FeatureCollection is expected)")) {
            try SeaNetwork(geojson: Data("{}".utf8), file: "x.geojson")
        }
        let badLat = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[1,95]]}}]}"#
        #expect(throws: LogisticsError.malformedFile(file: "y.geojson", line: 0, reason: "feature 0 has a coordinate that is not [longitude, latitude]")) {
            try SeaNetwork(geojson: Data(badLat.utf8), file: "y.geojson")
        }
        #expect(throws: LogisticsError.self) { try PortDirectory(geojson: Data("[1,2]".utf8)) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gtfs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "trip_id,stop_id,arrival_time,departure_time,stop_sequence\n".write(to: dir.appendingPathComponent("stop_times.txt"), atomically: true, encoding: .utf8)
        #expect(throws: LogisticsError.malformedFile(file: "\(dir.lastPathComponent)/stops.txt", line: 0, reason: "missing; a GTFS feed needs it")) {
            try GTFSFeed(contentsOf: dir)
        }
        try "stop_id,stop_name,stop_lat,stop_lon\nA,Alpha,x,1\n".write(to: dir.appendingPathComponent("stops.txt"), atomically: true, encoding: .utf8)
        for name in ["trips.txt", "routes.txt"] { try "route_id,trip_id,service_id\n".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        #expect(throws: LogisticsError.malformedFile(file: "\(dir.lastPathComponent)/stops.txt", line: 2, reason: "stop A has no numeric stop_lat/stop_lon")) {
            try GTFSFeed(contentsOf: dir)
        }
    }
}
