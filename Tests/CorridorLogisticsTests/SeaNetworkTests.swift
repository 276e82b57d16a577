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
