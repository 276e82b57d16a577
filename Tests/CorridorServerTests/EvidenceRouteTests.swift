import CorridorLedger
import CorridorServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Evidence routes")
struct EvidenceRouteTests {
    @Test("transfer assessments count volumes since 1 January, are logged, and are scoped to the exporter")
    func transfers() async throws {
        let app = try await TestApp.make(referenceData: false)
        let body: [String: Any] = ["regime": "china", "exporter": "alpha", "destination": "TH", "categories": ["personal"],
                                   "individuals": 60_000, "purpose": "other"]
        var negative = body
        negative["individuals"] = -5
        let good = try json(body), bad = try json(negative)
        try await app.test { client in
            let first = try await client.execute(uri: "/v1/transfers/assessments?as_of=2026-03-01", method: .post, headers: auth(app.keys.alpha), body: good)
            #expect(first.status == .created)
            #expect((try first.object()["decision"] as? [String: Any])?["mechanism"] as? String == "exempt")
            let second = try await client.execute(uri: "/v1/transfers/assessments?as_of=2026-04-01", method: .post, headers: auth(app.keys.alpha), body: good)
            let decision = try requireValue(try second.object()["decision"] as? [String: Any])
            #expect(decision["mechanism"] as? String == "standard-contract-or-certification")
            #expect(decision["cumulativeIndividuals"] as? Int == 120_000)
            #expect(try second.object()["index"] as? Int == 1, "every decision is appended to the evidence log")
            let foreign = try await client.execute(uri: "/v1/transfers/assessments", method: .post, headers: auth(app.keys.beta), body: good)
            #expect(foreign.status == .forbidden)
            #expect(try await client.execute(uri: "/v1/transfers/assessments", method: .post, headers: auth(app.keys.alpha), body: bad).status == .badRequest)
        }
    }

    @Test("recording evidence returns a bundle that verifies offline; proofs are scoped to the owner")
    func record() async throws {
        let app = try await TestApp.make(referenceData: false)
        let hash = String(repeating: "0f", count: 32)
        try await app.test { client in
            let created = try await client.execute(uri: "/v1/evidence", method: .post, headers: auth(app.keys.alpha),
                                                   body: try json(["sha256": hash, "metadata": ["type": "invoice", "number": "INV-1"]]))
            #expect(created.status == .created)
            let object = try created.object()
            #expect(object["index"] as? Int == 0)
            let bundleJSON = try JSONSerialization.data(withJSONObject: try requireValue(object["bundle"]))
            let bundle = try JSONDecoder().decode(EvidenceBundle.self, from: bundleJSON)
            try bundle.verify(logKey: try NoteKey(parsing: app.ledger.key.verifierKey))
            #expect(bundle.statement?.sha256 == hash && bundle.statement?.metadata["number"] == "INV-1")

            _ = try await client.execute(uri: "/v1/evidence", method: .post, headers: auth(app.keys.beta), body: try json(["sha256": hash]))
            #expect(try await client.execute(uri: "/v1/evidence/0/proof", method: .get, headers: auth(app.keys.alpha)).status == .ok)
            let foreign = try await client.execute(uri: "/v1/evidence/0/proof", method: .get, headers: auth(app.keys.beta))
            #expect(foreign.status == .forbidden && foreign.isProblem)
            #expect(try await client.execute(uri: "/v1/evidence/0/proof", method: .get, headers: auth(app.keys.auditor)).status == .ok)
            #expect(try await client.execute(uri: "/v1/evidence/9/proof", method: .get, headers: auth(app.keys.auditor)).status == .notFound)
            let byAuditor = try await client.execute(uri: "/v1/evidence", method: .post, headers: auth(app.keys.auditor), body: try json(["sha256": hash]))
            #expect(byAuditor.status == .forbidden)
            let bad = try await client.execute(uri: "/v1/evidence", method: .post, headers: auth(app.keys.alpha), body: try json(["sha256": "xyz"]))
            #expect(bad.status == .badRequest && bad.isProblem)

            let checkpoint = try await client.execute(uri: "/v1/checkpoint", method: .get, headers: auth(app.keys.beta)).object()
            #expect(checkpoint["size"] as? Int == 2)
            let note = try Checkpoint(note: try requireValue(checkpoint["note"] as? String))
            try note.verify(logKey: app.ledger.key)
            let consistency = try await client.execute(uri: "/v1/consistency?from=1&to=2", method: .get, headers: auth(app.keys.beta)).object()
            #expect(consistency["new_root"] as? String == note.root.base64)
            #expect(try await client.execute(uri: "/v1/consistency?from=0&to=2", method: .get, headers: auth(app.keys.beta)).status == .badRequest)
            #expect(try await client.execute(uri: "/v1/checkpoint", method: .get).status == .unauthorized)
        }
    }
}
