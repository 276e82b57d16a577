import CorridorFinance
import CorridorModel
import CorridorServer
import CorridorTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Risk routes")
struct RiskRouteTests {
    /// The application with the real FX files and a scorecard trained on German credit.
    static func app(scorecard: Bool = true) async throws -> TestApp {
        var app = try await TestApp.make(referenceData: false)
        let logger = Logger(label: "test")
        var finance = FinanceService.load(dataDirectory: try TestData.requireData().path, scorecardPath: nil, logger: logger)
        if scorecard {
            let data = try CreditDataset(contentsOf: TestData.directory.appendingPathComponent("finance/germancredit.csv"))
            var trainer = ScorecardTrainer()
            trainer.l2 = 3
            let card = try trainer.train(data, target: data.target("creditability"))
            finance = FinanceService(rates: finance.rates, scorecard: .success(card))
        }
        app.finance = finance
        return app
    }

    @Test("POST /v1/risk/fx/var answers NumPy's historical VaR; unknown currencies, short ranges and bad JSON are problems", .needsReferenceData)
    func valueAtRisk() async throws {
        let app = try await Self.app(scorecard: false)
        let good = try json(["base": "EUR", "currency": "CNY", "from": "2016-01-01", "to": "2025-12-31", "level": 0.99])
        let garch = try json(["base": "EUR", "currency": "CNY", "from": "2016-01-01", "to": "2025-12-31", "method": "garch", "distribution": "t"])
        let vnd = try json(["base": "EUR", "currency": "VND", "from": "2016-01-01", "to": "2025-12-31"])
        let short = try json(["base": "EUR", "currency": "CNY", "from": "2025-12-01", "to": "2025-12-31"])
        let typo = try json(["base": "EUR", "currency": "CNY", "from": "2016-13-01", "to": "2025-12-31"])
        try await app.test { client in
            let response = try await client.execute(uri: "/v1/risk/fx/var", method: .post, headers: auth(app.keys.alpha), body: good)
            #expect(response.status == .ok)
            let object = try response.object()
            #expect(abs((object["var"] as? Double ?? 0) - 0.011961341369513767) < 1e-12)
            #expect(object["observations"] as? Int == 2559)
            let g = try await client.execute(uri: "/v1/risk/fx/var", method: .post, headers: auth(app.keys.auditor), body: garch)
            #expect(g.status == .ok)
            #expect(((try g.object()["garch"] as? [String: Any])?["nu"] as? Double ?? 0) > 4)
            let missing = try await client.execute(uri: "/v1/risk/fx/var", method: .post, headers: auth(app.keys.alpha), body: vnd)
            #expect(missing.status == .notFound)
            #expect((try missing.object()["detail"] as? String)?.contains("sources tried") == true)
            let few = try await client.execute(uri: "/v1/risk/fx/var", method: .post, headers: auth(app.keys.alpha), body: short)
            #expect(few.status == .unprocessableContent)
            #expect((try few.object()["detail"] as? String)?.contains("needs at least 100 returns") == true)
            #expect(try await client.execute(uri: "/v1/risk/fx/var", method: .post, headers: auth(app.keys.alpha), body: typo).status == .badRequest)
            #expect(try await client.execute(uri: "/v1/risk/fx/var", method: .post, body: good).status == .unauthorized)
        }
    }

    @Test("POST /v1/risk/fx/hedge plans forwards under the limit", .needsReferenceData)
    func hedge() async throws {
        let app = try await Self.app(scorecard: false)
        let body: [String: Any] = [
            "as_of": "2025-12-31", "reporting_currency": "CNY", "var_limit": "20000",
            "interest_rates": ["CNY": "0.015", "USD": "0.043"],
            "receivables": [["currency": "USD", "amount": "250000.00", "due": "2026-03-31"]],
        ]
        var bad = body
        bad["receivables"] = [["currency": "USD", "amount": "lots", "due": "2026-03-31"]]
        let good = try json(body), malformed = try json(bad)
        try await app.test { client in
            let response = try await client.execute(uri: "/v1/risk/fx/hedge", method: .post, headers: auth(app.keys.alpha), body: good)
            #expect(response.status == .ok)
            let plan = try requireValue(try response.object()["plan"] as? [String: Any])
            let ratio = try requireValue(plan["hedgeRatio"] as? Double)
            #expect(ratio > 0 && ratio < 1)
            #expect(abs((plan["residualValueAtRisk"] as? Double ?? 0) - 20_000) < 1e-6)
            let rejected = try await client.execute(uri: "/v1/risk/fx/hedge", method: .post, headers: auth(app.keys.alpha), body: malformed)
            #expect(rejected.status == .badRequest)
            #expect(String(buffer: rejected.body).contains("not a decimal string"))
        }
    }

