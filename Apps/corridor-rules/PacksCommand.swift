import ArgumentParser
import CorridorCommandLine
import CorridorModel
import CorridorRules
import Foundation

/// `corridor-rules packs list|show|test|diff`
struct PacksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packs",
        abstract: "Rule packs: list them, show one, run their golden cases, or diff two versions.",
        subcommands: [List.self, Show.self, Test.self, Diff.self]
    )

    /// Loads packs without refusing failing cases (so `test` can report them).
    static func loadUnchecked(_ directory: String?) throws -> [RulePack] {
        do {
            if let directory { return try RulePackSet(directory: URL(fileURLWithPath: directory, isDirectory: true)).packs }
            return try BundledPacks.load().packs
        } catch {
            throw CLIError(error.description)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the packs: id, version, jurisdiction, markets, SHA-256.")
        @Option(help: ArgumentHelp("Directory of rule packs instead of the shipped ones.", valueName: "dir")) var packs: String?
        @Option(help: "table | json.") var format: OutputFormat = .table

        struct Row: Encodable {
            let id: String, version: String, jurisdiction: String, markets: [String], currency: String, published: String, rules: Int, cases: Int, sha256: String
        }

        func run() async throws {
            let rows = try PacksCommand.loadUnchecked(packs).map { p in
                Row(id: p.id, version: p.version, jurisdiction: p.jurisdiction, markets: p.markets, currency: p.currency.code, published: p.published.description,
                    rules: p.decisions.reduce(0) { $0 + $1.rules.count }, cases: p.cases.count, sha256: p.sha256)
            }
            if format == .json { try printJSON(rows); return }
            for r in rows {
                print("\(r.id)\t\(r.version)\t\(r.jurisdiction)\t\(r.markets.joined(separator: ","))\t\(r.currency)\t\(r.rules) rules\t\(r.cases) cases\t\(r.sha256.prefix(12))")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a pack: its sources, facts, and each decision's rules with their periods and conditions.")
        @Argument(help: "The pack id (e.g. eu-low-value).") var id: String
        @Option(help: ArgumentHelp("Directory of rule packs instead of the shipped ones.", valueName: "dir")) var packs: String?
        @Option(help: "table | json.") var format: OutputFormat = .table

        struct Output: Encodable {
            struct RuleRow: Encodable { let id: String, effective: String, when: String, then: [String: String], source: String, summary: String }
            struct DecisionRow: Encodable { let id: String, scope: String, hit: String, outputs: [String], rules: [RuleRow] }
            let id: String, version: String, title: String, jurisdiction: String, markets: [String], currency: String, published: String, sha256: String
            let sources: [RuleSource]
            let facts: [String: String]
            let decisions: [DecisionRow]
        }

        func run() async throws {
            let all = try PacksCommand.loadUnchecked(packs)
            guard let p = all.first(where: { $0.id == id }) else {
                throw CLIError("no pack \(id); packs: \(all.map(\.id).joined(separator: ", "))")
            }
            let output = Output(
                id: p.id, version: p.version, title: p.title, jurisdiction: p.jurisdiction, markets: p.markets, currency: p.currency.code,
                published: p.published.description, sha256: p.sha256, sources: p.sources,
                facts: p.facts.mapValues { "\($0.type): \($0.question)" },
                decisions: p.decisions.map { d in
                    .init(id: d.id, scope: d.scope.rawValue, hit: d.hit.rawValue, outputs: d.outputs.map { "\($0.name): \($0.type)" },
                          rules: d.rules.map { r in .init(id: r.id, effective: r.effective.description, when: r.when.source,
                                                          then: r.then.mapValues(\.source), source: r.source, summary: r.summary) })
                })
            if format == .json { try printJSON(output); return }
            print("\(p.id) \(p.version) — \(p.title)")
            print("jurisdiction \(p.jurisdiction), markets \(p.markets.joined(separator: ", ")), currency \(p.currency.code), published \(p.published)")
            print("sha256 \(p.sha256)")
            print("sources:")
            for s in p.sources { print("  [\(s.id)] \(s.citation)") }
            if !p.facts.isEmpty {
                print("facts:")
                for (name, f) in p.facts.sorted(by: { $0.key < $1.key }) { print("  \(name): \(f.type) — \(f.question)") }
            }
            for d in output.decisions {
                print("decision \(d.id) (\(d.scope), hit \(d.hit)) → \(d.outputs.joined(separator: ", "))")
                for r in d.rules {
                    print("  \(r.id) \(r.effective) when \(r.when)")
                    print("    then " + r.then.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: "; ") + "  [\(r.source)]")
                }
            }
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run every pack's golden cases; exits 1 when one fails (such a pack does not load in the daemon).")
        @Option(help: ArgumentHelp("Directory of rule packs instead of the shipped ones.", valueName: "dir")) var packs: String?
        @Option(help: "table | json.") var format: OutputFormat = .table

        func run() async throws {
            let results = try PacksCommand.loadUnchecked(packs).flatMap(GoldenCaseRunner.run)
            if format == .json {
                try printJSON(results)
            } else {
                for r in results {
                    print("\(r.passed ? "pass" : "FAIL")\t\(r.pack)\t\(r.name)")
                    for f in r.failures { print("\t\t\(f)") }
                }
                let failed = results.filter { !$0.passed }.count
                print("\(results.count - failed) of \(results.count) cases passed")
            }
            if results.contains(where: { !$0.passed }) { throw ExitCode.failure }
        }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Which rules changed between two versions of a pack, with the HS codes and markets they touch (JSON the alerts engine ingests).",
            discussion: "Example: corridor-rules packs diff old/eu-low-value.yaml Modules/CorridorRules/Packs/eu-low-value.yaml")
        @Argument(help: "The older pack file.") var from: String
        @Argument(help: "The newer pack file.") var to: String
        @Option(help: "json | table.") var format: OutputFormat = .json

        func run() async throws {
            let loader = RulePackLoader(builtins: QuoteFacts.declarations)
            let diff: RulePackDiff
            do {
                diff = try RulePackDiffer.diff(from: try loader.load(contentsOf: URL(fileURLWithPath: from)),
                                               to: try loader.load(contentsOf: URL(fileURLWithPath: to)))
            } catch {
                throw CLIError(error.description)
            }
            if format == .json { try printJSON(diff); return }
            print("\(diff.pack) \(diff.fromVersion) → \(diff.toVersion) (\(diff.jurisdiction), published \(diff.published))")
            for c in diff.changes {
                print("\(c.kind.rawValue)\t\(c.rule)\t\(c.effective?.description ?? "")\t\(c.summary)")
            }
            if diff.changes.isEmpty { print("no rule changed") }
        }
    }
}
