import CorridorModel
import CorridorRules
import CorridorServer
import CorridorStore
import CorridorTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@Suite("Quote routes", .needsReferenceData)
struct QuoteRouteTests {
    static func app(packs: String? = nil) async throws -> TestApp {
        var app = try await TestApp.make()
        app.rules = RulesService.load(packsDirectory: packs, dataDirectory: try TestData.requireData().path, reference: app.services.reference,
                                      log: SQLiteDecisionLog(database: try CorridorDatabase.inMemory()), logger: Logger(label: "test"))
        return app
    }

    static let body = """
        {"as_of":"2026-08-01","origin":"CN","destination":"DE","channel":"postal","currency":"EUR",
         "seller":{"ioss_registered":true},"shipping":"5.00","insurance":"0.00",
         "lines":[{"code":"610910","description":"cotton T-shirt","customs_value":"20.00","quantity":{"value":"2","unit":"H87"},"net_mass_kg":"0.3"}]}
        """

    @Test("POST /v1/quotes answers the CLI's contract and records a decision that GET …/replay reproduces")
    func quote() async throws {
        let app = try await Self.app()
        try await app.test { client in
            let response = try await client.execute(uri: "/v1/quotes", method: .post, headers: auth(app.keys.alpha), body: ByteBuffer(string: Self.body))
            #expect(response.status == .ok)
            let quote = try response.object()
            let totals = try requireValue(quote["totals"] as? [String: Any])
            #expect(totals["total"] as? String == "33.32" && totals["duties"] as? String == "3.00" && totals["taxes"] as? String == "5.32")
            #expect((quote["regime"] as? [String: Any])?["de_minimis_applied"] as? Bool == false)
            let id = try requireValue(quote["decision_id"] as? String)
            let replay = try await client.execute(uri: "/v1/quotes/\(id)/replay", method: .get, headers: auth(app.keys.alpha))
            #expect(replay.status == .ok)
            #expect(try replay.object()["identical"] as? Bool == true)
            // Another enterprise cannot see alpha's quote; the auditor can.
            let other = try await client.execute(uri: "/v1/quotes/\(id)/replay", method: .get, headers: auth(app.keys.beta))
            #expect(other.status == .notFound)
            let auditor = try await client.execute(uri: "/v1/quotes/\(id)/replay", method: .get, headers: auth(app.keys.auditor))
            #expect(auditor.status == .ok)
            // The same question from beta is beta's own decision.
            let beta = try await client.execute(uri: "/v1/quotes", method: .post, headers: auth(app.keys.beta), body: ByteBuffer(string: Self.body))
            #expect(try beta.object()["decision_id"] as? String != id)
            let missing = try await client.execute(uri: "/v1/quotes/q-missing/replay", method: .get, headers: auth(app.keys.beta))
            #expect(missing.status == .notFound)
            let packs = try await client.execute(uri: "/v1/packs", method: .get, headers: auth(app.keys.auditor))
            #expect(packs.status == .ok)
            #expect((try packs.object()["packs"] as? [[String: Any]])?.count == 10)
        }
    }

