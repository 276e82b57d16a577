import CorridorModel
import CorridorRules
import Foundation
import Testing

@Suite("Rule packs")
struct RulePackTests {
    let loader = RulePackLoader(builtins: QuoteFacts.declarations)

    /// A pack written for these tests: one decision per hit policy.
    static let policies = """
        pack: policies
        version: "1"
        title: hit policies
        jurisdiction: XX
        markets: []
        currency: EUR
        published: 2026-01-01
        sources:
          - {id: s, title: test source, url: https://example.org/s, date: 2026-01-01}
        facts:
          buyer.score: {type: Decimal, question: What is the buyer's score?}
        decisions:
          - id: first
            scope: consignment
            hit: first
            outputs: {band: String}
            rules:
              - {id: f-high, effective: {from: 2026-01-01}, when: buyer.score >= 700, then: {band: high}, source: s}
              - {id: f-any, effective: {from: 2026-01-01}, when: "true", then: {band: any}, source: s}
          - id: unique
            scope: consignment
            hit: unique
            outputs: {band: String}
            rules:
              - {id: u-a, effective: {from: 2026-01-01}, when: buyer.score >= 500, then: {band: a}, source: s}
              - {id: u-b, effective: {from: 2026-01-01}, when: buyer.score >= 600, then: {band: b}, source: s}
          - id: priority
            scope: consignment
            hit: priority
            outputs: {band: String}
            rules:
              - {id: p-low, effective: {from: 2026-01-01}, when: "true", then: {band: low}, priority: 1, source: s}
              - {id: p-high, effective: {from: 2026-01-01}, when: buyer.score >= 700, then: {band: high}, priority: 5, source: s}
          - id: tie
            scope: consignment
            hit: priority
            outputs: {band: String}
            rules:
              - {id: t-a, effective: {from: 2026-01-01}, when: buyer.score > 1, then: {band: a}, priority: 3, source: s}
              - {id: t-b, effective: {from: 2026-01-01}, when: buyer.score > 2, then: {band: b}, priority: 3, source: s}
          - id: collect
            scope: consignment
            hit: collect
            outputs: {band: String}
            rules:
              - {id: c-a, effective: {from: 2026-01-01, to: 2026-07-01}, when: "true", then: {band: a}, source: s}
              - {id: c-b, effective: {from: 2026-01-01}, when: buyer.score > 100, then: {band: b}, source: s}
        """

    func evaluate(_ decision: String, score: Int?, on day: String = "2026-03-01") throws -> DecisionResult {
        let pack = try loader.load(text: Self.policies, file: "policies.yaml")
        let facts: [String: RuleValue] = score.map { ["buyer.score": .decimal(Decimal($0))] } ?? [:]
        let table = try #require(pack.decision(decision))
        return try table.evaluate(in: EvaluationContext(facts: facts, asOf: try CivilDate(parsing: day), converter: nil), pack: pack.id)
    }

    @Test("hit policies: first, unique (two holding is an error), priority, collect (with effective periods)")
    func hitPolicies() throws {
        #expect(try evaluate("first", score: 720).matches.map(\.rule) == ["f-high"])
        #expect(try evaluate("first", score: 300).matches.map(\.rule) == ["f-any"])
        #expect(try evaluate("first", score: nil).missingFacts == ["buyer.score"])
        #expect(try evaluate("unique", score: 550).matches.map(\.rule) == ["u-a"])
        #expect(throws: RulesError.ambiguousRules(pack: "policies", decision: "unique", rules: ["u-a", "u-b"])) { try evaluate("unique", score: 650) }
        #expect(try evaluate("priority", score: 720).matches.map(\.rule) == ["p-high"])
        #expect(try evaluate("priority", score: 10).matches.map(\.rule) == ["p-low"])
        #expect(try evaluate("priority", score: nil).missingFacts == ["buyer.score"])
        #expect(try evaluate("unique", score: nil).missingFacts == ["buyer.score"] && (try evaluate("unique", score: nil).matches.isEmpty))
        #expect(throws: RulesError.ambiguousRules(pack: "policies", decision: "tie", rules: ["t-a", "t-b"])) { try evaluate("tie", score: 5) }
        #expect(try evaluate("tie", score: 2).matches.map(\.rule) == ["t-a"])
        #expect(try evaluate("collect", score: nil).matches.map(\.rule) == ["c-a"] && (try evaluate("collect", score: nil).missingFacts == ["buyer.score"]))
        #expect(try evaluate("collect", score: 200).matches.map(\.rule) == ["c-a", "c-b"])
        #expect(try evaluate("collect", score: 200, on: "2026-07-01").matches.map(\.rule) == ["c-b"])
        #expect(throws: RulesError.noRuleInForce(pack: "policies", decision: "collect", asOf: "2025-12-31")) { try evaluate("collect", score: 200, on: "2025-12-31") }
    }