    @Test("POST /v1/risk/credit/score scores with the configured card, or answers 503 without one", .needsReferenceData)
    func score() async throws {
        let app = try await Self.app()
        let without = try await Self.app(scorecard: false)
        let applicant: [String: Any] = [
            "status_of_existing_checking_account": "no checking account", "duration_in_month": 12,
            "credit_history": "critical account/ other credits existing (not at this bank)", "credit_amount": 2000, "age_in_years": 45,
        ]
        let risky: [String: Any] = ["status_of_existing_checking_account": "... < 0 DM", "duration_in_month": 60, "credit_amount": 15000, "age_in_years": 21]
        let body = try json(["applicants": [applicant, risky]])
        let empty = try json(["applicants": [[String: Any]]()])
        try await app.test { client in
            let response = try await client.execute(uri: "/v1/risk/credit/score", method: .post, headers: auth(app.keys.alpha), body: body)
            #expect(response.status == .ok)
            let results = try requireValue(try response.object()["results"] as? [[String: Any]])
            #expect(results.count == 2)
            let safe = try requireValue(results[0]["score"] as? Double), unsafe = try requireValue(results[1]["score"] as? Double)
            #expect(safe > unsafe + 100, "a long-standing account and short loan score far above a large, long loan from an overdrawn account")
            #expect(try await client.execute(uri: "/v1/risk/credit/score", method: .post, headers: auth(app.keys.alpha), body: empty).status == .badRequest)
        }
        try await without.test { client in
            let response = try await client.execute(uri: "/v1/risk/credit/score", method: .post, headers: auth(without.keys.alpha), body: body)
            #expect(response.status == .serviceUnavailable)
            #expect((try response.object()["detail"] as? String)?.contains("no scorecard is configured") == true)
        }
    }

    @Test("POST /v1/risk/fund/simulate reproduces a seed and refuses bad parameters", .needsReferenceData)
    func fund() async throws {
        let app = try await Self.app(scorecard: false)
        let body = try json(["loans": 4677, "principal": "34570000000", "fund": "288000000", "pd": 0.01, "simulations": 1000, "seed": 7])
        let bad = try json(["loans": 4677, "principal": "34570000000", "fund": "288000000", "pd": 0.01, "coverage": 2])
        let huge = try json(["loans": 10, "principal": "100", "fund": "10", "pd": 0.01, "simulations": 10_000_000])
        try await app.test { client in
            let first = try await client.execute(uri: "/v1/risk/fund/simulate", method: .post, headers: auth(app.keys.alpha), body: body)
            let second = try await client.execute(uri: "/v1/risk/fund/simulate", method: .post, headers: auth(app.keys.alpha), body: body)
            #expect(first.status == .ok)
            #expect(String(buffer: first.body) == String(buffer: second.body))
            let p = try requireValue(try first.object()["depletionProbability"] as? Double)
            #expect(p >= 0 && p <= 1)
            let refused = try await client.execute(uri: "/v1/risk/fund/simulate", method: .post, headers: auth(app.keys.alpha), body: bad)
            #expect(refused.status == .badRequest)
            #expect(String(buffer: refused.body).contains("coverage"))
            #expect(try await client.execute(uri: "/v1/risk/fund/simulate", method: .post, headers: auth(app.keys.alpha), body: huge).status == .badRequest)
        }
    }
}

@Suite("Finance service start-up")
struct FinanceServiceTests {
    @Test("a configured scorecard loads; a missing or foreign file is a 503 reason, not a crash", .needsReferenceData)
    func scorecardFile() throws {
        let data = try CreditDataset(contentsOf: TestData.directory.appendingPathComponent("finance/germancredit.csv"))
        var trainer = ScorecardTrainer()
        trainer.l2 = 3
        let card = try trainer.train(data, target: data.target("creditability"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("card-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = dir.appendingPathComponent("card.json"), bad = dir.appendingPathComponent("bad.json")
        try JSONEncoder().encode(card).write(to: good)
        try Data("{\"version\": 2}".utf8).write(to: bad)
        let logger = Logger(label: "test")
        let loaded = FinanceService.load(dataDirectory: TestData.directory.path, scorecardPath: good.path, logger: logger)
        #expect((try? loaded.scorecard.get()) == card)
        #expect((try? loaded.rates.get()) != nil)
        let refused = FinanceService.load(dataDirectory: dir.path, scorecardPath: bad.path, logger: logger)
        #expect(throws: FinanceError.self) { try refused.scorecard.get() }
        #expect(throws: FinanceError.self) { try refused.rates.get() }
    }
}
