import CorridorModel
import CorridorServer
import CorridorTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `/v1/subscriptions`, `/v1/portfolio`, `/v1/alerts`, `/v1/events`, `/v1/silences`, `/v1/deadletters`.
@Suite("Alert routes")
struct AlertRouteTests {
    static func page(_ name: String) throws -> ByteBuffer {
        ByteBuffer(bytes: try Data(contentsOf: TestData.fixture("alerts/\(name)")))
    }

    @Test("subscriptions are tenant-scoped CRUD; events are zone-admin ingest; alerts page per enterprise; silences; dead letters")
    func lifecycle() async throws {
        let app = try await TestApp.make(referenceData: false)
        try await app.test { client in
            // Alpha sells wheels in the US and subscribes to heading 8708 there.
            var r = try await client.execute(uri: "/v1/portfolio", method: .put, headers: auth(app.keys.alpha),
                                             body: try json(["skus": [["id": "WHEEL-1", "hs6": "870870", "markets": ["US"]]]]))
            #expect(r.status == .ok)
            r = try await client.execute(uri: "/v1/subscriptions", method: .post, headers: auth(app.keys.alpha),
                                         body: try json(["id": "us-wheels", "hs": ["8708"], "markets": ["us"], "min_severity": "medium"]))
            #expect(r.status == .created)
            #expect(try r.object()["markets"] as? [String] == ["US"])
            r = try await client.execute(uri: "/v1/subscriptions/us-wheels", method: .put, headers: auth(app.keys.alpha),
                                         body: try json(["hs": ["8708"], "markets": ["US"], "min_severity": "low"]))
            #expect(r.status == .ok)
            // Refusals: a bad prefix, a webhook without a secret, a short secret; another tenant's records.
            r = try await client.execute(uri: "/v1/subscriptions", method: .post, headers: auth(app.keys.alpha), body: try json(["id": "x", "hs": ["870"]]))
            #expect(r.status == .badRequest && r.isProblem)
            r = try await client.execute(uri: "/v1/subscriptions", method: .post, headers: auth(app.keys.alpha),
                                         body: try json(["id": "x", "webhook": "https://hooks.example.com/c"]))
            #expect(r.status == .badRequest)
            #expect((try r.object()["detail"] as? String)?.contains("webhook_secret") == true)
            r = try await client.execute(uri: "/v1/subscriptions", method: .post, headers: auth(app.keys.alpha),
                                         body: try json(["id": "x", "webhook": "https://hooks.example.com/c", "webhook_secret": "short"]))
            #expect(r.status == .badRequest)
            r = try await client.execute(uri: "/v1/subscriptions?enterprise=alpha", method: .get, headers: auth(app.keys.beta))
            #expect(r.status == .forbidden)
            // An auditor reads; it never writes, not even its own enterprise's records.
            r = try await client.execute(uri: "/v1/subscriptions", method: .post, headers: auth(app.keys.auditor), body: try json(["id": "x"]))
            #expect(r.status == .forbidden)
            r = try await client.execute(uri: "/v1/portfolio", method: .put, headers: auth(app.keys.alpha),
                                         body: try json(["skus": [["id": "A", "hs6": "870870", "markets": ["US"]], ["id": "A", "hs6": "870870", "markets": ["DE"]]]]))
            #expect(r.status == .badRequest)
            r = try await client.execute(uri: "/v1/subscriptions?enterprise=alpha", method: .get, headers: auth(app.keys.auditor))
            #expect(try r.array().map { $0["id"] as? String } == ["us-wheels"])
            #expect(try await client.execute(uri: "/v1/subscriptions", method: .get, headers: auth(app.keys.beta)).array().isEmpty)

            // Events: only a zone admin ingests; a page twice adds nothing.
            r = try await client.execute(uri: "/v1/events?source=federal-register", method: .post, headers: auth(app.keys.alpha),
                                         body: try Self.page("federal-register-documents.json"))
            #expect(r.status == .forbidden)
            r = try await client.execute(uri: "/v1/events?source=federal-register", method: .post, headers: auth(app.keys.admin),
                                         body: try Self.page("federal-register-documents.json"))
            #expect(r.status == .ok)
            var answer = try r.object()
            #expect(answer["inserted"] as? Int == 2)
            #expect((answer["alerts"] as? [[String: Any]])?.compactMap { $0["enterprise"] as? String } == ["alpha"])
            #expect((answer["rejected"] as? [[String: Any]])?.compactMap { $0["recordID"] as? String } == ["2026-33333"])
            r = try await client.execute(uri: "/v1/events?source=federal-register", method: .post, headers: auth(app.keys.admin),
                                         body: try Self.page("federal-register-documents.json"))
            answer = try r.object()
            #expect(answer["unchanged"] as? Int == 2 && (answer["alerts"] as? [Any])?.isEmpty == true)
            r = try await client.execute(uri: "/v1/events?source=federal-register", method: .post, headers: auth(app.keys.admin),
                                         body: try Self.page("federal-register-final.json"))
            #expect(r.status == .ok)
            r = try await client.execute(uri: "/v1/events?source=telex", method: .post, headers: auth(app.keys.admin), body: ByteBuffer(string: "{}"))
            #expect(r.status == .badRequest)
            r = try await client.execute(uri: "/v1/events?source=gta", method: .post, headers: auth(app.keys.admin), body: ByteBuffer(string: "<html>"))
            #expect(r.status == .badRequest && r.isProblem)

            // Alerts: alpha's, newest first, paginated with a cursor; beta has none.
            r = try await client.execute(uri: "/v1/alerts?limit=1", method: .get, headers: auth(app.keys.alpha))
            let first = try r.object()
            #expect((first["alerts"] as? [[String: Any]])?.first.flatMap { ($0["event"] as? [String: Any])?["key"] as? String } == "federal-register:2026-44444")
            let cursor = try requireValue(first["next_cursor"] as? String)
            r = try await client.execute(uri: "/v1/alerts?limit=1&cursor=\(cursor)", method: .get, headers: auth(app.keys.alpha))
            let second = try r.object()
            #expect((second["alerts"] as? [[String: Any]])?.first.flatMap { ($0["event"] as? [String: Any])?["stage"] as? String } == "proposed")
            r = try await client.execute(uri: "/v1/alerts?min_severity=high", method: .get, headers: auth(app.keys.alpha))
            #expect((try r.object()["alerts"] as? [Any])?.count == 1)
            r = try await client.execute(uri: "/v1/alerts?min_severity=dire", method: .get, headers: auth(app.keys.alpha))
            #expect(r.status == .badRequest)
            #expect((try await client.execute(uri: "/v1/alerts", method: .get, headers: auth(app.keys.beta)).object()["alerts"] as? [Any])?.isEmpty == true)

            // Silences.
            r = try await client.execute(uri: "/v1/silences", method: .post, headers: auth(app.keys.alpha),
                                         body: try json(["matchers": ["measure=trade-remedy"], "duration": "2h", "comment": "known"]))
            #expect(r.status == .created)
            let silence = try requireValue(try r.object()["id"] as? String)
            r = try await client.execute(uri: "/v1/silences", method: .post, headers: auth(app.keys.alpha),
                                         body: try json(["matchers": ["measure=tbt"], "duration": "2h", "zone_wide": true]))
            #expect(r.status == .forbidden)
            r = try await client.execute(uri: "/v1/silences", method: .post, headers: auth(app.keys.alpha), body: try json(["matchers": ["colour=red"], "duration": "1h"]))
            #expect(r.status == .badRequest)
            r = try await client.execute(uri: "/v1/silences", method: .get, headers: auth(app.keys.alpha))
            #expect(try r.array().first?["active"] as? Bool == true)
            #expect(try await client.execute(uri: "/v1/silences/\(silence)", method: .delete, headers: auth(app.keys.beta)).status == .notFound)
            #expect(try await client.execute(uri: "/v1/silences/\(silence)", method: .delete, headers: auth(app.keys.alpha)).status == .noContent)

            // Dead letters: none; retrying an unknown one is a 404.
            #expect(try await client.execute(uri: "/v1/deadletters", method: .get, headers: auth(app.keys.alpha)).array().isEmpty)
            #expect(try await client.execute(uri: "/v1/deadletters/99/retry", method: .post, headers: auth(app.keys.alpha)).status == .notFound)

            // Deleting a subscription.
            #expect(try await client.execute(uri: "/v1/subscriptions/us-wheels", method: .delete, headers: auth(app.keys.alpha)).status == .noContent)
            #expect(try await client.execute(uri: "/v1/subscriptions/us-wheels", method: .get, headers: auth(app.keys.alpha)).status == .notFound)
        }
    }
}
