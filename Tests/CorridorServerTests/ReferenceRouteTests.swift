import CorridorServer
import CorridorTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Reference routes", .needsReferenceData)
struct ReferenceRouteTests {
    @Test("lookup honours as_of: HS 2017 before 2022-01-01, HS 2022 from it")
    func asOf() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let before = try await client.execute(uri: "/v1/nomenclature/8517.13?as_of=2021-12-31", method: .get, headers: auth(app.keys.alpha))
            #expect(before.status == .notFound && before.isProblem)
            #expect((try before.object()["detail"] as? String) == "code 8517.13 does not exist in hs2017")
            let on = try await client.execute(uri: "/v1/nomenclature/851713?as_of=2022-01-01", method: .get, headers: auth(app.keys.alpha))
            #expect(on.status == .ok)
            let body = try on.object()
            #expect(body["code"] as? String == "851713")
            #expect(body["description"] as? String == "Telephone sets; smartphones for cellular or other wireless networks")
            #expect(body["release"] as? String == "hs2022")
            #expect((body["ancestors"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["85", "8517"])
            let old = try await client.execute(uri: "/v1/nomenclature/851712?version=hs2017&as_of=2019-06-01", method: .get, headers: auth(app.keys.alpha))
            #expect(old.status == .ok)
            let stale = try await client.execute(uri: "/v1/nomenclature/851712?version=hs2017&as_of=2023-06-01", method: .get, headers: auth(app.keys.alpha))
            #expect(stale.status == .badRequest)
            // No as_of: the services' clock says 2026-05-28, when US HTS 2026 r4 is in force.
            let national = try await client.execute(uri: "/v1/nomenclature/0101.21.00.10", method: .get, headers: auth(app.keys.alpha))
            #expect(try national.object()["release"] as? String == "us-hts-2026r4")
        }
    }

    @Test("invalid input gets 400 and unknown codes 404, as problem+json with the reason", arguments: [
        ("/v1/nomenclature/85x7", 400, "invalid HS code '85x7'"),
        ("/v1/nomenclature/851", 400, "3 digits"),
        ("/v1/nomenclature/999998", 404, "does not exist in hs2022"),
        ("/v1/nomenclature/851713?as_of=2026-02-30", 400, "invalid date '2026-02-30'"),
        ("/v1/nomenclature/851713?version=hs1996", 400, "unknown release 'hs1996'"),
        ("/v1/nomenclature/01012100?as_of=2026-03-01", 400, "exists in us-hts-2026r4 and eu-cn-2026"),
        ("/v1/correlations/851713?from=hs2022", 400, "'to' is required"),
        ("/v1/correlations/851713?from=hs2022&to=hs2019", 400, "unknown HS version 'hs2019'"),
        ("/v1/correlations/8517?from=hs2022&to=hs2017", 400, "6-digit subheadings"),
        ("/v1/nomenclature/search?q=tea&limit=0", 400, "limit must be"),
        ("/v1/nomenclature/search", 400, "'q' is required"),
        ("/v1/tariffs/diff?from=us-hts-2026r4&to=eu-cn-2026", 400, "different nomenclatures"),
        ("/v1/no-such-route", 404, "no route for GET /v1/no-such-route"),
    ])
    func problems(uri: String, status: Int, detail: String) async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let r = try await client.execute(uri: uri, method: .get, headers: auth(app.keys.alpha))
            #expect(Int(r.status.code) == status)
            #expect(r.isProblem)
            let body = try r.object()
            #expect(body["status"] as? Int == status)
            #expect((body["type"] as? String)?.hasPrefix("urn:corridor:problem:") == true)
            #expect((body["detail"] as? String)?.contains(detail) == true, "detail: \(body["detail"] ?? "")")
            #expect(body["instance"] as? String == uri.split(separator: "?").first.map(String.init))
        }
    }

    @Test("correlations, search, national lines, diff and releases answer from the real data")
    func routes() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let c = try await client.execute(uri: "/v1/correlations/880621?from=hs2022&to=hs2017", method: .get, headers: auth(app.keys.alpha)).object()
            let targets = try requireValue(c["targets"] as? [[String: Any]])
            #expect(targets.compactMap { $0["code"] as? String } == ["852580", "880211", "880220"])
            #expect(targets.allSatisfy { $0["relationship"] as? String == "n:n" })
            let s = try await client.execute(uri: "/v1/nomenclature/search?q=smartphones&limit=3&version=hs2022", method: .get, headers: auth(app.keys.alpha)).object()
            let first = (s["results"] as? [[String: Any]])?.first?["entry"] as? [String: Any]
            #expect(first?["code"] as? String == "851713")
            let lines = try await client.execute(uri: "/v1/nomenclature/851713/national-lines?version=eu-cn-2026", method: .get, headers: auth(app.keys.alpha)).object()
            #expect((lines["lines"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["85171300"])
            let d = try await client.execute(uri: "/v1/tariffs/diff?from=us-hts-2025r13&to=us-hts-2026r4", method: .get, headers: auth(app.keys.auditor)).object()
            let counts = try requireValue(d["counts"] as? [String: Int])
            #expect(counts == ["added": 436, "removed": 551, "description-changed": 126, "units-changed": 21, "rate-changed": 241])
            let releases = try await client.execute(uri: "/v1/releases", method: .get, headers: auth(app.keys.alpha)).array()
            #expect(releases.count == 6)
        }
    }
}
