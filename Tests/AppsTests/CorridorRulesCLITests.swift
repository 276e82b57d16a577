import CorridorTestSupport
import Foundation
import Testing

/// `corridor-rules` end to end: duty texts, packs, quotes and replay.
@Suite("corridor-rules CLI")
struct CorridorRulesCLITests {
    /// A database with HS 2022 and the 2026 HTS, for quotes.
    static let database: Task<String, any Error> = Task {
        let path = try CommandRunner.temporaryDirectory().appendingPathComponent("corridor.sqlite").path
        let r = try await CommandRunner.runAsync("corridor-data", ["import", "--from", try TestData.requireData().path, "--database", path,
                                                        "--only", "hs2022", "us-hts-2026r4"])
        guard r.status == 0 else { throw CLIError(message: r.stderr) }
        return path
    }

    struct CLIError: Error { let message: String }

    func writeRequest(_ json: String) throws -> String {
        let url = try CommandRunner.temporaryDirectory().appendingPathComponent("q.json")
        try json.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let request = """
        {"as_of":"2026-08-01","origin":"CN","destination":"DE","channel":"postal","currency":"EUR",
         "seller":{"ioss_registered":true},"shipping":"5.00","insurance":"0.00",
         "lines":[{"code":"610910","description":"cotton T-shirt","customs_value":"20.00","quantity":{"value":"2","unit":"H87"},"net_mass_kg":"0.3"}]}
        """

    @Test("quote prints the contract's fields and a decision id that replay reproduces; an open question exits 3", .needsReferenceData)
    func quoteAndReplay() async throws {
        let database = try await Self.database.value
        let data = try TestData.requireData().path
        let r = try await CommandRunner.runAsync("corridor-rules", ["quote", "--file", try writeRequest(Self.request), "--database", database, "--data", data])
        #expect(r.status == 0, "\(r.stderr)")
        let quote = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let regime = try #require(quote["regime"] as? [String: Any])
        #expect(regime["de_minimis_applied"] as? Bool == false && (regime["basis"] as? String)?.isEmpty == false)
        let totals = try #require(quote["totals"] as? [String: Any])
        #expect(totals["duties"] as? String == "3.00" && totals["taxes"] as? String == "5.32" && totals["fees"] as? String == "0.00" && totals["total"] as? String == "33.32")
        let line = try #require((quote["lines"] as? [[String: Any]])?.first)
        #expect((line["duties"] as? [[String: Any]])?.first?["kind"] as? String == "flat")
        #expect((line["taxes"] as? [[String: Any]])?.first?["kind"] as? String == "vat")
        #expect(quote["warnings"] is [String] && quote["questions"] is [Any] && (quote["packs"] as? [Any])?.count == 3)
        let id = try #require(quote["decision_id"] as? String)

        let replay = try await CommandRunner.runAsync("corridor-rules", ["replay", id, "--database", database])
        #expect(replay.status == 0 && replay.stdout.hasPrefix("\(id): identical"), "\(replay.stdout) \(replay.stderr)")
        let missing = try await CommandRunner.runAsync("corridor-rules", ["replay", "q-nothing", "--database", database])
        #expect(missing.status == 1 && missing.stderr.contains("no decision q-nothing in the log"))

        let open = try await CommandRunner.runAsync("corridor-rules", ["quote", "--file", try writeRequest(Self.request.replacingOccurrences(of: "\"seller\":{\"ioss_registered\":true},", with: "")),
                                                            "--database", database, "--data", data, "--format", "table"])
        #expect(open.status == 3 && open.stdout.contains("question\tseller.ioss_registered: Is the seller registered"))
        let bad = try await CommandRunner.runAsync("corridor-rules", ["quote", "--file", try writeRequest(Self.request.replacingOccurrences(of: "\"20.00\"", with: "\"-1\"")),
                                                           "--database", database, "--data", data])
        #expect(bad.status == 1 && bad.stderr.contains("lines[0].customs_value: must not be negative"))
        let noDatabase = try await CommandRunner.runAsync("corridor-rules", ["quote", "--file", try writeRequest(Self.request), "--database", "/nonexistent/x.sqlite"])
        #expect(noDatabase.status == 1 && noDatabase.stderr.contains("corridor-data import"))
    }

    @Test("origin decides from a bill of materials, records it for replay, exits 3 when not originating; the shipped Annex 3A rows by default")
    func origin() async throws {
        let rules = TestData.fixture("rules/origin-test-rules.yaml").path
        let database = try CommandRunner.temporaryDirectory().appendingPathComponent("decisions.sqlite").path
        let bom = """
            {"agreement":"RCEP","product":{"code":"851713"},"produced_in":"VN","export_to":"JP","currency":"USD","fob":"100.00",
             "materials":[{"code":"854231","origin":"US","value":"40.00"},{"code":"851770","origin":"TW","value":"8.00"}]}
            """
        let yes = try await CommandRunner.runAsync("corridor-rules", ["origin", "--file", try writeRequest(bom), "--rules", rules, "--database", database])
        #expect(yes.status == 0, "\(yes.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(yes.stdout.utf8)) as? [String: Any])
        #expect(object["qualified"] as? Bool == true && object["criterion_met"] as? String == "CTH (de minimis)")
        let id = try #require(object["decision_id"] as? String)
        let replay = try await CommandRunner.runAsync("corridor-rules", ["replay", id, "--database", database])
        #expect(replay.status == 0 && replay.stdout.hasPrefix("\(id): identical") && replay.stdout.contains("pack\tpsr-rcep test-1"), "\(replay.stdout) \(replay.stderr)")
        let no = try await CommandRunner.runAsync("corridor-rules", ["origin", "--file", try writeRequest(bom.replacingOccurrences(of: "\"8.00\"", with: "\"70.00\"")),
                                                                     "--rules", rules, "--format", "table", "--no-record"])
        #expect(no.status == 3 && no.stdout.hasPrefix("851713 under RCEP: NOT ORIGINATING") && !no.stdout.contains("decision\t"))

        // The shipped table: a sofa of Chinese wood and Vietnamese labour (HS 2012 9401.61) under chapter 94's CTH or RVC40.
        let sofa = """
            {"agreement":"RCEP","product":{"code":"940161"},"produced_in":"VN","export_to":"AU","currency":"USD","fob":"300",
             "materials":[{"code":"440710","origin":"CN","value":"90"},{"code":"940190","origin":"US","value":"20"}]}
            """
        let shipped = try await CommandRunner.runAsync("corridor-rules", ["origin", "--file", try writeRequest(sofa), "--format", "table", "--no-record"],
                                                       environment: ["CORRIDOR_ORIGIN_RULES": ""])
        #expect(shipped.status == 0 && shipped.stdout.hasPrefix("940161 under RCEP: ORIGINATING (CTH (de minimis))"), "\(shipped.stdout) \(shipped.stderr)")
        #expect(shipped.stdout.contains("chapter 94: CTH or RVC40") && shipped.stdout.contains("Annex 3A") && shipped.stdout.contains("HS 2012"))
        let uncovered = try await CommandRunner.runAsync("corridor-rules", ["origin", "--file", try writeRequest(sofa.replacingOccurrences(of: "940161", with: "300490")), "--no-record"],
                                                         environment: ["CORRIDOR_ORIGIN_RULES": ""])
        #expect(uncovered.status == 1 && uncovered.stderr.contains("no product-specific rule of RCEP"))
    }

    @Test("packs list, show, test and diff")
    func packs() async throws {
        let list = try await CommandRunner.runAsync("corridor-rules", ["packs", "list", "--format", "json"])
        #expect(list.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 10 && rows.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
        let show = try await CommandRunner.runAsync("corridor-rules", ["packs", "show", "us-low-value"])
        #expect(show.status == 0 && show.stdout.contains("us-321-suspended-all [2025-08-29, …)") && show.stdout.contains("Executive Order 14324"))
        let test = try await CommandRunner.runAsync("corridor-rules", ["packs", "test"])
        #expect(test.status == 0 && test.stdout.contains("cases passed") && !test.stdout.contains("FAIL"))

        let directory = try CommandRunner.temporaryDirectory()
        let show2 = try await CommandRunner.runAsync("corridor-rules", ["packs", "show", "nope"])
        #expect(show2.status == 1 && show2.stderr.contains("no pack nope"))
        let nz = try await CommandRunner.runAsync("corridor-rules", ["packs", "show", "nz-low-value", "--format", "json"])
        #expect(nz.status == 0)
        // A new version that moves the threshold: diff names the rule, and the pack's own case now fails.
        let old = try Self.nzPack
        let new = old.replacingOccurrences(of: "version: \"2019.1\"", with: "version: \"2027.1\"")
            .replacingOccurrences(of: "when: consignment.value <= 1000 NZD", with: "when: consignment.value <= 500 NZD")
        try old.write(to: directory.appendingPathComponent("old.yaml"), atomically: true, encoding: .utf8)
        let newDirectory = directory.appendingPathComponent("new")
        try FileManager.default.createDirectory(at: newDirectory, withIntermediateDirectories: true)
        try new.write(to: newDirectory.appendingPathComponent("nz.yaml"), atomically: true, encoding: .utf8)
        let diff = try await CommandRunner.runAsync("corridor-rules", ["packs", "diff", directory.appendingPathComponent("old.yaml").path, newDirectory.appendingPathComponent("nz.yaml").path])
        #expect(diff.status == 0, "\(diff.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(object["to_version"] as? String == "2027.1" && changes.map { $0["rule"] as? String } == ["nz-low-value-goods"])
        #expect(changes.first?["kind"] as? String == "modified" && changes.first?["markets"] as? [String] == ["NZ"])
        // The alerts engine reads the diff as it is.
        let diffFile = directory.appendingPathComponent("diff.json")
        try diff.stdout.write(to: diffFile, atomically: true, encoding: .utf8)
        let ingested = try await CommandRunner.runAsync("corridor-alerts", ["ingest", "--source", "rule-pack", "--file", diffFile.path, "--format", "json"])
        #expect(ingested.status == 0, "\(ingested.stderr)")
        #expect(ingested.stdout.contains("nz-low-value@2027.1#nz-low-value-goods") && ingested.stdout.contains("\"rejected\" : [\n\n  ]"))
        let failing = try await CommandRunner.runAsync("corridor-rules", ["packs", "test", "--packs", newDirectory.path])
        #expect(failing.status == 1 && failing.stdout.contains("FAIL\tnz-low-value\tNZD 1,000 is low value"))
        let toNZ = Self.request.replacingOccurrences(of: "\"destination\":\"DE\"", with: "\"destination\":\"NZ\"")
        let refused = try await CommandRunner.runAsync("corridor-rules", ["quote", "--file", try writeRequest(toNZ), "--packs", newDirectory.path, "--database", "/nonexistent"])
        #expect(refused.status == 1 && refused.stderr.contains("pack nz-low-value is refused") && refused.stderr.contains("NZD 1,000 is low value"))
    }

    static var nzPack: String {
        get throws {
            let url = TestData.packageRoot.appendingPathComponent("Modules/CorridorRules/Packs/nz-low-value.yaml")
            return try String(contentsOf: url, encoding: .utf8)
        }
    }

    @Test("duty parse reads and computes a rate; an unread rate exits 3 with the text; bad numbers are refused")
    func parse() async throws {
        let r = try await CommandRunner.runAsync("corridor-rules", ["duty", "parse", "1.5¢/kg + 6.4%", "--value", "1000", "--quantity", "KGM=250", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "compound")
        #expect(((object["assessment"] as? [String: Any])?["amount"] as? NSNumber)?.doubleValue == 67.75)
        let unread = try await CommandRunner.runAsync("corridor-rules", ["duty", "parse", "No change"])
        #expect(unread.status == 3 && unread.stdout.contains("unread: No change"))
        let bad = try await CommandRunner.runAsync("corridor-rules", ["duty", "parse", "5%", "--value", "ten"])
        #expect(bad.status == 1 && bad.stderr.contains("--value 'ten' is not a decimal number"))
    }

    @Test("duty coverage on both HTS revisions is at least 99%", .needsReferenceData)
    func coverage() async throws {
        let r = try await CommandRunner.runAsync("corridor-rules", ["duty", "coverage", "--data", try TestData.requireData().path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(reports.compactMap { $0["file"] as? String } == ["us_hts_2025_rev13.csv", "us_hts_2026_rev4.csv"])
        for report in reports {
            let lines = try #require(report["lines"] as? Int), parsed = try #require(report["parsed"] as? Int)
            #expect(Double(parsed) / Double(lines) >= 0.99)
        }
    }
}