    @Test("every shipped pack loads, cites its sources, and passes its golden cases")
    func shipped() throws {
        let set = try BundledPacks.load()
        #expect(set.packs.map(\.id) == ["au-low-value", "cn-cbec", "eu-cbam", "eu-low-value", "my-low-value", "nz-low-value", "restrictions",
                                         "sg-low-value", "uk-low-value", "us-low-value"])
        #expect(set.packs.filter(\.overlay).map(\.id) == ["eu-cbam", "restrictions"])
        #expect(set.overlays(for: "DE").map(\.id) == ["eu-cbam", "restrictions"] && set.overlays(for: "US").map(\.id) == ["restrictions"])
        for pack in set.packs {
            #expect(!pack.sources.isEmpty && pack.sources.allSatisfy { $0.url.hasPrefix("https://") })
            #expect(!pack.cases.isEmpty, "\(pack.id) ships no golden case")
            let passed = GoldenCaseRunner.run(pack).allSatisfy(\.passed)
            #expect(passed, "\(pack.id) has a failing golden case")
        }
        #expect(try set.pack(for: "DE").id == "eu-low-value")
        #expect(throws: RulesError.self) { try set.pack(for: "BR") }
    }

    @Test("a malformed pack is refused with its file and line")
    func malformed() throws {
        let eu = try #require(BundledPacks.files.first { $0.name == "eu-low-value.yaml" }).text
        func error(_ text: String) -> String {
            do { _ = try loader.load(text: text, file: "bad.yaml"); return "loaded" } catch { return error.description }
        }
        func line(of needle: String, in text: String) -> Int {
            (text.components(separatedBy: "\n").firstIndex { $0.contains(needle) } ?? -1) + 1
        }
        let typo = eu.replacingOccurrences(of: "when: consignment.value <= 150 EUR and seller.ioss_registered\n        then: {name: \"IOSS",
                                           with: "when: consignment.value <= 150 and seller.ioss_registered\n        then: {name: \"IOSS")
        #expect(error(typo).hasPrefix("bad.yaml:\(line(of: "when: consignment.value <= 150 and", in: typo)): expression `consignment.value <= 150 and"))
        let badKey = eu.replacingOccurrences(of: "    hit: first", with: "    hits: first")
        #expect(error(badKey).contains("unknown key 'hits'"))
        let badPeriod = eu.replacingOccurrences(of: "effective: {from: 2021-07-01, to: 2026-07-01}", with: "effective: {from: 2026-07-01, to: 2021-07-01}")
        #expect(error(badPeriod).hasPrefix("bad.yaml:\(line(of: "from: 2026-07-01, to: 2021-07-01", in: badPeriod)):"))
        #expect(error(badPeriod).contains("ends (2021-07-01) on or before it starts"))
        let badSource = eu.replacingOccurrences(of: "source: duty-relief-150\n        summary: relief", with: "source: nowhere\n        summary: relief")
        #expect(error(badSource).contains("cites 'nowhere', which is not under sources:"))
        #expect(error("pack: [unclosed").contains("not valid YAML"))
        let badCase = eu.replacingOccurrences(of: "expect: {regime.rule: eu-standard", with: "expect: {regime.rules: eu-standard")
        #expect(error(badCase).contains("expect key 'regime.rules'"))
        let badTemplate = eu.replacingOccurrences(of: "then: {message: \"Consignments over EUR 150 need a full customs declaration\"}",
                                                  with: "then: {message: \"Over {consignment.valu} EUR\"}")
        #expect(error(badTemplate).contains("part {consignment.valu}: unknown fact 'consignment.valu'"))
        let strayPriority = Self.policies.replacingOccurrences(of: "then: {band: high}, source: s}", with: "then: {band: high}, priority: 2, source: s}")
        #expect(error(strayPriority).contains("priority: only applies under hit: priority (this decision is first)"))
        let noPriority = Self.policies.replacingOccurrences(of: "then: {band: a}, priority: 3, source: s}", with: "then: {band: a}, source: s}")
        #expect(error(noPriority).contains("rule t-a needs a priority: under hit: priority"))
    }

    @Test("a pack whose golden case fails is refused; packs covering one market twice are refused")
    func refusals() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("packs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let uk = try #require(BundledPacks.files.first { $0.name == "uk-low-value.yaml" }).text
        // The law says GBP 135; an author who types 153 is caught by the pack's own case.
        try uk.replacingOccurrences(of: "when: consignment.value <= 135 GBP\n        then: {name: \"Consignment", with: "when: consignment.value <= 153 GBP\n        then: {name: \"Consignment")
            .write(to: directory.appendingPathComponent("uk.yaml"), atomically: true, encoding: .utf8)
        #expect {
            _ = try RulePackSet.checked(directory: directory)
        } throws: { error in
            "\(error)".contains("pack uk-low-value is refused") && "\(error)".contains("GBP 135.01 leaves the low-value rules")
        }
        let a = try loader.load(text: uk, file: "a.yaml")
        let b = try loader.load(text: uk.replacingOccurrences(of: "pack: uk-low-value", with: "pack: uk-copy"), file: "b.yaml")
        #expect(throws: RulesError.conflictingPacks("GB is covered by both uk-low-value and uk-copy")) { try RulePackSet([a, b]) }
        // A fact means one thing across packs.
        let typed = try loader.load(text: uk.replacingOccurrences(of: "markets: [GB]", with: "markets: [NO]")
            .replacingOccurrences(of: "pack: uk-low-value", with: "pack: uk-typed")
            .replacingOccurrences(of: "decisions:\n  - id: regime", with: "facts:\n  seller.ioss_registered: {type: Decimal, question: q}\ndecisions:\n  - id: regime"), file: "t.yaml")
        let eu = try loader.load(text: try #require(BundledPacks.files.first { $0.name == "eu-low-value.yaml" }).text, file: "eu.yaml")
        #expect { try RulePackSet([eu, typed]) } throws: { "\($0)".contains("fact seller.ioss_registered is") }
        // An overlay only warns; a market pack cannot claim every market.
        let overlay = try loader.load(text: uk.replacingOccurrences(of: "markets: [GB]", with: "markets: [GB]\noverlay: true"), file: "o.yaml")
        #expect { try RulePackSet([overlay]) } throws: { "\($0)".contains("an overlay pack has only warnings decisions, not regime") }
        let everywhere = try loader.load(text: uk.replacingOccurrences(of: "markets: [GB]", with: "markets: [\"*\"]"), file: "e.yaml")
        #expect { try RulePackSet([everywhere]) } throws: { "\($0)".contains("only an overlay pack may cover every market") }
    }

    @Test("packs diff names the rules added, removed and changed, with markets and dates")
    func diff() throws {
        let eu = try #require(BundledPacks.files.first { $0.name == "eu-low-value.yaml" }).text
        let old = try loader.load(text: eu, file: "old.yaml")
        let changed = eu
            .replacingOccurrences(of: "version: \"2026.2\"", with: "version: \"2026.3\"")
            .replacingOccurrences(of: "flat_amount: 3 EUR}", with: "flat_amount: 2 EUR}")
            .replacingOccurrences(of: "      - id: eu-full-declaration\n", with: "      - id: eu-customs-declaration\n")
        let new = try loader.load(text: changed, file: "new.yaml")
        let diff = try RulePackDiffer.diff(from: old, to: new)
        #expect(diff.fromVersion == "2026.2" && diff.toVersion == "2026.3")
        #expect(diff.changes.map { "\($0.kind.rawValue) \($0.rule)" }.sorted()
                == ["added eu-customs-declaration", "modified eu-flat-duty-ioss", "removed eu-full-declaration"])
        let modified = try #require(diff.changes.first { $0.kind == .modified })
        #expect(modified.summary.contains("flat_amount: 3 EUR → 2 EUR"))
        #expect(modified.effective?.description == "2026-07-01")
        #expect(modified.markets.contains("DE") && modified.markets.count == 12)
        #expect(try RulePackDiffer.diff(from: old, to: old).changes.isEmpty)

        // A rate changed only in a table, and a rule that now ends: both are reported, with the right day.
        let vat = eu.replacingOccurrences(of: "version: \"2026.2\"", with: "version: \"2027.1\"")
            .replacingOccurrences(of: "published: 2026-02-12", with: "published: 2026-12-01")
            .replacingOccurrences(of: "DE: \"0.19\"", with: "DE: \"0.20\"")
            .replacingOccurrences(of: "        effective: {from: 2026-07-01}\n        when: consignment.value <= 150 EUR\n",
                                  with: "        effective: {from: 2026-07-01, to: 2028-07-01}\n        when: consignment.value <= 150 EUR\n")
        let vatDiff = try RulePackDiffer.diff(from: old, to: try loader.load(text: vat, file: "vat.yaml"))
        let table = try #require(vatDiff.changes.first { $0.rule == "table:vat_rate" })
        #expect(table.kind == .modified && table.markets == ["DE"] && table.summary.contains("DE 0.19 → 0.2"))
        #expect(table.effective?.description == "2026-12-01")
        let ending = try #require(vatDiff.changes.first { $0.rule == "eu-duty-relief-150-non-ioss" })
        #expect(ending.effective?.description == "2028-07-01" && ending.summary.contains("in force"))
        #expect(vatDiff.changes.count == 2)
    }
}
