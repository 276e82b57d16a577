import ArgumentParser
import CorridorCommandLine
import CorridorModel
import CorridorRules
import CorridorStore
import Foundation

/// `corridor-rules origin --file BOM.json [--rules PSR.yaml]`
struct OriginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "origin",
        abstract: "Decide whether a good is originating under an agreement's product-specific rules, step by step, recorded for replay.",
        discussion: """
            The request is a bill of materials (Docs/RULES.md). The rules are the shipped RCEP Annex 3A rows read so far \
            (chapters 94 and 95, parts of 85 and 39; HS 2012; a code no row covers is refused), or the table given with --rules (or $CORRIDOR_ORIGIN_RULES): each HS \
            prefix's rule (WO, CC, CTH, CTSH, RVC40, alternatives with 'or', 'except from'); see Docs/RULE-PACKS.md. \
            The determination is recorded in --database (created if absent) and can be replayed with \
            `corridor-rules replay ID`. Exit status 3: the good is not originating.
            """)
    @Option(help: ArgumentHelp("The request file (- for standard input).", valueName: "BOM.json")) var file: String
    @Option(help: ArgumentHelp("A product-specific rules table (YAML) instead of the shipped RCEP Annex 3A rows.", valueName: "PSR.yaml"))
    var rules: String? = ProcessInfo.processInfo.environment["CORRIDOR_ORIGIN_RULES"].flatMap { $0.isEmpty ? nil : $0 }
    @Option(help: "json | table.") var format: OutputFormat = .json
    @Flag(help: "Do not record the determination in the decision log.") var noRecord = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let body = try RequestFile.read(file)
        let table: ProductSpecificRules
        do throws(RulesError) {
            if let rules { table = try ProductSpecificRules(contentsOf: URL(fileURLWithPath: rules)) } else { table = try BundledOriginRules.rcep() }
        } catch {
            throw CLIError(error.description)
        }
        let log: SQLiteDecisionLog? = noRecord ? nil : SQLiteDecisionLog(database: try database.open(mustExist: false))
        let determination: OriginDetermination
        do {
            determination = try await OriginDesk(engine: OriginEngine(rules: table), log: log).determine(body: body, recordedAt: Date())
        } catch {
            throw CLIError("\(file): \(error.description)")
        }
        if format == .json {
            try printJSON(determination)
        } else {
            print("\(determination.code) under \(determination.agreement): \(determination.qualified ? "ORIGINATING" : "NOT ORIGINATING")\(determination.criterionMet.map { " (\($0))" } ?? "")")
            print("rule\t\(determination.rule) (\(determination.ruleHS))\n\tbasis: \(determination.basis)")
            for (i, step) in determination.steps.enumerated() { print("\(i + 1). \(step.title)\t\(step.result)\t\(step.detail)") }
            for m in determination.materials { print("material\t\(m.code)\t\(m.origin)\t\(m.value)\t\(m.status)") }
            for w in determination.warnings { print("warning\t\(w)") }
            if let id = determination.decisionID { print("decision\t\(id)") }
        }
        if !determination.qualified { throw ExitCode(3) }
    }
}
