import CorridorServer
import CorridorTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Yams

@Suite("Health, metrics and the OpenAPI document", .needsReferenceData)
struct SystemRouteTests {
    @Test("health answers without a key and lists the releases held")
    func health() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            let r = try await client.execute(uri: "/health", method: .get)
            #expect(r.status == .ok)
            #expect(try r.object()["status"] as? String == "ok")
            #expect((try r.object()["releases"] as? [String])?.contains("hs2022") == true)
        }
    }

    @Test("metrics count requests by route pattern, method and status, and record latency")
    func metrics() async throws {
        let app = try await TestApp.make()
        try await app.test { client in
            _ = try await client.execute(uri: "/v1/nomenclature/851713", method: .get, headers: auth(app.keys.alpha))
            _ = try await client.execute(uri: "/v1/nomenclature/851714", method: .get, headers: auth(app.keys.alpha))
            _ = try await client.execute(uri: "/v1/nomenclature/851714", method: .get)
            let text = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(text.contains(#"corridor_http_requests_total{route="/v1/nomenclature/{code}",method="GET",status="200"} 2"#))
            #expect(text.contains(#"corridor_http_requests_total{route="/v1/nomenclature/{code}",method="GET",status="401"} 1"#))
            #expect(text.contains("corridor_http_request_duration_seconds_bucket"))
        }
    }

    @Test("every route is documented in Docs/openapi.yaml, and the document is served")
    func openAPI() async throws {
        let app = try await TestApp.make()
        let text = try String(contentsOf: TestData.packageRoot.appendingPathComponent("Docs/openapi.yaml"), encoding: .utf8)
        let document = try requireValue(try Yams.load(yaml: text) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try requireValue(document["paths"] as? [String: Any])
        var documented = Set<String>()
        for (path, item) in paths {
            for method in (item as? [String: Any])?.keys ?? [:].keys where !["parameters", "summary", "description"].contains(method) {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        let routes = Set(app.router.routes.map { route -> String in
            let path = route.path.description.split(separator: "/").map { part in
                part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
            }.joined(separator: "/")
            return "\(route.method.rawValue) /\(path)"
        })
        #expect(routes.count >= 14)
        #expect(routes.subtracting(documented).isEmpty, "undocumented routes: \(routes.subtracting(documented).sorted())")
        #expect(documented.subtracting(routes).isEmpty, "documented but not routed: \(documented.subtracting(routes).sorted())")
        try await app.test { client in
            let served = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(String(buffer: served.body) == text)
        }
    }
}
