import ArgumentParser
import CorridorCommandLine
import CorridorModel
import CorridorRules
import Foundation

/// `corridor-rules duty parse|coverage`
struct DutyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duty",
        abstract: "Tariff rate texts: read one (and compute it), or measure how many of the HTS general rates are read.",
        subcommands: [Parse.self, Coverage.self]
    )

    struct Parse: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a rate text such as \"30.5¢/kg + 8.5%\"; with --value (and --quantity), compute the duty.",
            discussion: "Example: corridor-rules duty parse '1.5¢/kg + 6.4%' --value 1000 --quantity KGM=250 --format json"
        )
        @Argument(help: "The rate text.") var text: String
        @Option(help: "The customs value of the line.") var value: String?
        @Option(help: "A quantity as UNIT=N, UNIT a UN/ECE Rec 20 code (KGM, LTR, H87, DZN, PR…) or the unit as the rate writes it (repeatable).")
        var quantity: [String] = []
        @Option(help: "The value of a part named by an \"on …\" term, as PART=N (repeatable), e.g. 'the case=12.50'.") var part: [String] = []
        @Option(help: "table | json.") var format: OutputFormat = .table

        struct Output: Encodable {
            let text: String
            let kind: String
            let expression: DutyExpression
            let assessment: DutyAssessment?
        }

        func run() async throws {
            let expression = DutyRateParser.parse(text)
            var assessment: DutyAssessment?
            if let value {
                guard let customsValue = Decimal(exactLiteral: value) else { throw CLIError("--value '\(value)' is not a decimal number") }
                assessment = DutyAssessment.assess(expression, customsValue: customsValue, quantities: try pairs(quantity, "--quantity"),
                                                   partValues: try pairs(part, "--part"))
            }
            let output = Output(text: text, kind: expression.kind, expression: expression, assessment: assessment)
            if format == .json {
                try printJSON(output)
            } else {
                print("\(expression.kind)\t\(expression)")
                if let assessment {
                    if let amount = assessment.amount { print("duty\t\(amount)") } else { print("needs\t" + assessment.missing.joined(separator: "; ")) }
                }
            }
            if !expression.isParsed { throw ExitCode(3) }
        }

        func pairs(_ items: [String], _ option: String) throws -> [String: Decimal] {
            var out: [String: Decimal] = [:]
            for item in items {
                guard let eq = item.lastIndex(of: "="), let n = Decimal(exactLiteral: String(item[item.index(after: eq)...])) else {
                    throw CLIError("\(option) '\(item)' is not NAME=NUMBER")
                }
                out[String(item[..<eq])] = n
            }
            return out
        }
    }

    struct Coverage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read every general-rate text of both US HTS revisions and report how many are read, by kind, with the texts that are not."
        )
        @OptionGroup var data: DataOptions
        @Option(help: "HTS CSV files (default: tariffs/us_hts_2025_rev13.csv and tariffs/us_hts_2026_rev4.csv under --data).") var file: [String] = []
        @Option(help: "How many unread texts to list.") var top: Int = 20
        @Option(help: "table | json.") var format: OutputFormat = .table

        func run() async throws {
            let files = file.isEmpty
                ? ["tariffs/us_hts_2025_rev13.csv", "tariffs/us_hts_2026_rev4.csv"].map { data.directory.appendingPathComponent($0) }
                : file.map { URL(fileURLWithPath: $0) }
            var reports: [DutyRateCoverage] = []
            for url in files {
                do { reports.append(try DutyRateCoverage.measure(htsCSV: url)) } catch { throw CLIError(error.description) }
            }
            if format == .json {
                try printJSON(reports)
                return
            }
            for r in reports {
                print(String(format: "%@: %d of %d general-rate lines read (%.2f%%), %d distinct texts", r.file, r.parsed, r.lines, r.ratio * 100, r.distinctTexts))
                print("  by kind: " + r.kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
                for miss in r.unparsed.prefix(top) { print("  unread ×\(miss.lines): \(miss.text)") }
            }
        }
    }
}
