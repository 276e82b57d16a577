import CorridorTestSupport
import Foundation
import Testing

/// `corridor-risk` end to end on the real finance files: the JSON forms external checks rely on.
@Suite("corridor-risk CLI")
struct CorridorRiskCLITests {
    struct Unexpected: Error { let text: String }

    func run(_ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run("corridor-risk", arguments, environment: ["CORRIDOR_DATA": TestData.directory.path])
    }

    func json(_ r: CommandRunner.Result) throws -> [String: Any] {
        guard r.status == 0 else { throw Unexpected(text: r.stderr) }
        guard let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any] else { throw Unexpected(text: r.stdout) }
        return object
    }

    var finance: String { TestData.directory.appendingPathComponent("finance").path }

    @Test("fx var --format json: var, es and observations as the contract states; --svg draws the chart", .needsReferenceData)
    func fxVar() throws {
        let svg = try CommandRunner.temporaryDirectory().appendingPathComponent("var.svg")
        let object = try json(try run(["fx", "var", "--data", TestData.directory.path, "--base", "EUR", "--currency", "CNY",
                                       "--from", "2016-01-01", "--to", "2025-12-31", "--level", "0.99", "--format", "json", "--svg", svg.path]))
        #expect(abs((object["var"] as? Double ?? 0) - 0.011961341369513767) < 1e-12)
        #expect(abs((object["es"] as? Double ?? 0) - 0.015490590216540952) < 1e-12)
        #expect(object["observations"] as? Int == 2559)
        let drawing = try String(contentsOf: svg, encoding: .utf8)
        #expect(drawing.hasPrefix("<svg"))
        #expect(drawing.components(separatedBy: "<circle").count - 1 >= 20, "the breaches are marked")
        for method in ["parametric", "ewma", "garch"] {
            let m = try json(try run(["fx", "var", "--base", "EUR", "--currency", "CNY", "--from", "2016-01-01", "--to", "2025-12-31",
                                      "--method", method, "--format", "json"]))
            #expect((m["var"] as? Double ?? 0) > 0.005 && (m["var"] as? Double ?? 1) < 0.02, "\(method)")
        }
    }

    @Test("fx garch --format json matches arch 8.0 to 1e-3", .needsReferenceData)
    func garch() throws {
        let fit = try json(try run(["fx", "garch", "--base", "EUR", "--currency", "CNY", "--from", "2016-01-01", "--to", "2025-12-31", "--format", "json"]))
        #expect(abs((fit["alpha"] as? Double ?? 0) - 0.03465476689069298) < 1e-3)
        #expect(abs((fit["beta"] as? Double ?? 0) - 0.9505599969491136) < 1e-3)
    }

    @Test("credit bin --format json gives optbinning's splits, WoE per bin and IV", .needsReferenceData)
    func creditBin() throws {
        let object = try json(try run(["credit", "bin", "--file", "\(finance)/breast_cancer.csv", "--target", "target", "--feature", "mean radius", "--format", "json"]))
        let splits = try #require(object["splits"] as? [Double])
        #expect(zip(splits, [11.425, 12.33, 13.095, 13.705, 15.045, 16.925]).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(abs((object["iv"] as? Double ?? 0) - 5.043925) < 1e-6)
        let bins = try #require(object["bins"] as? [[String: Any]])
        #expect(bins.count == 7)
        #expect(bins.allSatisfy { $0["woe"] is Double && $0["iv"] is Double })
    }

    @Test("credit train writes a card that credit score reads; insurance and fund print their figures", .needsReferenceData)
    func trainScoreInsureSimulate() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let card = dir.appendingPathComponent("card.json").path
        let trained = try run(["credit", "train", "--file", "\(finance)/germancredit.csv", "--target", "creditability", "--out", card])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(trained.stdout.contains("test   AUC"))
        let scored = try run(["credit", "score", "--model", card, "--file", "\(finance)/germancredit.csv", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(scored.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1000)
        #expect(rows[0]["id"] as? String == "line 2")
        let premium = try json(try run(["insurance", "premium", "--exposure", "500000", "--currency", "USD", "--pd", "0.02", "--lgd", "0.6", "--format", "json"]))
        #expect(premium["sinosureBand"] as? String == "within")
        let fund = try json(try run(["fund", "simulate", "--loans", "4677", "--principal", "34570000000", "--fund", "288000000",
                                     "--pd", "0.01", "--simulations", "1000", "--format", "json"]))
        #expect((fund["leverage"] as? Double ?? 0) > 119)
    }

    @Test("bad input: an unknown currency, dates outside the data, a non-binary target, a bad file", .needsReferenceData)
    func badInput() throws {
        let vnd = try run(["fx", "var", "--base", "EUR", "--currency", "VND", "--from", "2016-01-01", "--to", "2025-12-31"])
        #expect(vnd.status != 0)
        #expect(vnd.stderr.contains("sources tried"))
        let early = try run(["fx", "var", "--base", "EUR", "--currency", "CNY", "--from", "1990-01-01", "--to", "2025-12-31"])
        #expect(early.stderr.contains("outside the data"))
        let unknown = try run(["fx", "var", "--base", "EUR", "--currency", "XYZ", "--from", "2016-01-01", "--to", "2025-12-31"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("XYZ"))
        let target = try run(["credit", "bin", "--file", "\(finance)/germancredit.csv", "--target", "purpose", "--feature", "age_in_years"])
        #expect(target.stderr.contains("exactly two outcomes"))
        let exposure = try CommandRunner.temporaryDirectory().appendingPathComponent("exposure.json")
        try #"{"as_of":"2025-12-31","reporting_currency":"CNY","var_limit":"1","interest_rates":{},"receivables":[{"currency":"USD","amount":"1e5","due":"2026-01-31"}]}"#
            .write(to: exposure, atomically: true, encoding: .utf8)
        let hedge = try run(["fx", "hedge", "--file", exposure.path])
        #expect(hedge.stderr.contains("receivables[0].amount"))
    }
}
