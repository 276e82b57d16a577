import ArgumentParser
import CorridorCommandLine
import CorridorModel
import CorridorRules
import Foundation

/// `corridor-rules origin --file BOM.json --rules PSR.yaml`
struct OriginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "origin",
        abstract: "Decide whether a good is originating under an agreement's product-specific rules, step by step.",
        discussion: """
            The request is a bill of materials (Docs/RULES.md). The rules table (--rules, or $CORRIDOR_ORIGIN_RULES) lists \
            each HS prefix's rule (WO, CC, CTH, CTSH, RVC40, alternatives with 'or', 'except from'); see Docs/RULE-PACKS.md. \
            No table of RCEP Annex 3A is shipped yet. Exit status 3: the good is not originating.
            """)
    @Option(help: ArgumentHelp("The request file (- for standard input).", valueName: "BOM.json")) var file: String
    @Option(help: ArgumentHelp("The product-specific rules table (YAML).", valueName: "PSR.yaml"))
    var rules: String? = ProcessInfo.processInfo.environment["CORRIDOR_ORIGIN_RULES"].flatMap { $0.isEmpty ? nil : $0 }
    @Option(help: "json | table.") var format: OutputFormat = .json

    func run() async throws {
        guard let rules else { throw CLIError("give the product-specific rules with --rules PSR.yaml (or CORRIDOR_ORIGIN_RULES); no Annex 3A table is shipped yet") }
        let body = try RequestFile.read(file)
        let determination: OriginDetermination
        do {
            let table = try ProductSpecificRules(contentsOf: URL(fileURLWithPath: rules))
            determination = try OriginEngine(rules: table).determine(try OriginRequest.parse(body))
        } catch {
            throw CLIError(error.description)
        }
        if format == .json {
            try printJSON(determination)
        } else {
            print("\(determination.code) under \(determination.agreement): \(determination.qualified ? "ORIGINATING" : "NOT ORIGINATING")\(determination.criterionMet.map { " (\($0))" } ?? "")")
            print("rule\t\(determination.rule) (\(determination.ruleHS))\n\tbasis: \(determination.basis)")
            for (i, step) in determination.steps.enumerated() { print("\(i + 1). \(step.title)\t\(step.result)\t\(step.detail)") }
            for m in determination.materials { print("material\t\(m.code)\t\(m.origin)\t\(m.value)\t\(m.status)") }
            for w in determination.warnings { print("warning\t\(w)") }
        }
        if !determination.qualified { throw ExitCode(3) }
    }
}
