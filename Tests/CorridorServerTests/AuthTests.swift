import CorridorServer
import CorridorTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Authentication, roles and tenants")
struct AuthTests {
    @Test("no key, a malformed key, a wrong secret and a revoked key all get 401 problems")
    func unauthorized() async throws {
        let app = try await TestApp.make(referenceData: false)
        let forged = app.keys.alpha.dropLast(4) + "AAAA"
        try await app.test { client in
            for headers: HTTPFields in [[:], auth("not-a-key"), auth(String(forged)), auth(app.keys.revoked), [.authorization: "Basic abc"]] {
                let r = try await client.execute(uri: "/v1/releases", method: .get, headers: headers)
                #expect(r.status == .unauthorized)
                #expect(r.isProblem)
                #expect(r.headers[.wwwAuthenticate] == "Bearer realm=\"corridor\"")
                #expect(try r.object()["status"] as? Int == 401)
            }
            let revoked = try await client.execute(uri: "/v1/me", method: .get, headers: auth(app.keys.revoked))
            #expect((try revoked.object()["detail"] as? String)?.contains("revoked") == true)
        }
    }

    @Test("reference data is readable by every role, with Bearer or X-API-Key")
    func everyRoleReads() async throws {
        let app = try await TestApp.make(referenceData: false)
        try await app.test { client in
            for key in [app.keys.admin, app.keys.alpha, app.keys.auditor] {
                let r = try await client.execute(uri: "/v1/releases", method: .get, headers: auth(key))
                #expect(r.status == .ok)
            }
            let apiKey = try requireValue(HTTPField.Name("X-API-Key"))
            // A proxy's own Basic credentials do not hide the API key header.
            let viaHeader = try await client.execute(uri: "/v1/me", method: .get, headers: [apiKey: app.keys.alpha, .authorization: "Basic cHJveHk6eA=="])
            #expect(viaHeader.status == .ok)
            let me = try viaHeader.object()
            #expect(me["role"] as? String == "enterprise")
            #expect((me["enterprise"] as? [String: Any])?["id"] as? String == "alpha")
        }
    }

    @Test("a key without the role gets 403")
    func forbidden() async throws {
        let app = try await TestApp.make(referenceData: false)
        let body = try json(["id": "gamma", "name": "Gamma Trading", "tier": "micro", "country": "THA"])
        try await app.test { client in
            let list = try await client.execute(uri: "/v1/enterprises", method: .get, headers: auth(app.keys.alpha))
            #expect(list.status == .forbidden && list.isProblem)
            for key in [app.keys.alpha, app.keys.auditor] {
                let create = try await client.execute(uri: "/v1/enterprises", method: .post, headers: auth(key), body: body)
                #expect(create.status == .forbidden)
                let issue = try await client.execute(uri: "/v1/enterprises/alpha/keys", method: .post, headers: auth(key),
                                                     body: try json(["role": "zone-admin"]))
                #expect(issue.status == .forbidden, "no one but a zone admin issues keys")
            }
            let created = try await client.execute(uri: "/v1/enterprises", method: .post, headers: auth(app.keys.admin), body: body)
            #expect(created.status == .created)
            #expect(try created.object()["country"] as? String == "TH")
            let again = try await client.execute(uri: "/v1/enterprises", method: .post, headers: auth(app.keys.admin), body: body)
            #expect(again.status == .conflict && again.isProblem)
            let auditorList = try await client.execute(uri: "/v1/enterprises", method: .get, headers: auth(app.keys.auditor))
            #expect(try auditorList.array().map { $0["id"] as? String } == ["alpha", "audit-office", "beta", "gamma", "zone"])
        }
    }