    @Test("POST /v1/origin/determinations answers from the configured table and records it for its owner's replay; 503 without rules")
    func origin() async throws {
        var configured = try await TestApp.make(referenceData: false)
        configured.rules = RulesService.load(packsDirectory: nil, dataDirectory: try TestData.requireData().path, reference: configured.services.reference,
                                             log: SQLiteDecisionLog(database: try CorridorDatabase.inMemory()),
                                             originRules: TestData.fixture("rules/origin-test-rules.yaml").path, logger: Logger(label: "test"))
        let app = configured
        let bom = """
            {"agreement":"RCEP","product":{"code":"610910"},"produced_in":"VN","export_to":"JP","currency":"USD","fob":"10",
             "materials":[{"code":"600622","origin":"CN","value":"4"}]}
            """
        try await app.test { client in
            let response = try await client.execute(uri: "/v1/origin/determinations", method: .post, headers: auth(app.keys.alpha), body: ByteBuffer(string: bom))
            #expect(response.status == .ok)
            let object = try response.object()
            #expect(object["qualified"] as? Bool == true && object["criterion_met"] as? String == "CC")
            let id = try #require(object["decision_id"] as? String)
            let replay = try await client.execute(uri: "/v1/origin/determinations/\(id)/replay", method: .get, headers: auth(app.keys.alpha))
            #expect(replay.status == .ok)
            #expect(try replay.object()["identical"] as? Bool == true)
            let other = try await client.execute(uri: "/v1/origin/determinations/\(id)/replay", method: .get, headers: auth(app.keys.beta))
            #expect(other.status == .notFound, "another enterprise's determination is not found")
            let bad = try await client.execute(uri: "/v1/origin/determinations", method: .post, headers: auth(app.keys.alpha),
                                               body: ByteBuffer(string: bom.replacingOccurrences(of: "\"JP\"", with: "\"US\"")))
            #expect(bad.status == .badRequest)
        }
        // Without originRules the shipped RCEP Annex 3A rows answer.
        let shipped = try await Self.app()
        let sofa = """
            {"agreement":"RCEP","product":{"code":"940161"},"produced_in":"VN","export_to":"AU","currency":"USD","fob":"300",
             "materials":[{"code":"440710","origin":"CN","value":"90"}]}
            """
        try await shipped.test { client in
            let response = try await client.execute(uri: "/v1/origin/determinations", method: .post, headers: auth(shipped.keys.alpha), body: ByteBuffer(string: sofa))
            #expect(response.status == .ok)
            let object = try response.object()
            #expect(object["rule"] as? String == "CTH or RVC40" && object["rule_hs"] as? String == "94" && object["criterion_met"] as? String == "CTH")
        }
        // A configured table that does not load: 503 naming the reason, never a silent fallback.
        var broken = try await TestApp.make(referenceData: false)
        broken.rules = RulesService.load(packsDirectory: nil, dataDirectory: try TestData.requireData().path, reference: broken.services.reference,
                                         log: SQLiteDecisionLog(database: try CorridorDatabase.inMemory()), originRules: "/nonexistent/psr.yaml", logger: Logger(label: "test"))
        let app503 = broken
        try await app503.test { client in
            let response = try await client.execute(uri: "/v1/origin/determinations", method: .post, headers: auth(app503.keys.alpha), body: ByteBuffer(string: sofa))
            #expect(response.status == .serviceUnavailable)
            #expect(String(buffer: response.body).contains("/nonexistent/psr.yaml"))
        }
    }

    @Test("bad quote requests are problems naming the field; no key is 401")
    func refusals() async throws {
        let app = try await Self.app()
        try await app.test { client in
            let unauthenticated = try await client.execute(uri: "/v1/quotes", method: .post, body: ByteBuffer(string: Self.body))
            #expect(unauthenticated.status == .unauthorized)
            for (variant, detail) in [
                (Self.body.replacingOccurrences(of: "\"DE\"", with: "\"BR\""), "no rule pack covers destination BR"),
                (Self.body.replacingOccurrences(of: "\"610910\"", with: "\"991234\""), "lines[0].code: 9912.34 is not a subheading"),
                (Self.body.replacingOccurrences(of: "2026-08-01", with: "2019-08-01"), "no rule for regime in force on 2019-08-01"),
                ("not json", "not valid JSON"),
            ] {
                let response = try await client.execute(uri: "/v1/quotes", method: .post, headers: auth(app.keys.alpha), body: ByteBuffer(string: variant))
                #expect(response.status == .badRequest)
                #expect((try response.object()["detail"] as? String)?.contains(detail) == true, "\(detail)")
            }
        }
    }

    @Test("a pack whose golden case fails is left out at start and listed as refused")
    func refusedPack() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("packs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in BundledPacks.files {
            let text = file.name == "eu-low-value.yaml" ? file.text.replacingOccurrences(of: "flat_amount: 3 EUR}", with: "flat_amount: 4 EUR}") : file.text
            try text.write(to: directory.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
        }
        let app = try await Self.app(packs: directory.path)
        try await app.test { client in
            let packs = try await client.execute(uri: "/v1/packs", method: .get, headers: auth(app.keys.alpha))
            let object = try packs.object()
            #expect((object["packs"] as? [[String: Any]])?.count == 9)
            let refused = try requireValue((object["refused"] as? [[String: Any]])?.first)
            #expect(refused["id"] as? String == "eu-low-value" && (refused["markets"] as? [String])?.contains("DE") == true)
            #expect((refused["failures"] as? [String])?.first?.hasPrefix("IOSS parcel after the flat duty starts") == true)
            let response = try await client.execute(uri: "/v1/quotes", method: .post, headers: auth(app.keys.alpha), body: ByteBuffer(string: Self.body))
            #expect(response.status == .serviceUnavailable)
            #expect((try response.object()["detail"] as? String)?.contains("pack eu-low-value is refused") == true)
            let toUK = Self.body.replacingOccurrences(of: "\"destination\":\"DE\"", with: "\"destination\":\"GB\"")
                .replacingOccurrences(of: "\"currency\":\"EUR\"", with: "\"currency\":\"GBP\"")
            let uk = try await client.execute(uri: "/v1/quotes", method: .post, headers: auth(app.keys.alpha), body: ByteBuffer(string: toUK))
            #expect(uk.status == .ok, "the other packs still quote")
        }
    }
}
