import CorridorLogistics
import CorridorModel
import CorridorServer
import CorridorTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Route endpoints")
struct RouteRouteTests {
    static func app() async throws -> TestApp {
        var app = try await TestApp.make(referenceData: false)
        app.logistics = LogisticsService.load(dataDirectory: try TestData.requireData().path, logger: Logger(label: "test"))
        return app
    }

    @Test("GET /v1/routes/sea answers the length, passages and GeoJSON-ordered coordinates; unknown ports are 404", .needsReferenceData)
    func sea() async throws {
        let app = try await Self.app()
        try await app.test { client in
            let response = try await client.execute(uri: "/v1/routes/sea?from=CNSHA&to=NLRTM", method: .get, headers: auth(app.keys.alpha))
            #expect(response.status == .ok)
            let object = try response.object()
            #expect(abs((object["length_km"] as? Double ?? 0) - 19610.079) < 0.01)
            #expect(object["passages"] as? [String] == ["malacca", "babalmandab", "suez", "gibraltar"])
            let first = try requireValue((object["coordinates"] as? [[Double]])?.first)
            #expect(first[0] > 100 && first[1] > 20, "[longitude, latitude]")
            let cut = try await client.execute(uri: "/v1/routes/sea?from=KZAAU&to=NLRTM&exclude=bosporus,northwest", method: .get, headers: auth(app.keys.alpha))
            #expect(cut.status == .ok)
            #expect(try cut.object()["reason"] is String)
            #expect(try await client.execute(uri: "/v1/routes/sea?from=CNSHX&to=NLRTM", method: .get, headers: auth(app.keys.alpha)).status == .notFound)
            #expect(try await client.execute(uri: "/v1/routes/sea?from=CNSHA&to=NLRTM&exclude=atlantis", method: .get, headers: auth(app.keys.alpha)).status == .badRequest)
            #expect(try await client.execute(uri: "/v1/routes/sea?from=CNSHA", method: .get, headers: auth(app.keys.alpha)).status == .badRequest)
        }
    }

    @Test("POST /v1/routes/plan returns rail and air options; impossible constraints are a 200 with a reason", .needsReferenceData)
    func plan() async throws {
        let app = try await Self.app()
        let body = try json(["from": "CNCKG", "to": "DEDUI", "mass_kg": 8000, "volume_m3": 30, "ready": "2026-12-01"])
        let tight = try json(["from": "CNCKG", "to": "DEDUI", "mass_kg": 8000, "ready": "2026-12-01", "max_days": 1])
        let bad = try json(["from": "CNCKG", "to": "DEDUI", "mass_kg": -5])
        try await app.test { client in
            let response = try await client.execute(uri: "/v1/routes/plan", method: .post, headers: auth(app.keys.alpha), body: body)
            #expect(response.status == .ok)
            let options = try requireValue(try response.object()["options"] as? [[String: Any]])
            #expect(options.contains { ($0["modes"] as? String) == "rail" })
            #expect(options.contains { ($0["modes"] as? String)?.hasPrefix("air") == true })
            let none = try await client.execute(uri: "/v1/routes/plan", method: .post, headers: auth(app.keys.alpha), body: tight)
            #expect(none.status == .ok)
            #expect((try none.object()["reason"] as? String)?.contains("day limit") == true)
            #expect(try await client.execute(uri: "/v1/routes/plan", method: .post, headers: auth(app.keys.alpha), body: bad).status == .badRequest)
        }
    }
}