    @Test("an enterprise reads and changes only its own records")
    func tenantScoping() async throws {
        let app = try await TestApp.make(referenceData: false)
        try await app.test { client in
            #expect(try await client.execute(uri: "/v1/enterprises/alpha", method: .get, headers: auth(app.keys.alpha)).status == .ok)
            let other = try await client.execute(uri: "/v1/enterprises/beta", method: .get, headers: auth(app.keys.alpha))
            #expect(other.status == .forbidden && other.isProblem)
            #expect(try await client.execute(uri: "/v1/enterprises/beta/keys", method: .get, headers: auth(app.keys.alpha)).status == .forbidden)
            let own = try await client.execute(uri: "/v1/enterprises/alpha/keys", method: .get, headers: auth(app.keys.alpha))
            let keys = try own.array()
            #expect(keys.count == 3)
            #expect(keys.allSatisfy { $0["secretHash"] == nil && $0["key"] == nil }, "hashes and secrets never leave the server")
            #expect(keys.allSatisfy { ($0["createdAt"] as? String)?.hasPrefix("2026-05-28T") == true }, "times are ISO 8601 strings")
            // alpha's enterprise key cannot revoke the auditor key the zone issued to alpha.
            let auditorKey = try requireValue(keys.first { $0["role"] as? String == "auditor" }?["id"] as? String)
            let escalate = try await client.execute(uri: "/v1/enterprises/alpha/keys/\(auditorKey)", method: .delete, headers: auth(app.keys.alpha))
            #expect(escalate.status == .forbidden && escalate.isProblem)
            #expect(try await client.execute(uri: "/v1/enterprises/alpha/keys/\(auditorKey)", method: .delete, headers: auth(app.keys.admin)).status == .noContent)
            #expect(try await client.execute(uri: "/v1/enterprises/beta", method: .get, headers: auth(app.keys.auditor)).status == .ok)
            // beta's key cannot be revoked by alpha, nor by an auditor.
            let betaKeys = try await client.execute(uri: "/v1/enterprises/beta/keys", method: .get, headers: auth(app.keys.admin)).array()
            let betaKey = try requireValue(betaKeys.first?["id"] as? String)
            #expect(try await client.execute(uri: "/v1/enterprises/beta/keys/\(betaKey)", method: .delete, headers: auth(app.keys.alpha)).status == .forbidden)
            #expect(try await client.execute(uri: "/v1/enterprises/beta/keys/\(betaKey)", method: .delete, headers: auth(app.keys.auditor)).status == .forbidden)
            #expect(try await client.execute(uri: "/v1/enterprises/alpha/keys/\(betaKey)", method: .delete, headers: auth(app.keys.alpha)).status == .notFound)
            #expect(try await client.execute(uri: "/v1/enterprises/beta/keys/\(betaKey)", method: .delete, headers: auth(app.keys.beta)).status == .noContent)
            #expect(try await client.execute(uri: "/v1/me", method: .get, headers: auth(app.keys.beta)).status == .unauthorized)
        }
    }

    @Test("a zone admin issues a key that works at once and is shown only in that response")
    func issueKey() async throws {
        let app = try await TestApp.make(referenceData: false)
        try await app.test { client in
            let r = try await client.execute(uri: "/v1/enterprises/beta/keys", method: .post, headers: auth(app.keys.admin),
                                             body: try json(["role": "auditor", "label": "customs broker"]))
            #expect(r.status == .created)
            let key = try requireValue(try r.object()["key"] as? String)
            let me = try await client.execute(uri: "/v1/me", method: .get, headers: auth(key))
            #expect(try me.object()["role"] as? String == "auditor")
            let bad = try await client.execute(uri: "/v1/enterprises/beta/keys", method: .post, headers: auth(app.keys.admin),
                                               body: try json(["role": "superuser"]))
            #expect(bad.status == .badRequest && bad.isProblem)
            let missing = try await client.execute(uri: "/v1/enterprises/nobody/keys", method: .post, headers: auth(app.keys.admin),
                                                   body: try json(["role": "auditor"]))
            #expect(missing.status == .notFound)
        }
    }
}
